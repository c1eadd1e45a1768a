using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.InterAgency;

namespace IntegratedCare.Protocols.Application.InterAgency;

public sealed record EscalationContactInput(string Role, string Email, string Phone);

public sealed record ProtocolTermsInput(
    string Name,
    IReadOnlyList<AgencyType> PartyAgencyTypes,
    IReadOnlyList<string> PartyAgencyIds,
    string ReferralCriteria,
    int ResponseTimeAmount,
    ResponseTimeUnit? ResponseTimeUnit,
    EscalationContactInput? EscalationContact,
    string ReviewDate);

/// <summary>Create and Update share their terms and their checks.</summary>
public interface IHasProtocolTerms
{
    ProtocolTermsInput Terms { get; }
}

internal static class ProtocolTerms
{
    public static void AddRules<T>(AbstractValidator<T> validator)
        where T : IHasProtocolTerms
    {
        validator.RuleFor(x => x.Terms).NotNull().WithMessage("is required");
        validator.When(x => x.Terms is not null, () =>
        {
            validator.RuleFor(x => x.Terms.Name).RequiredText(200).OverridePropertyName("name");
            validator.RuleForEach(x => x.Terms.PartyAgencyTypes).IsInEnum().WithMessage("is not a known agency type").OverridePropertyName("party_agency_types");
            validator.RuleForEach(x => x.Terms.PartyAgencyIds).MustBeId().OverridePropertyName("party_agency_ids");
            validator.RuleFor(x => x.Terms.ReferralCriteria).RequiredText(4000).OverridePropertyName("referral_criteria");
            validator.RuleFor(x => x.Terms.ResponseTimeAmount).InclusiveBetween(1, 365).WithMessage("must be 1 to 365 days").OverridePropertyName("response_time_amount");
            validator.RuleFor(x => x.Terms.ResponseTimeUnit).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known unit").OverridePropertyName("response_time_unit");
            validator.RuleFor(x => x.Terms.EscalationContact).NotNull().WithMessage("is required").OverridePropertyName("escalation_contact");
            validator.RuleFor(x => x.Terms.EscalationContact!.Role).RequiredText(200).When(x => x.Terms.EscalationContact is not null).OverridePropertyName("escalation_contact.role");
            validator.RuleFor(x => x.Terms.EscalationContact!.Email).RequiredEmail().When(x => x.Terms.EscalationContact is not null).OverridePropertyName("escalation_contact.email");
            validator.RuleFor(x => x.Terms.EscalationContact!.Phone).OptionalPhone().When(x => x.Terms.EscalationContact is not null).OverridePropertyName("escalation_contact.phone");
            validator.RuleFor(x => x.Terms.ReviewDate).Must(d => ParseDate(d) is not null)
                .WithMessage("must be a date in the form YYYY-MM-DD").OverridePropertyName("review_date");
        });
    }

    public static async Task<InterAgencyProtocolTerms> ToTermsAsync(ProtocolTermsInput input, IAgencyRepository agencies, CancellationToken cancellationToken)
    {
        var agencyIds = input.PartyAgencyIds.Select(a => new AgencyId(Guid.Parse(a))).ToList();
        RequestValidationException.ThrowIfAnyMissing(
            agencyIds, await agencies.MissingAsync(agencyIds, cancellationToken), i => $"party_agency_ids[{i}]", "no agency has this id");

        var contact = input.EscalationContact!;
        return new InterAgencyProtocolTerms(
            input.Name, input.PartyAgencyTypes, agencyIds, input.ReferralCriteria,
            new ResponseTime(input.ResponseTimeAmount, input.ResponseTimeUnit!.Value),
            new EscalationContact(contact.Role.Trim(), contact.Email.Trim(), (contact.Phone ?? string.Empty).Trim()),
            ParseDate(input.ReviewDate)!.Value);
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static async Task<InterAgencyProtocol> LoadAsync(IInterAgencyProtocolRepository protocols, string protocolId, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new InterAgencyProtocolId(Guid.Parse(protocolId));
        audit.Resource(id.ToString());
        return await protocols.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Protocol", id.ToString());
    }
}
