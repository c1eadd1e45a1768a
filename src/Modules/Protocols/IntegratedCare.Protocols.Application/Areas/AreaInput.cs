using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.Protocols.Domain.Areas;

namespace IntegratedCare.Protocols.Application.Areas;

public sealed record RehabilitationCoordinatorInput(string StaffId, string Name, string Email, string Phone);

/// <summary>What creating and updating an area both send, validated one way.</summary>
public interface IAreaInput
{
    string Name { get; }

    AreaKind? Kind { get; }

    string TimeZone { get; }

    /// <summary>The area's calendar. May be left out only for "Europe/Dublin", which is Ireland's alone.</summary>
    Jurisdiction? Jurisdiction { get; }

    RehabilitationCoordinatorInput? RehabilitationCoordinator { get; }
}

internal static class AreaInput
{
    public static void AddRules<T>(AbstractValidator<T> validator)
        where T : IAreaInput
    {
        validator.RuleFor(x => x.Name).RequiredText(200);
        validator.RuleFor(x => x.Kind).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known area kind");
        validator.RuleFor(x => x.Jurisdiction).IsInEnum().WithMessage("is not a known jurisdiction");
        validator.RuleFor(x => x.Jurisdiction).NotNull()
            .WithMessage("is required: Europe/London is the clock of Scotland, England and Wales and Northern Ireland, whose public holidays differ")
            .When(x => x.TimeZone != "Europe/Dublin" && (string.IsNullOrEmpty(x.TimeZone) || Area.TimeZones.Contains(x.TimeZone)));
        validator.RuleFor(x => x.TimeZone)
            .Must((x, zone) => string.IsNullOrEmpty(zone) || zone == WorkingCalendar.TimeZoneIdOf(x.Jurisdiction!.Value))
            .WithMessage((x, _) => $"must be empty or {WorkingCalendar.TimeZoneIdOf(x.Jurisdiction!.Value)}, the clock of the jurisdiction given")
            .When(x => x.Jurisdiction is { } j && Enum.IsDefined(j));
        validator.RuleFor(x => x.TimeZone).Must(Area.TimeZones.Contains)
            .WithMessage($"must be one of {string.Join(", ", Area.TimeZones)}")
            .When(x => x.Jurisdiction is null && !string.IsNullOrEmpty(x.TimeZone));
        validator.RuleFor(x => x.RehabilitationCoordinator).NotNull().WithMessage("is required");
        validator.When(x => x.RehabilitationCoordinator is not null, () =>
        {
            validator.RuleFor(x => x.RehabilitationCoordinator!.StaffId).RequiredText(200);
            validator.RuleFor(x => x.RehabilitationCoordinator!.Name).RequiredText(200);
            validator.RuleFor(x => x.RehabilitationCoordinator!.Email).RequiredEmail();
            validator.RuleFor(x => x.RehabilitationCoordinator!.Phone).OptionalPhone();
        });
    }

    /// <summary>The jurisdiction given, or Ireland for "Europe/Dublin" alone (the validator let nothing else through).</summary>
    public static Jurisdiction JurisdictionOf(IAreaInput input) => input.Jurisdiction ?? Jurisdiction.Ireland;

    public static RehabilitationCoordinator Coordinator(IAreaInput input)
    {
        var c = input.RehabilitationCoordinator!;
        return new RehabilitationCoordinator(c.StaffId.Trim(), c.Name.Trim(), c.Email.Trim(), (c.Phone ?? string.Empty).Trim());
    }
}
