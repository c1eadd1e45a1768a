using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.CarePlan.Domain.Plans;

namespace CarePlan.Tests;

/// <summary>Plans in a known state, built through the aggregate's own methods (no mocks, no storage).</summary>
internal static class TestPlans
{
    /// <summary>Monday 23 November 2026, 09:00 UTC (GMT in the UK).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static readonly Guid Lead = Guid.NewGuid();

    public static readonly Guid Housing = Guid.NewGuid();

    public static readonly Guid Nhs = Guid.NewGuid();

    /// <summary>Scotland's 2026 public holidays as published (bank-holidays.json).</summary>
    public static readonly WorkingCalendar Scotland = new(new HolidayList(Jurisdiction.Scotland, 2026, 2026,
    [
        new(new DateOnly(2026, 1, 1), "New Year's Day", string.Empty),
        new(new DateOnly(2026, 1, 2), "January 2nd", string.Empty),
        new(new DateOnly(2026, 4, 3), "Good Friday", string.Empty),
        new(new DateOnly(2026, 5, 4), "Early May bank holiday", string.Empty),
        new(new DateOnly(2026, 5, 25), "Spring bank holiday", string.Empty),
        new(new DateOnly(2026, 8, 3), "Summer bank holiday", string.Empty),
        new(new DateOnly(2026, 11, 30), "St Andrew's Day", string.Empty),
        new(new DateOnly(2026, 12, 25), "Christmas Day", string.Empty),
        new(new DateOnly(2026, 12, 28), "Boxing Day", "Substitute day"),
    ]));

    public static IntegratedCarePlan Proposed(params NeedDomain[] domains) =>
        IntegratedCarePlan.Propose(Guid.NewGuid(), 1, Guid.NewGuid(), Lead, "cm", 3, domains, Now);

    /// <summary>A draft with a drug use goal and the person's agreement, ready to activate.</summary>
    public static IntegratedCarePlan Agreed()
    {
        var plan = Proposed(NeedDomain.DrugUse);
        plan.Participate(plan.Version, new Participation(true, Today, Today, "My words"), Now);
        return plan;
    }

    public static IntegratedCarePlan Active(DateTimeOffset? at = null)
    {
        var plan = Agreed();
        plan.Activate(plan.Version, DateOnly.FromDateTime((at ?? Now).UtcDateTime), at ?? Now);
        return plan;
    }

    /// <summary>An active plan with one action for <paramref name="agency"/>, accepted unless <paramref name="accept"/> is false.</summary>
    public static (IntegratedCarePlan Plan, Guid ActionId) WithAction(Guid agency, bool accept = true, DateOnly? due = null)
    {
        var plan = Active();
        var action = plan.AddAction(plan.Version, null, agency, 1, "Tenancy", due ?? Today.AddDays(30), Now);
        if (accept)
        {
            plan.AcceptAction(plan.Version, action.ActionId, agency, "Officer", "agency-system", Now);
        }

        return (plan, action.ActionId);
    }

    /// <summary>A plan closed one of the three ways: "exit" (completed), "revoke" or "error" (entered in error).</summary>
    public static IntegratedCarePlan Closed(string how)
    {
        var plan = Active();
        plan.AddAction(plan.Version, null, Housing, 1, "Tenancy", Today.AddDays(30), Now);
        switch (how)
        {
            case "exit":
                plan.Exit(plan.Version, "Moved away", Now.AddDays(1));
                break;
            case "revoke":
                plan.Revoke(plan.Version, "Declined", enteredInError: false, Now.AddDays(1));
                break;
            case "error":
                plan.Revoke(plan.Version, "Wrong person", enteredInError: true, Now.AddDays(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }

        return plan;
    }

    /// <summary>The name of the rule that refused <paramref name="change"/>.</summary>
    public static string Refused(Action change) => Assert.Throws<BusinessRuleViolationException>(change).Rule;

    public static TeamMember Member(IntegratedCarePlan plan, Guid agency) => plan.Team.Single(m => m.AgencyId == agency);

    public static PlanAction ActionOf(IntegratedCarePlan plan, Guid actionId) => plan.Actions.Single(a => a.ActionId == actionId);
}
