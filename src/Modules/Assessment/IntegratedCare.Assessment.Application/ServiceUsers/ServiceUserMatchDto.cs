using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

public sealed record ServiceUserMatchDto(string ServiceUserId, MatchStrength Strength, double Score, ServiceUserDto? ServiceUser, bool IdentityWithheld);
