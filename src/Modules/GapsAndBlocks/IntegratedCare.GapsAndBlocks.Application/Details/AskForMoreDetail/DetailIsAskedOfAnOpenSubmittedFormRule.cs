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

namespace IntegratedCare.GapsAndBlocks.Application.Details.AskForMoreDetail;

public sealed class DetailIsAskedOfAnOpenSubmittedFormRule(GapsBlocksForm form) : IBusinessRule
{
    public bool IsBroken() => form.Stage is FormStage.Draft or FormStage.AwaitingEndorsement or FormStage.Closed;

    public string Message => $"Form {form.Id} is at {form.Stage}: more detail is asked of a form sent on and still open.";
}
