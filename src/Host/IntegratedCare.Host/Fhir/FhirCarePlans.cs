using System.Globalization;
using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Application.Plans.AcceptAction;
using IntegratedCare.CarePlan.Application.Plans.DeclineAction;
using IntegratedCare.CarePlan.Application.Plans.GetCarePlan;
using IntegratedCare.CarePlan.Application.Plans.ReportProgress;
using IntegratedCare.CarePlan.Domain.Plans;
using MediatR;
using FhirGoal = Hl7.Fhir.Model.Goal;
using FhirTask = Hl7.Fhir.Model.Task;
using PlanGoal = IntegratedCare.CarePlan.Domain.Plans.Goal;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// A care plan as FHIR R4 resources, after IHE Dynamic Care Planning: the plan a <c>CarePlan</c> (its team a
/// contained <c>CareTeam</c>), each goal a <c>Goal</c>, each action a <c>Task</c> the agency that owes it owns.
/// Everything comes from the plan as the caller's agency may see it: a goal or action the sharing decision
/// withholds is in none of them (and reading it by id is 404, as a gRPC read would not show it).
/// </summary>
internal static class FhirCarePlans
{
    /// <summary>Our reasons for declining an action, as the codes a partner sends in <c>Task.statusReason</c>.</summary>
    public const string DeclineReasonSystem = "https://integratedcare.scot/fhir/CodeSystem/decline-reason";

    private static readonly Dictionary<VarianceReason, string> DeclineCodes = new()
    {
        [VarianceReason.ServiceUnavailable] = "service-unavailable",
        [VarianceReason.WaitingList] = "waiting-list",
        [VarianceReason.PersonsChoice] = "persons-choice",
        [VarianceReason.InterAgencyIssue] = "inter-agency-issue",
        [VarianceReason.ResourceGap] = "resource-gap",
    };

    /// <summary>The <c>status</c> codes a plan search may ask for: the ones a plan can have.</summary>
    public static readonly IReadOnlyDictionary<string, RequestStatus> Statuses = new Dictionary<string, RequestStatus>(StringComparer.Ordinal)
    {
        ["draft"] = RequestStatus.Draft,
        ["active"] = RequestStatus.Active,
        ["on-hold"] = RequestStatus.OnHold,
        ["revoked"] = RequestStatus.Revoked,
        ["completed"] = RequestStatus.Completed,
    };

    public static IRequest<CarePlanDto> Read(string carePlanId) => new GetCarePlanQuery(carePlanId, null);

    /// <summary><c>GET CarePlan?patient=…</c>: the plans the caller may see (of one person, or all), a page at a time.</summary>
    public static IRequest<IntegratedCare.BuildingBlocks.Application.Paging.Page<CarePlanDto>> Search(string? patient, int count, string pageToken) =>
        new IntegratedCare.CarePlan.Application.Plans.ListCarePlans.ListCarePlansQuery(patient ?? string.Empty, false, count, pageToken);

    public static Hl7.Fhir.Model.CarePlan ToCarePlan(CarePlanDto plan)
    {
        var team = new CareTeam
        {
            Id = "team",
            Status = CareTeam.CareTeamStatus.Active,
            Subject = FhirReferences.Patient(plan.ServiceUserId),
            Participant =
            [
                .. plan.Team.Select(m => new CareTeam.ParticipantComponent
                {
                    Member = FhirReferences.Organization(m.AgencyId),
                    Role = [new CodeableConcept { Text = m.Role }],
                    Period = m.Start is null && m.End is null ? null : new Period { Start = FhirReferences.Instant(m.Start), End = FhirReferences.Instant(m.End) },
                }),
            ],
        };
        return new Hl7.Fhir.Model.CarePlan
        {
            Id = plan.CarePlanId,
            Status = plan.Status switch
            {
                CarePlanStatus.Draft => RequestStatus.Draft,
                CarePlanStatus.Active => RequestStatus.Active,
                CarePlanStatus.OnHold => RequestStatus.OnHold,
                CarePlanStatus.Revoked => RequestStatus.Revoked,
                CarePlanStatus.Completed => RequestStatus.Completed,
                _ => RequestStatus.EnteredInError,
            },
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Title = $"Integrated care plan, episode {plan.Episode}",
            Subject = FhirReferences.Patient(plan.ServiceUserId),
            Period = new Period { Start = FhirReferences.Instant(plan.CreatedAt), End = FhirReferences.Instant(plan.ClosedAt) },
            Created = FhirReferences.Instant(plan.CreatedAt),
            Author = FhirReferences.Organization(plan.LeadAgencyId),
            Contained = plan.Team.Count == 0 ? [] : [team],
            CareTeam = plan.Team.Count == 0 ? [] : [new ResourceReference("#team")],
            Goal = [.. plan.Goals.Select(g => new ResourceReference($"Goal/{FhirIds.Join(plan.CarePlanId, g.GoalId)}"))],
            Activity =
            [
                .. plan.Actions.Select(a => new Hl7.Fhir.Model.CarePlan.ActivityComponent
                {
                    Reference = new ResourceReference($"Task/{FhirIds.Join(plan.CarePlanId, a.ActionId)}"),
                }),
            ],
        };
    }

    public static FhirGoal ToGoal(CarePlanDto plan, PlanGoal goal) => new()
    {
        Id = FhirIds.Join(plan.CarePlanId, goal.GoalId),
        LifecycleStatus = goal.Lifecycle switch
        {
            GoalLifecycle.Proposed => FhirGoal.GoalLifecycleStatus.Proposed,
            GoalLifecycle.Planned => FhirGoal.GoalLifecycleStatus.Planned,
            GoalLifecycle.Accepted => FhirGoal.GoalLifecycleStatus.Accepted,
            GoalLifecycle.Active => FhirGoal.GoalLifecycleStatus.Active,
            GoalLifecycle.OnHold => FhirGoal.GoalLifecycleStatus.OnHold,
            GoalLifecycle.Completed => FhirGoal.GoalLifecycleStatus.Completed,
            GoalLifecycle.Cancelled => FhirGoal.GoalLifecycleStatus.Cancelled,
            _ => FhirGoal.GoalLifecycleStatus.Rejected,
        },
        AchievementStatus = goal.Achievement is { } achieved
            ? new CodeableConcept("http://terminology.hl7.org/CodeSystem/goal-achievement", FhirReferences.Kebab(achieved.ToString()))
            : null,
        Category = [new CodeableConcept { Text = FhirReferences.Words(goal.Domain.ToString()) }],
        Description = new CodeableConcept { Text = goal.Description },
        Subject = FhirReferences.Patient(plan.ServiceUserId),
        Target = goal.TargetDate is null && goal.Measure.Length == 0
            ? []
            : [new FhirGoal.TargetComponent
            {
                Measure = goal.Measure.Length == 0 ? null : new CodeableConcept { Text = goal.Measure },
                Due = goal.TargetDate is { } due ? new Date(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
            }],
    };

    public static FhirTask ToTask(CarePlanDto plan, PlanAction action) => new()
    {
        Id = FhirIds.Join(plan.CarePlanId, action.ActionId),
        BasedOn = [new ResourceReference($"CarePlan/{plan.CarePlanId}")],
        Status = action.Status switch
        {
            ActionStatus.NotStarted => FhirTask.TaskStatus.Requested,
            ActionStatus.Scheduled => FhirTask.TaskStatus.Accepted,
            ActionStatus.InProgress => FhirTask.TaskStatus.InProgress,
            ActionStatus.OnHold => FhirTask.TaskStatus.OnHold,
            ActionStatus.Completed => FhirTask.TaskStatus.Completed,
            ActionStatus.Cancelled when action.DeclineReason is not null => FhirTask.TaskStatus.Rejected,
            ActionStatus.Cancelled => FhirTask.TaskStatus.Cancelled,
            ActionStatus.Stopped => FhirTask.TaskStatus.Failed,
            _ => FhirTask.TaskStatus.EnteredInError,
        },
        StatusReason = action.DeclineReason is { } reason && DeclineCodes.TryGetValue(reason, out var code)
            ? new CodeableConcept(DeclineReasonSystem, code, FhirReferences.Words(reason.ToString()))
            : null,
        Intent = FhirTask.TaskIntent.Plan,
        Description = action.What,
        For = FhirReferences.Patient(plan.ServiceUserId),
        Requester = FhirReferences.Organization(plan.LeadAgencyId),
        Owner = new ResourceReference($"Organization/{action.AgencyId:D}") { Display = action.AssignedWorker.Length == 0 ? null : action.AssignedWorker },
        ReasonReference = action.GoalId is { } goal && plan.Goals.Any(g => g.GoalId == goal)
            ? new ResourceReference($"Goal/{FhirIds.Join(plan.CarePlanId, goal)}")
            : null,
        Restriction = new FhirTask.RestrictionComponent
        {
            Period = new Period { End = action.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        },
        Note = [.. action.Progress.Where(p => p.Note.Length > 0).Select(p => new Annotation { Author = new FhirString(p.By), Time = FhirReferences.Instant(p.At), Text = p.Note })],
    };

    /// <summary>
    /// A partner's answer to its action, from the <c>Task</c> it sends back: <c>accepted</c> (the worker in
    /// <c>owner.display</c>), <c>rejected</c> (a reason code in <c>statusReason</c>, the new note or else its text), or
    /// progress (<c>in-progress</c>, <c>on-hold</c>, <c>completed</c>); the words are the one new note (<see cref="FhirReferences.NewNote"/>).
    /// </summary>
    public static IRequest<CarePlanDto> Answer(FhirTask task, string carePlanId, Guid actionId, long expectedVersion)
    {
        var action = actionId.ToString("D");
        var note = FhirReferences.NewNote(task.Note);
        return task.Status switch
        {
            FhirTask.TaskStatus.Accepted => new AcceptActionCommand(carePlanId, expectedVersion, action, task.Owner?.Display ?? string.Empty),
            FhirTask.TaskStatus.Rejected => new DeclineActionCommand(carePlanId, expectedVersion, action, FhirReferences.Coded(task.StatusReason, DeclineReasonSystem, DeclineCodes), note.Length > 0 ? note : task.StatusReason?.Text ?? string.Empty),
            FhirTask.TaskStatus.InProgress => new ReportProgressCommand(carePlanId, expectedVersion, action, ActionStatus.InProgress, note),
            FhirTask.TaskStatus.OnHold => new ReportProgressCommand(carePlanId, expectedVersion, action, ActionStatus.OnHold, note),
            FhirTask.TaskStatus.Completed => new ReportProgressCommand(carePlanId, expectedVersion, action, ActionStatus.Completed, note),
            null => throw new RequestValidationException("Task.status", "is required"),
            _ => throw new RequestValidationException("Task.status", "must be accepted, rejected, in-progress, on-hold or completed: the answers a partner gives to its action"),
        };
    }
}
