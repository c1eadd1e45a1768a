using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;

namespace IntegratedCare.Protocols.Application.Agencies;

/// <summary>The contact block of a registration or update, as sent.</summary>
public sealed record AgencyContactInput(string Email, string Phone);

/// <summary>The fields registration and update share, validated one way.</summary>
public interface IAgencyInput
{
    string Name { get; }

    AgencyType? Type { get; }

    IReadOnlyList<string> AreaIds { get; }

    AgencyContactInput? Contact { get; }

    string OrganisationCode { get; }
}

internal static class AgencyInput
{
    public const int MaxAreas = 20;

    public static void AddRules<T>(AbstractValidator<T> validator)
        where T : IAgencyInput
    {
        validator.RuleFor(x => x.Name).RequiredText(200);
        validator.RuleFor(x => x.Type).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known agency type");
        validator.RuleFor(x => x.AreaIds).NotEmpty().WithMessage("must name at least one area")
            .Must(a => a.Count <= MaxAreas).WithMessage($"must name at most {MaxAreas} areas")
            .Must(a => a.Distinct(StringComparer.OrdinalIgnoreCase).Count() == a.Count).WithMessage("must not repeat an area");
        validator.RuleForEach(x => x.AreaIds).MustBeId();
        validator.RuleFor(x => x.Contact).NotNull().WithMessage("is required");
        validator.When(x => x.Contact is not null, () =>
        {
            validator.RuleFor(x => x.Contact!.Email).RequiredEmail();
            validator.RuleFor(x => x.Contact!.Phone).OptionalPhone();
        });
        validator.RuleFor(x => x.OrganisationCode)
            .Matches("^[A-Za-z0-9]{1,20}$").When(x => !string.IsNullOrEmpty(x.OrganisationCode))
            .WithMessage("must be 1 to 20 letters and digits");
    }

    public static AgencyDetails ToDetails(IAgencyInput input) => new(
        input.Name,
        input.Type!.Value,
        input.AreaIds.Select(a => new AreaId(Guid.Parse(a))).ToList(),
        new AgencyContact(input.Contact!.Email, input.Contact.Phone ?? string.Empty),
        input.OrganisationCode ?? string.Empty);

    /// <summary>Refuses area ids that name no area, by the field the caller sent them in.</summary>
    /// <remarks>
    /// Areas are never deleted, so those the agency already serves (<paramref name="served"/>) are not looked up
    /// again: an update that keeps its areas reads none.
    /// </remarks>
    public static async Task EnsureAreasExistAsync(IAreaRepository areas, AgencyDetails details, CancellationToken cancellationToken, IReadOnlyCollection<AreaId>? served = null)
    {
        var unknown = details.AreaIds.Where(a => served?.Contains(a) != true).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        RequestValidationException.ThrowIfAnyMissing(
            details.AreaIds, await areas.MissingAsync(unknown, cancellationToken), i => $"area_ids[{i}]", "no area has this id");
    }
}
