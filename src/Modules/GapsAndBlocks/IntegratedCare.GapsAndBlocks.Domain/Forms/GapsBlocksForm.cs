using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.GapsAndBlocks.Domain.Forms;

public sealed record FormId(Guid Value) : ITypedId
{
    public static FormId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

public enum FormCategory
{
    Housing = 1,
    MentalHealth = 2,
    PrimaryCare = 3,
    AddictionTreatment = 4,
    EmploymentAndTraining = 5,
    Literacy = 6,
    ChildrenAndFamilies = 7,
    CriminalJustice = 8,
    Other = 9,
}

public enum FormKind
{
    /// <summary>A service that does not exist.</summary>
    ServiceGap = 1,

    /// <summary>A service without the resources to meet the need.</summary>
    ResourceGap = 2,

    /// <summary>Working processes, or co-ordination between agencies.</summary>
    ProcessBlock = 3,
}

/// <summary>The rungs of the escalation ladder (the gaps and blocks protocol), in order.</summary>
public enum FormStage
{
    Draft = 1,
    AwaitingEndorsement = 2,
    WithCoordinator = 3,
    AtSubGroup = 4,
    AtNdric = 5,
    ReportingBack = 6,
    AwaitingAcknowledgement = 7,
    Closed = 8,
}

public enum ResolutionLevel
{
    Coordinator = 1,
    SubGroup = 2,
    Ndric = 3,
}

/// <summary>Who holds a stage, and alone may move it on.</summary>
public enum StageHolder
{
    CaseManager = 1,
    LineManager = 2,
    RehabilitationCoordinator = 3,
    SubGroup = 4,
    NationalCoordinator = 5,
    Nobody = 6,
}

/// <summary>One of the one to five actions and communications so far: who (a role or agency, never the person), what, outcome, when.</summary>
public sealed record ActionStep(string Who, string What, string Outcome, DateOnly Date);

/// <summary>The case manager's own work contact details (staff, not the person the form is about).</summary>
public sealed record CaseManagerContact(string Name, string Email, string Phone);

/// <summary>Every field of the paper form, and what planning needs besides.</summary>
public sealed record FormContent(
    string ProjectName,
    DateOnly FormDate,
    CaseManagerContact CaseManager,
    string Overview,
    IReadOnlyList<ActionStep> Actions,
    string CurrentSituation,
    string Recommendations,
    FormCategory Category,
    FormKind Kind,
    IReadOnlyList<Guid> AgenciesInvolved);

public sealed record Transition(FormStage From, FormStage To, string Action, string By, DateTimeOffset At, string Comment);

public sealed record OverdueAlert(FormStage Stage, StageHolder Holder, DateTimeOffset DueAt, DateTimeOffset RaisedAt);

/// <summary>
/// A gaps and blocks form on its way up the escalation ladder and back down. Every transition is kept
/// with who, when and why; every stage but the draft has a due date, and an overdue stage raises one alert.
/// The form is anonymous by rule: the application refuses identifying text before it reaches here.
/// </summary>
internal sealed class GapsBlocksForm : AggregateRoot<FormId>
{
    private List<Transition> _transitions = [];
    private List<OverdueAlert> _alerts = [];

    private GapsBlocksForm()
        : base(null!)
    {
    }

    private GapsBlocksForm(FormId id)
        : base(id)
    {
    }

    public Guid AreaId { get; private set; }

    /// <summary>The case manager's agency.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The case manager (token subject) who drafted the form.</summary>
    public string CaseManagerId { get; private set; } = string.Empty;

    public FormContent Content { get; private set; } = null!;

    /// <summary>The content's category and kind, kept beside it so reports count them in the database.</summary>
    public FormCategory Category { get; private set; }

    public FormKind Kind { get; private set; }

    /// <summary>The care plan variance the case manager linked; shown only within the case manager's agency.</summary>
    public Guid? LinkedVarianceId { get; private set; }

    public FormStage Stage { get; private set; }

    public DateTimeOffset StageEnteredAt { get; private set; }

    public DateTimeOffset? StageDueAt { get; private set; }

    public bool StageOverdueNoted { get; private set; }

    public ResolutionLevel? ResolvedAt { get; private set; }

    public string Resolution { get; private set; } = string.Empty;

    public string NdricActions { get; private set; } = string.Empty;

    public bool SubGroupAcknowledged { get; private set; }

    public bool CaseManagerAcknowledged { get; private set; }

    /// <summary>How many meetings in a row deferred the form at its current stage.</summary>
    public int ConsecutiveDeferrals { get; private set; }

    /// <summary>Deferred twice in a row: flagged on every agenda and pack.</summary>
    public bool DeferredTwice => ConsecutiveDeferrals >= 2;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<Transition> Transitions => _transitions;

    public IReadOnlyList<OverdueAlert> Alerts => _alerts;

    public StageHolder Holder => HolderOf(Stage);

    /// <summary>When the line manager sent the form on to the co-ordinator, if they have (the first time).</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Whether the form ever went to the sub-group (its members see it from then on).</summary>
    public bool ReachedSubGroup { get; private set; }

    /// <summary>How many times a stage ran past its due date (each an alert).</summary>
    public int OverdueAlertCount { get; private set; }

    public bool IsOverdueAt(DateTimeOffset now) => StageDueAt is { } due && due < now;

    public static StageHolder HolderOf(FormStage stage) => stage switch
    {
        FormStage.Draft => StageHolder.CaseManager,
        FormStage.AwaitingEndorsement => StageHolder.LineManager,
        FormStage.WithCoordinator or FormStage.ReportingBack => StageHolder.RehabilitationCoordinator,
        FormStage.AtSubGroup => StageHolder.SubGroup,
        FormStage.AtNdric => StageHolder.NationalCoordinator,
        FormStage.AwaitingAcknowledgement => StageHolder.SubGroup,
        _ => StageHolder.Nobody,
    };

    public static GapsBlocksForm Draft(Guid areaId, Guid agencyId, string caseManagerId, FormContent content, Guid? linkedVarianceId, DateTimeOffset now)
    {
        CheckRule(new FormContentIsCompleteRule(content));
        return new GapsBlocksForm(FormId.New())
        {
            AreaId = areaId,
            AgencyId = agencyId,
            CaseManagerId = caseManagerId,
            Content = content,
            Category = content.Category,
            Kind = content.Kind,
            LinkedVarianceId = linkedVarianceId,
            Stage = FormStage.Draft,
            StageEnteredAt = now,
            CreatedAt = now,
        };
    }

    public void Edit(long expectedVersion, FormContent content, Guid? linkedVarianceId, DateTimeOffset now)
    {
        Expect(expectedVersion, FormStage.Draft);
        CheckRule(new FormContentIsCompleteRule(content));
        Content = content;
        Category = content.Category;
        Kind = content.Kind;
        LinkedVarianceId = linkedVarianceId;
        Touch();
    }

    /// <summary>The case manager attests the issue was discussed with the staff team and/or a peer case manager.</summary>
    public void Attest(long expectedVersion, string by, string discussedWith, DateTimeOffset dueAt, DateTimeOffset now) =>
        Move(expectedVersion, FormStage.Draft, FormStage.AwaitingEndorsement, "attested", by, discussedWith, dueAt, now);

    /// <summary>The line manager endorses that the issue warrants attention: it goes to the area's co-ordinator, whose feedback is due in ten days.</summary>
    public void Endorse(long expectedVersion, string by, string comment, DateTimeOffset dueAt, DateTimeOffset now) =>
        Move(expectedVersion, FormStage.AwaitingEndorsement, FormStage.WithCoordinator, "endorsed", by, comment, dueAt, now);

    /// <summary>The line manager returns the form to the case manager with a comment.</summary>
    public void Return(long expectedVersion, string by, string comment, DateTimeOffset now) =>
        Move(expectedVersion, FormStage.AwaitingEndorsement, FormStage.Draft, "returned", by, comment, null, now);

    public void ResolveByCoordinator(long expectedVersion, string by, string whatWasDone, DateTimeOffset now)
    {
        Move(expectedVersion, FormStage.WithCoordinator, FormStage.Closed, "resolved by the co-ordinator", by, whatWasDone, null, now);
        Close(ResolutionLevel.Coordinator, whatWasDone, now);
    }

    public void RaiseToSubGroup(long expectedVersion, string by, string comment, DateTimeOffset dueAt, DateTimeOffset now) =>
        Move(expectedVersion, FormStage.WithCoordinator, FormStage.AtSubGroup, "raised at the sub-group", by, comment, dueAt, now);

    public void ResolveBySubGroup(long expectedVersion, string by, string whatWasDone, DateTimeOffset now)
    {
        Move(expectedVersion, FormStage.AtSubGroup, FormStage.Closed, "resolved by the sub-group", by, whatWasDone, null, now);
        Close(ResolutionLevel.SubGroup, whatWasDone, now);
    }

    public void ReferToNdric(long expectedVersion, string by, string comment, DateTimeOffset dueAt, DateTimeOffset now) =>
        Move(expectedVersion, FormStage.AtSubGroup, FormStage.AtNdric, "referred to NDRIC", by, comment, dueAt, now);

    public void RecordNdricDecision(long expectedVersion, string by, string actions, DateTimeOffset dueAt, DateTimeOffset now)
    {
        Move(expectedVersion, FormStage.AtNdric, FormStage.ReportingBack, "NDRIC decided actions", by, actions, dueAt, now);
        NdricActions = actions.Trim();
    }

    /// <summary>The co-ordinator reports NDRIC's actions back to the sub-group and the case manager.</summary>
    public void ReportBack(long expectedVersion, string by, string comment, DateTimeOffset dueAt, DateTimeOffset now) =>
        Move(expectedVersion, FormStage.ReportingBack, FormStage.AwaitingAcknowledgement, "reported back", by, comment, dueAt, now);

    /// <summary>The sub-group and the case manager each acknowledge the report; the form closes when both have.</summary>
    public void Acknowledge(long expectedVersion, bool bySubGroup, string by, DateTimeOffset now)
    {
        Expect(expectedVersion, FormStage.AwaitingAcknowledgement);
        CheckRule(new AcknowledgedOnceRule(bySubGroup ? SubGroupAcknowledged : CaseManagerAcknowledged));
        if (bySubGroup)
        {
            SubGroupAcknowledged = true;
        }
        else
        {
            CaseManagerAcknowledged = true;
        }

        _transitions.Add(new Transition(Stage, Stage, bySubGroup ? "acknowledged by the sub-group" : "acknowledged by the case manager", by, now, string.Empty));
        if (SubGroupAcknowledged && CaseManagerAcknowledged)
        {
            _transitions.Add(new Transition(Stage, FormStage.Closed, "closed", by, now, string.Empty));
            Enter(FormStage.Closed, null, now);
            Close(ResolutionLevel.Ndric, NdricActions, now);
        }

        Touch();
    }

    /// <summary>A meeting deferred the form, with a reason; it stays where it is, for the next meeting.</summary>
    public void Defer(string by, string reason, DateTimeOffset now)
    {
        CheckRule(new OnlyAFormBeforeACommitteeIsDeferredRule(this));
        ConsecutiveDeferrals++;
        _transitions.Add(new Transition(Stage, Stage, "deferred", by, now, reason.Trim()));
        Touch();
    }

    /// <summary>The stage passed its due date: one alert to whoever holds the form. False if not due or already alerted.</summary>
    public bool NoteOverdue(DateTimeOffset now)
    {
        if (Stage == FormStage.Closed || StageOverdueNoted || !IsOverdueAt(now))
        {
            return false;
        }

        StageOverdueNoted = true;
        _alerts.Add(new OverdueAlert(Stage, Holder, StageDueAt!.Value, now));
        OverdueAlertCount = _alerts.Count;
        Raise(new FormStageOverdue(Id, AreaId, AgencyId, CaseManagerId, Stage, Holder, StageDueAt.Value, now));
        Touch();
        return true;
    }

    private void Move(long expectedVersion, FormStage from, FormStage to, string action, string by, string comment, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        Expect(expectedVersion, from);
        _transitions.Add(new Transition(from, to, action, by, now, comment.Trim()));
        if (to == FormStage.WithCoordinator)
        {
            SubmittedAt ??= now;
        }

        ReachedSubGroup |= to == FormStage.AtSubGroup;

        Enter(to, dueAt, now);
        Touch();
    }

    private void Enter(FormStage stage, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        Stage = stage;
        ConsecutiveDeferrals = 0;
        StageEnteredAt = now;
        StageDueAt = dueAt;
        StageOverdueNoted = false;
        Raise(new FormEnteredStage(Id, AreaId, AgencyId, CaseManagerId, stage, HolderOf(stage), dueAt, now));
    }

    private void Close(ResolutionLevel level, string resolution, DateTimeOffset now)
    {
        ResolvedAt = level;
        Resolution = resolution.Trim();
        ClosedAt = now;
    }

    private void Expect(long expectedVersion, FormStage stage)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new FormMustBeAtStageRule(this, stage));
    }
}

internal sealed record FormStageOverdue(FormId FormId, Guid AreaId, Guid AgencyId, string CaseManagerId, FormStage Stage, StageHolder Holder, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record FormEnteredStage(
    FormId FormId, Guid AreaId, Guid AgencyId, string CaseManagerId, FormStage Stage, StageHolder Holder, DateTimeOffset? DueAt, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class FormMustBeAtStageRule(GapsBlocksForm form, FormStage expected) : IBusinessRule
{
    public bool IsBroken() => form.Stage != expected;

    public string Message => $"Form {form.Id} is at {form.Stage}, not {expected}: this step belongs to another rung of the ladder.";
}

internal sealed class FormContentIsCompleteRule(FormContent content) : IBusinessRule
{
    public bool IsBroken() => content.Actions.Count is < 1 or > 5 || content.Overview.Split('\n').Length > 3;

    public string Message => "A form has a three-line overview at most and one to five actions and communications.";
}

internal sealed class OnlyAFormBeforeACommitteeIsDeferredRule(GapsBlocksForm form) : IBusinessRule
{
    public bool IsBroken() => form.Stage is not (FormStage.AtSubGroup or FormStage.AtNdric);

    public string Message => $"Form {form.Id} is at {form.Stage}: only a form before the sub-group or NDRIC is deferred.";
}

internal sealed class AcknowledgedOnceRule(bool already) : IBusinessRule
{
    public bool IsBroken() => already;

    public string Message => "This party has acknowledged the report already.";
}

internal interface IFormRepository
{
    Task<GapsBlocksForm?> FindAsync(FormId id, CancellationToken cancellationToken);

    /// <summary>Forms matching the filter, newest first.</summary>
    Task<IReadOnlyList<GapsBlocksForm>> ListAsync(FormFilter filter, CancellationToken cancellationToken);

    /// <summary>A page of the forms a listing shows, newest first, and how many it matches (one query, in SQL).</summary>
    Task<(IReadOnlyList<GapsBlocksForm> Forms, int Total)> PageAsync(FormListing listing, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Open forms whose stage was due before <paramref name="now"/> and not yet alerted.</summary>
    Task<IReadOnlyList<GapsBlocksForm>> OverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>The areas (or agencies) of the forms sent on to a co-ordinator that were raised in the period.</summary>
    Task<IReadOnlyList<Guid>> SubmittedOwnersAsync(TallyBy by, FormPeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// The forms sent on to a co-ordinator that were raised in the period, counted in the database by one key
    /// (for <see cref="TallyBy.Area"/> and <see cref="TallyBy.Agency"/>, the name <paramref name="names"/>
    /// gives the id, else "Unknown"), with the total over all of them. No form is loaded.
    /// </summary>
    Task<FormTallies> TallyAsync(TallyBy by, FormPeriod period, DateTimeOffset now, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken);

    void Add(GapsBlocksForm form);
}

/// <summary>Which forms a list shows: by author, agency, area, and from which stage on.</summary>
internal sealed record FormFilter(string? CaseManagerId, Guid? AgencyId, Guid? AreaId, IReadOnlyCollection<FormStage>? Stages);

/// <summary>
/// What one caller's form listing shows: the union of what each of their roles sees (a case manager
/// their own drafts in their agency; a line manager their agency's; a co-ordinator their areas' once a
/// line manager sent them on (a draft stays within its agency); a
/// sub-group member their areas' from the sub-group on; the national co-ordinator from NDRIC on), within
/// one area if named, closed forms only if asked. A part left null, empty or false adds nothing.
/// </summary>
internal sealed record FormListing(
    (string Id, Guid AgencyId)? CaseManager,
    Guid? LineManagerAgencyId,
    IReadOnlyCollection<Guid> CoordinatorAreaIds,
    IReadOnlyCollection<Guid> SubGroupAreaIds,
    IReadOnlyCollection<FormStage> SubGroupStages,
    bool National,
    IReadOnlyCollection<FormStage> NationalStages,
    Guid? AreaId,
    bool IncludeClosed);

/// <summary>What a planning report counts forms by.</summary>
internal enum TallyBy
{
    Category = 1,
    Kind = 2,
    Stage = 3,
    Quarter = 4,
    Area = 5,
    Agency = 6,
}

/// <summary>Forms raised from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive), in one area or all.</summary>
internal sealed record FormPeriod(DateTimeOffset From, DateTimeOffset To, Guid? AreaId);

/// <summary>
/// One key's counts: the forms, those resolved (and at which level), those that ran past a stage's due
/// date, and the median days from submission to resolution over the resolved ones.
/// </summary>
internal sealed record FormTally(string Key, int Forms, int Resolved, int ByCoordinator, int BySubGroup, int ByNdric, int Overdue, double? MedianDays);

internal sealed record FormTallies(IReadOnlyList<FormTally> Rows, FormTally Total);
