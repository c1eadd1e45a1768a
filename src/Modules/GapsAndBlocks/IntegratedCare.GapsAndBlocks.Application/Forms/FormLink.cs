using IntegratedCare.BuildingBlocks.Application.Errors;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

/// <summary>The care plan variance a form may link to, as creating and updating a form both check it.</summary>
internal static class FormLink
{
    /// <summary>
    /// A form links only to a variance on a care plan the case manager's agency leads; the person of that
    /// plan is whom the anonymity guard then checks given names against (never stored with the form).
    /// </summary>
    public static async Task<IReadOnlyList<Guid>?> PersonOfLinkAsync(IMediator mediator, FormInput input, Guid agencyId, CancellationToken cancellationToken)
    {
        if (LinkOf(input) is not { } variance)
        {
            return null;
        }

        var person = await mediator.Send(new CarePlan.Contracts.PersonOfVarianceQuery(variance.ToString("D"), agencyId.ToString("D")), cancellationToken);
        return person is { } about ? [about] : throw new RequestValidationException("form.linked_variance_id", "is not a variance on a care plan your agency leads");
    }

    public static Guid? LinkOf(FormInput input) => string.IsNullOrEmpty(input.LinkedVarianceId) ? null : Guid.Parse(input.LinkedVarianceId);
}
