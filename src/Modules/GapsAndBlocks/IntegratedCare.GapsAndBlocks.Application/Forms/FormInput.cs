using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.GapsAndBlocks.Domain.Forms;

namespace IntegratedCare.GapsAndBlocks.Application.Forms;

public sealed record ActionStepInput(string Who, string What, string Outcome, string Date);

public sealed record CaseManagerContactInput(string Name, string Email, string Phone);

/// <summary>The form's fields as sent: dates as YYYY-MM-DD, enums null when unspecified.</summary>
public sealed record FormInput(
    string AreaId,
    string ProjectName,
    string FormDate,
    CaseManagerContactInput? CaseManager,
    string Overview,
    IReadOnlyList<ActionStepInput> Actions,
    string CurrentSituation,
    string Recommendations,
    FormCategory? Category,
    FormKind? Kind,
    IReadOnlyList<string> AgenciesInvolved,
    string LinkedVarianceId)
{
    public static DateOnly? ParseDate(string? text) => IsoDates.Parse(text);

    public FormContent ToContent() => new(
        ProjectName.Trim(),
        ParseDate(FormDate)!.Value,
        new CaseManagerContact(CaseManager!.Name.Trim(), CaseManager.Email.Trim(), CaseManager.Phone?.Trim() ?? string.Empty),
        Overview.Trim().Replace("\r\n", "\n", StringComparison.Ordinal),
        Actions.Select(a => new ActionStep(a.Who.Trim(), a.What.Trim(), a.Outcome.Trim(), ParseDate(a.Date)!.Value)).ToList(),
        CurrentSituation.Trim(),
        Recommendations.Trim(),
        Category!.Value,
        Kind!.Value,
        AgenciesInvolved.Select(Guid.Parse).Distinct().ToList());

    /// <summary>The free texts the anonymity guard reads, by the field name the caller sent.</summary>
    /// <summary>What names the case manager: checked only against the register, since their own work email and phone are meant to be there.</summary>
    public IReadOnlyList<(string Field, string Text)> CaseManagerTexts(string prefix) =>
        CaseManager is null ? [] : [($"{prefix}case_manager.name", CaseManager.Name), ($"{prefix}case_manager.email", CaseManager.Email), ($"{prefix}case_manager.phone", CaseManager.Phone ?? string.Empty)];

    public IReadOnlyList<(string Field, string Text)> Texts(string prefix) =>
    [
        ($"{prefix}project_name", ProjectName),
        ($"{prefix}overview", Overview),
        .. Actions.SelectMany((a, i) => new[]
        {
            ($"{prefix}actions[{i}].who", a.Who),
            ($"{prefix}actions[{i}].what", a.What),
            ($"{prefix}actions[{i}].outcome", a.Outcome),
        }),
        ($"{prefix}current_situation", CurrentSituation),
        ($"{prefix}recommendations", Recommendations),
    ];
}

internal sealed class FormInputValidator : AbstractValidator<FormInput>
{
    public FormInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.AreaId).MustBeId();
        RuleFor(x => x.ProjectName).RequiredText(200);
        RuleFor(x => x.FormDate).Must(d => FormInput.ParseDate(d) is { } date && date <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage("must be a date as YYYY-MM-DD, not in the future");
        RuleFor(x => x.CaseManager).NotNull().WithMessage("is required");
        When(x => x.CaseManager is not null, () =>
        {
            RuleFor(x => x.CaseManager!.Name).RequiredText(200);
            RuleFor(x => x.CaseManager!.Email).RequiredEmail();
            RuleFor(x => x.CaseManager!.Phone).OptionalPhone();
        });

        // "A three line overview": at most three lines, each a readable line long.
        RuleFor(x => x.Overview).RequiredLines(600, 3);
        RuleFor(x => x.Actions).Must(a => a.Count is >= 1 and <= 5).WithMessage("must list one to five actions and communications");
        RuleForEach(x => x.Actions).ChildRules(a =>
        {
            a.RuleFor(s => s.Who).RequiredText(100);
            a.RuleFor(s => s.What).RequiredText(500);
            a.RuleFor(s => s.Outcome).RequiredText(500);
            a.RuleFor(s => s.Date).Must(d => FormInput.ParseDate(d) is not null).WithMessage("must be a date as YYYY-MM-DD");
        });
        RuleFor(x => x.CurrentSituation).RequiredText(1000);
        RuleFor(x => x.Recommendations).RequiredText(1000);
        RuleFor(x => x.Category).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known category");
        RuleFor(x => x.Kind).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known kind");
        RuleFor(x => x.AgenciesInvolved).Must(a => a.Count <= 20).WithMessage("must name at most 20 agencies");
        RuleForEach(x => x.AgenciesInvolved).MustBeId();
        RuleFor(x => x.LinkedVarianceId).MustBeId().When(x => !string.IsNullOrEmpty(x.LinkedVarianceId));
    }
}
