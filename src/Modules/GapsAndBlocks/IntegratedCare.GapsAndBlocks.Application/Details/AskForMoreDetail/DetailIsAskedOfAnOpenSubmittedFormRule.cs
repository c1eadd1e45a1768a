using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application.Details.AskForMoreDetail;

internal sealed class DetailIsAskedOfAnOpenSubmittedFormRule(GapsBlocksForm form) : IBusinessRule
{
    public bool IsBroken() => form.Stage is FormStage.Draft or FormStage.AwaitingEndorsement or FormStage.Closed;

    public string Message => $"Form {form.Id} is at {form.Stage}: more detail is asked of a form sent on and still open.";
}
