using IntegratedCare.Assessment.Domain.ServiceUsers;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

public sealed record ServiceUserMatchDto(string ServiceUserId, MatchStrength Strength, double Score, ServiceUserDto? ServiceUser, bool IdentityWithheld);
