using IntegratedCare.GapsAndBlocks.Domain.Details;

namespace IntegratedCare.GapsAndBlocks.Application.Details;

public sealed record MoreDetailDto(
    string DetailId, string FormId, string Question, string AskedBy, DateTimeOffset AskedAt, string ServiceUserId, string ConsentId, string Detail, string GivenBy, DateTimeOffset? GivenAt)
{
    internal static MoreDetailDto From(MoreDetail d) => new(
        d.DetailId.ToString("D"), d.FormId.ToString("D"), d.Question, d.AskedBy, d.AskedAt,
        d.ServiceUserId?.ToString("D") ?? string.Empty, d.ConsentId?.ToString("D") ?? string.Empty, d.Answer, d.AnsweredBy, d.AnsweredAt);
}
