using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details;

public sealed record MoreDetailDto(
    string DetailId, string FormId, string Question, string AskedBy, DateTimeOffset AskedAt, string ServiceUserId, string ConsentId, string Detail, string GivenBy, DateTimeOffset? GivenAt)
{
    public static MoreDetailDto From(MoreDetail d) => new(
        d.DetailId.ToString("D"), d.FormId.ToString("D"), d.Question, d.AskedBy, d.AskedAt,
        d.ServiceUserId?.ToString("D") ?? string.Empty, d.ConsentId?.ToString("D") ?? string.Empty, d.Answer, d.AnsweredBy, d.AnsweredAt);
}
