using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static IntegratedCare.IntegrationTests.AssessmentScenario;
using NeedDomain = IntegratedCare.Assessment.V1.NeedDomain;
using PlanDomain = IntegratedCare.CarePlan.V1.NeedDomain;

using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The integrated care plan over real gRPC, on a fake clock: proposed from a completed assessment,
/// activated with the person's agreement, delivered by housing and the NHS, reviewed, and followed.
/// </summary>
public sealed partial class CarePlanTests : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;
    private AssessmentScenario _scenario = null!;
    private CarePlanService.CarePlanServiceClient _caseManager = null!;
    private CarePlanService.CarePlanServiceClient _housing = null!;
    private CarePlanService.CarePlanServiceClient _nhs = null!;
    private CarePlanService.CarePlanServiceClient _voluntary = null!;
    private CarePlanService.CarePlanServiceClient _lineManager = null!;
    private IntegratedCare.Protocols.V1.ReferralService.ReferralServiceClient _referrals = null!;
    private IntegratedCare.GapsBlocks.V1.GapsBlocksService.GapsBlocksServiceClient _gapsBlocks = null!;
    private IntegratedCare.GapsBlocks.V1.GapsBlocksService.GapsBlocksServiceClient _otherGapsBlocks = null!;

    public async Task InitializeAsync()
    {
        // The test host sweeps deadlines once a simulated day: advancing the fake clock by days fires them.
        _host = new TestHost(_folder, services: s => s.AddSingleton<TimeProvider>(_clock));
        _scenario = new AssessmentScenario(_host);
        await _scenario.InitializeAsync();

        // Tokens are minted now: the fake clock moves on later, the token validator's does not.
        _caseManager = new(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        _housing = new(_host.Invoker(_host.Token("housing-system", ActorKind.AgencySystem, _scenario.Housing.AgencyId, Roles.AgencySystem)));
        _nhs = new(_host.Invoker(_host.Token("nhs-cmht-system", ActorKind.AgencySystem, _scenario.Nhs.AgencyId, Roles.AgencySystem)));
        _voluntary = new(_host.Invoker(_host.Token("voluntary-system", ActorKind.AgencySystem, _scenario.Voluntary.AgencyId, Roles.AgencySystem)));
        _lineManager = new(_host.Invoker(_host.Token("line-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.LineManager)));
        _referrals = new(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        _gapsBlocks = new(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        _otherGapsBlocks = new(_host.Invoker(_host.Token("case-manager-housing", ActorKind.Staff, _scenario.Housing.AgencyId, Roles.CaseManager)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task APlan_ProposedFromTheAssessment_IsAgreedDeliveredVariedAndReviewed()
    {
        var (person, draft) = await AssessedPersonWithDraftPlanAsync();

        // Proposed: one goal per domain at moderate or high need, at the recommended tier, led by the assessor.
        Assert.Equal(CarePlanStatus.Draft, draft.Status);
        Assert.Equal(4, draft.RecommendedTier);
        Assert.Equal("case-manager-1", draft.LeadCaseManager);
        Assert.Equal(
            [PlanDomain.DrugUse, PlanDomain.PhysicalHealth, PlanDomain.MentalHealth, PlanDomain.HousingAndAccommodation],
            draft.Goals.Select(g => g.Domain));
        Assert.All(draft.Goals, g => Assert.Equal(GoalLifecycle.Proposed, g.Lifecycle));
        Assert.Equal(PathwayStage.CarePlanning, draft.Stage);

        // Activation waits for the person's agreement (given a little later).
        _clock.Advance(TimeSpan.FromMinutes(5));
        var unagreed = await Assert.ThrowsAsync<RpcException>(() => _caseManager.ActivateCarePlanAsync(new ActivateCarePlanRequest { CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version }).ResponseAsync);
        var agreed = await _caseManager.RecordParticipationAsync(new RecordParticipationRequest
        {
            CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version, TookPart = true, AgreedOn = Today(), CopyReceivedOn = Today(),
            OwnWords = "I want my own place and to stop using.",
        });
        var active = await _caseManager.ActivateCarePlanAsync(new ActivateCarePlanRequest { CarePlanId = draft.CarePlanId, ExpectedVersion = agreed.Version });
        Assert.Equal(StatusCode.FailedPrecondition, unagreed.StatusCode);
        Assert.Equal("ActivationNeedsThePersonsAgreementRule", unagreed.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        Assert.Equal((CarePlanStatus.Active, PathwayStage.Intervention), (active.Status, active.Stage));
        Assert.Equal(Today(84), active.NextReviewDue);

        // Housing and the NHS are given actions under the person's consent.
        await _scenario.HousingConsentAsync(person);
        await _scenario.NhsConsentAsync(person, carePlan: true);
        var housingGoal = active.Goals.Single(g => g.Domain == PlanDomain.HousingAndAccommodation).GoalId;
        var mentalHealthGoal = active.Goals.Single(g => g.Domain == PlanDomain.MentalHealth).GoalId;
        var withHousing = await _caseManager.AddActionAsync(new AddActionRequest
        {
            CarePlanId = active.CarePlanId, ExpectedVersion = active.Version, GoalId = housingGoal, AgencyId = _scenario.Housing.AgencyId,
            Tier = 1, What = "Secure a tenancy with support", DueDate = Today(30),
        });
        var withNhs = await _caseManager.AddActionAsync(new AddActionRequest
        {
            CarePlanId = active.CarePlanId, ExpectedVersion = withHousing.Version, GoalId = mentalHealthGoal, AgencyId = _scenario.Nhs.AgencyId,
            Tier = 3, What = "Community mental health team assessment", DueDate = Today(5),
        });
        var housingAction = withNhs.Actions.Single(a => a.AgencyId == _scenario.Housing.AgencyId).ActionId;
        var nhsAction = withNhs.Actions.Single(a => a.AgencyId == _scenario.Nhs.AgencyId).ActionId;

        // The housing system sees its action, accepts it (joining the team) and reports progress.
        var seenByHousing = Assert.Single((await _housing.ListCarePlansAsync(new ListCarePlansRequest())).CarePlans);
        var accepted = await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = seenByHousing.CarePlanId, ExpectedVersion = seenByHousing.Version, ActionId = housingAction, AssignedWorker = "Housing Options Officer" });
        var progressed = await _housing.ReportProgressAsync(new ReportProgressRequest
        {
            CarePlanId = accepted.CarePlanId, ExpectedVersion = accepted.Version, ActionId = housingAction, Status = ActionStatus.InProgress, Note = "Viewing arranged",
        });

        Assert.Equal([PlanDomain.HousingAndAccommodation], seenByHousing.Goals.Select(g => g.Domain));
        Assert.Contains(PlanDomain.MentalHealth, seenByHousing.WithheldDomains);
        Assert.Equal([housingAction], seenByHousing.Actions.Select(a => a.ActionId));
        Assert.Equal(ActionStatus.InProgress, progressed.Actions.Single().Status);
        var member = progressed.Team.Single(m => m.AgencyId == _scenario.Housing.AgencyId);
        Assert.Equal((TeamMemberStatus.Active, "Housing Options Officer"), (member.Status, member.Worker));

        // An agency taking no part is told there is no such plan.
        var stranger = await Assert.ThrowsAsync<RpcException>(() => _voluntary.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = active.CarePlanId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stranger.StatusCode);

        // The NHS action passes its due date unanswered: the sweep records a variance, once.
        _clock.Advance(TimeSpan.FromDays(7));
        var varied = await WaitForAsync(() => _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = active.CarePlanId }).ResponseAsync, p => p.Variances.Count > 0);
        _clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(300);
        var variance = Assert.Single((await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = active.CarePlanId })).Variances);
        Assert.Equal((VarianceKind.Overdue, nhsAction, _scenario.Nhs.AgencyId), (variance.Kind, variance.ActionId, variance.AgencyId));
        Assert.True(varied.Actions.Single(a => a.ActionId == nhsAction).OverdueNoted);

        // The case manager codes it and hands it to gaps and blocks.
        varied = await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = active.CarePlanId });
        var coded = await _caseManager.CodeVarianceAsync(new CodeVarianceRequest { CarePlanId = varied.CarePlanId, ExpectedVersion = varied.Version, VarianceId = variance.VarianceId, Reason = VarianceReason.WaitingList });
        var handed = await _caseManager.HandVarianceToGapsAndBlocksAsync(new HandVarianceToGapsAndBlocksRequest { CarePlanId = coded.CarePlanId, ExpectedVersion = coded.Version, VarianceId = variance.VarianceId });
        Assert.NotNull(handed.Variances.Single().HandedToGapsAndBlocksAt);

        // Gaps and blocks hears of it: it waits in the agency's list of variances to raise a form about.
        // Another agency's case manager sees none of it.
        var waiting = await WaitForAsync(
            () => _gapsBlocks.ListHandedVariancesAsync(new IntegratedCare.GapsBlocks.V1.ListHandedVariancesRequest()).ResponseAsync, l => l.Variances.Count > 0);
        var offered = Assert.Single(waiting.Variances);
        Assert.Equal((variance.VarianceId, _scenario.Addiction.AgencyId, _scenario.Nhs.AgencyId, "Overdue", "WaitingList", string.Empty),
            (offered.VarianceId, offered.LeadAgencyId, offered.ActionAgencyId, offered.Kind, offered.Reason, offered.FormId));
        Assert.Empty((await _otherGapsBlocks.ListHandedVariancesAsync(new IntegratedCare.GapsBlocks.V1.ListHandedVariancesRequest { IncludeRaised = true })).Variances);

        // The case manager raises a gaps and blocks form linked to it; the link is checked against the plans their agency leads.
        // In a form linked to the person's plan, their given name alone identifies them; as the case manager's name, so does their full name.
        var who = (await _scenario.CaseManagerPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person })).Name;
        IntegratedCare.GapsBlocks.V1.FormFields Linked(string overview, string caseManager) => new()
        {
            AreaId = _scenario.AreaId, ProjectName = "Clydebank Addiction Service", FormDate = Today(),
            CaseManager = new IntegratedCare.GapsBlocks.V1.CaseManagerContact { Name = caseManager, Email = "cm@example.org" },
            Overview = overview,
            Actions = { new IntegratedCare.GapsBlocks.V1.ActionStep { Who = "Case manager", What = "Chased the team", Outcome = "No date", Date = Today() } },
            CurrentSituation = "Still waiting.", Recommendations = "More assessment capacity.",
            Category = IntegratedCare.GapsBlocks.V1.FormCategory.MentalHealth, Kind = IntegratedCare.GapsBlocks.V1.FormKind.ResourceGap,
            LinkedVarianceId = variance.VarianceId,
        };
        var givenAlone = await Assert.ThrowsAsync<RpcException>(() => _gapsBlocks.CreateFormAsync(new IntegratedCare.GapsBlocks.V1.CreateFormRequest { Form = Linked($"{who.GivenName} waits for a community mental health assessment.", "A. Case Manager") }).ResponseAsync);
        var asCaseManager = await Assert.ThrowsAsync<RpcException>(() => _gapsBlocks.CreateFormAsync(new IntegratedCare.GapsBlocks.V1.CreateFormRequest { Form = Linked("A community mental health assessment has a long waiting list.", $"{who.GivenName} {who.FamilyName}") }).ResponseAsync);
        Assert.Equal("form.overview", Assert.Single(givenAlone.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Equal("form.case_manager.name", Assert.Single(asCaseManager.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.DoesNotContain(who.GivenName, givenAlone.Status.Detail, StringComparison.OrdinalIgnoreCase);

        var form = await _gapsBlocks.CreateFormAsync(new IntegratedCare.GapsBlocks.V1.CreateFormRequest
        {
            Form = new IntegratedCare.GapsBlocks.V1.FormFields
            {
                AreaId = _scenario.AreaId, ProjectName = "Clydebank Addiction Service", FormDate = Today(),
                CaseManager = new IntegratedCare.GapsBlocks.V1.CaseManagerContact { Name = "A. Case Manager", Email = "cm@example.org" },
                Overview = "A community mental health assessment has a long waiting list.",
                Actions = { new IntegratedCare.GapsBlocks.V1.ActionStep { Who = "Case manager", What = "Chased the team", Outcome = "No date", Date = Today() } },
                CurrentSituation = "Still waiting.", Recommendations = "More assessment capacity.",
                Category = IntegratedCare.GapsBlocks.V1.FormCategory.MentalHealth, Kind = IntegratedCare.GapsBlocks.V1.FormKind.ResourceGap,
                LinkedVarianceId = variance.VarianceId,
            },
        });
        Assert.Equal(variance.VarianceId, form.LinkedVarianceId);

        // The form raised it: no longer waiting, and the full list names the form.
        Assert.Empty((await _gapsBlocks.ListHandedVariancesAsync(new IntegratedCare.GapsBlocks.V1.ListHandedVariancesRequest())).Variances);
        var raised = Assert.Single((await _gapsBlocks.ListHandedVariancesAsync(new IntegratedCare.GapsBlocks.V1.ListHandedVariancesRequest { IncludeRaised = true })).Variances);
        Assert.Equal(form.FormId, raised.FormId);
        Assert.NotNull(raised.RaisedAt);

        // A review records progress and scores, and the next one is scheduled an interval on.
        var reviewed = await _caseManager.RecordReviewAsync(new RecordReviewRequest
        {
            CarePlanId = handed.CarePlanId, ExpectedVersion = handed.Version, HeldOn = Today(),
            GoalProgress = { new GoalProgress { GoalId = housingGoal, Achievement = GoalAchievement.Improving, Note = "Viewing arranged" } },
            OutcomeScores = { new OutcomeScore { Domain = PlanDomain.DrugUse, Score = 4 }, new OutcomeScore { Domain = PlanDomain.HousingAndAccommodation, Score = 6 } },
            Decisions = "Chase the CMHT waiting list; continue housing search.",
        });
        Assert.Equal(Today(84), reviewed.NextReviewDue);
        Assert.Equal(PathwayStage.Review, reviewed.Stage);
        Assert.Equal(GoalAchievement.Improving, reviewed.Goals.Single(g => g.GoalId == housingGoal).Achievement);

        // A stale change is refused; the history keeps every version with who and why; the past can be read.
        var stale = await Assert.ThrowsAsync<RpcException>(() => _caseManager.MoveToStageAsync(new MoveToStageRequest { CarePlanId = active.CarePlanId, ExpectedVersion = handed.Version, Stage = PathwayStage.Intervention }).ResponseAsync);
        var versions = await _caseManager.ListCarePlanVersionsAsync(new ListCarePlanVersionsRequest { CarePlanId = active.CarePlanId });
        var asDrafted = await _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = active.CarePlanId, AsOf = Timestamp.FromDateTimeOffset(draft.CreatedAt.ToDateTimeOffset()) });
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(reviewed.Version, versions.Versions[^1].Version);
        Assert.Contains(versions.Versions, v => v.Why.StartsWith("Action", StringComparison.Ordinal) && v.By == "housing-system");
        Assert.Contains(versions.Versions, v => v.By == "system:careplan-deadlines");
        Assert.Equal(CarePlanStatus.Draft, asDrafted.Status);

        // The history comes a page at a time, oldest first, in the order the whole list gives.
        var paged = new List<long>();
        var token = string.Empty;
        do
        {
            var page = await _caseManager.ListCarePlanVersionsAsync(new ListCarePlanVersionsRequest { CarePlanId = active.CarePlanId, PageSize = 2, PageToken = token });
            Assert.Equal(versions.Versions.Count, page.TotalSize);
            paged.AddRange(page.Versions.Select(v => v.Position));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(versions.Versions.Select(v => v.Position), paged);

        // Once the next review date passes, the review shows as overdue to the case manager and the line manager.
        var beforeDue = await _caseManager.ListOverdueReviewsAsync(new ListOverdueReviewsRequest());
        _clock.Advance(TimeSpan.FromDays(90));
        var overdue = Assert.Single((await _caseManager.ListOverdueReviewsAsync(new ListOverdueReviewsRequest())).Reviews);
        var forLineManager = await _lineManager.ListOverdueReviewsAsync(new ListOverdueReviewsRequest());
        Assert.Empty(beforeDue.Reviews);
        Assert.Equal((active.CarePlanId, person, 6), (overdue.CarePlanId, overdue.ServiceUserId, overdue.DaysOverdue));
        Assert.Equal([active.CarePlanId], forLineManager.Reviews.Select(r => r.CarePlanId));
        Assert.Equal((1, string.Empty), (forLineManager.TotalSize, forLineManager.NextPageToken));

        // Every read is in the audit trail with whose plan it was, refusals included.
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "CarePlan.ListCarePlansQuery", ActorId: "housing-system" } && r.ServiceUserId == person);
        Assert.Contains(audit, r => r is { Operation: "CarePlan.GetCarePlanQuery", ActorId: "voluntary-system", Outcome: IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Failed });
    }

    [Fact]
    public async Task AFollower_ThatDisconnects_ResumesWithoutAGapOrARepeat()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();

        // The housing system follows from the beginning and drops after the first change it sees.
        long lastSeen;
        using (var firstConnection = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            using var call = _housing.FollowCarePlanChanges(new FollowCarePlanChangesRequest { AfterPosition = 0 }, cancellationToken: firstConnection.Token);
            Assert.True(await call.ResponseStream.MoveNext(firstConnection.Token));
            lastSeen = call.ResponseStream.Current.Position;
            Assert.Equal(plan.Version, call.ResponseStream.Current.CarePlan.Version);
        }

        // Changes while it is away.
        var accepted = await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Officer" });
        var progressed = await _housing.ReportProgressAsync(new ReportProgressRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = accepted.Version, ActionId = plan.Actions.Single().ActionId, Status = ActionStatus.Completed, Note = "Interview held" });

        // It resumes from the last position it received, and a change made while it follows arrives too.
        var resumed = await ReadAsync(_housing, lastSeen, 2);
        var participated = await _caseManager.RecordParticipationAsync(new RecordParticipationRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = progressed.Version, TookPart = true });
        var everything = await ReadAsync(_housing, 0, 4);

        Assert.Equal([accepted.Version, progressed.Version], resumed.Select(c => c.CarePlan.Version));
        Assert.Equal(everything.Skip(1).Take(2).Select(c => c.Position), resumed.Select(c => c.Position));
        Assert.Equal([plan.Version, accepted.Version, progressed.Version, participated.Version], everything.Select(c => c.CarePlan.Version));
        Assert.True(everything.Select(c => c.Position).SequenceEqual(everything.Select(c => c.Position).Order()));
        Assert.All(everything, c => Assert.Equal([PlanDomain.HousingAndAccommodation], c.CarePlan.Goals.Select(g => g.Domain)));
        var housingMember = everything[^1].CarePlan.Team.Single(m => m.AgencyId == _scenario.Housing.AgencyId);
        Assert.Equal(TeamMemberStatus.Inactive, housingMember.Status);
        Assert.NotNull(housingMember.End);
    }

    [Fact]
    public async Task AnOpenFeed_StopsDisclosingAtAWithdrawal_BeforeTheNextChange()
    {
        var (person, consent, plan) = await PlanWithAHousingActionAsync();
        var consents = new IntegratedCare.Protocols.V1.ConsentService.ConsentServiceClient(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var housingFeed = _housing.FollowCarePlanChanges(new FollowCarePlanChangesRequest { AfterPosition = 0 }, cancellationToken: cancel.Token);
        Assert.True(await housingFeed.ResponseStream.MoveNext(cancel.Token));
        var seen = housingFeed.ResponseStream.Current;

        // The stream stays open while the person withdraws, and the plan changes with their own words.
        var next = housingFeed.ResponseStream.MoveNext(cancel.Token);
        await consents.WithdrawConsentAsync(new IntegratedCare.Protocols.V1.WithdrawConsentRequest { ConsentId = consent.ConsentId, ExpectedVersion = consent.Version, Reason = "The person asked us to stop sharing" });
        var changed = await _caseManager.RecordParticipationAsync(new RecordParticipationRequest
        {
            CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, TookPart = true, OwnWords = "I do not want housing to know about my relapse.",
        });
        var leadSaw = await ReadAsync(_caseManager, seen.Position, 1);

        // The lead's feed has the change; housing's open feed, woken by the same commit and polling after it, sends nothing.
        Assert.Equal(changed.Version, Assert.Single(leadSaw).CarePlan.Version);
        Assert.Equal(plan.Version, seen.CarePlan.Version);
        Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None)));
        cancel.Cancel();
    }

    [Fact]
    public async Task AnIdleFollower_RunsNoRoundsAndWritesNoAuditRecords_UntilAChangeCommitsAndWakesIt()
    {
        var (_, _, plan) = await PlanWithAHousingActionAsync();
        // The set-up's events are handled first: a handler that changes a plan would wake the follower.
        await Eventually.WaitUntilAsync(async () => await _host.RowsAsync("platform_outbox_messages", "ProcessedAt IS NULL") == 0);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var feed = _housing.FollowCarePlanChanges(new FollowCarePlanChangesRequest { AfterPosition = -1 }, cancellationToken: cancel.Token);
        var next = feed.ResponseStream.MoveNext(cancel.Token);
        const string rounds = "ResourceType = 'care-plan-feed'";
        await Eventually.WaitUntilAsync(async () => await _host.RowsAsync("platform_audit_events", rounds) >= 1);
        var first = await _host.RowsAsync("platform_audit_events", rounds);
        Assert.Equal(1, first); // the round that found the feed's end

        // Longer than the two-second poll the feed used to run: not one more round, not one more record.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(first, await _host.RowsAsync("platform_audit_events", rounds));
        Assert.False(next.IsCompleted);

        var changed = await _caseManager.RecordParticipationAsync(new RecordParticipationRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, TookPart = true });
        Assert.True(await next);
        Assert.Equal(changed.Version, feed.ResponseStream.Current.CarePlan.Version);
        cancel.Cancel();
    }

    [Fact]
    public async Task AnOpenFeed_EndsWhenThePartnersCredentialIsRevoked()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        var issued = await AsAdminAsync(new IntegratedCare.Identity.Application.Credentials.IssueAgencyCredential.IssueAgencyCredentialCommand(_scenario.Housing.AgencyId, "Housing case system", 30));
        var housing = new CarePlanService.CarePlanServiceClient(_host.Invoker(issued.Token));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var feed = housing.FollowCarePlanChanges(new FollowCarePlanChangesRequest { AfterPosition = 0 }, cancellationToken: cancel.Token);
        Assert.True(await feed.ResponseStream.MoveNext(cancel.Token));

        await AsAdminAsync(new IntegratedCare.Identity.Application.Credentials.RevokeAgencyCredential.RevokeAgencyCredentialCommand(issued.Credential.CredentialId));
        await _caseManager.RecordParticipationAsync(new RecordParticipationRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, TookPart = true });
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await feed.ResponseStream.MoveNext(cancel.Token))
            {
            }
        });

        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
    }

    [Fact]
    public async Task ATeamAgencysListDecidesThePagesPeopleTogether_AndAuditsEachPersonByName()
    {
        var (first, _, _) = await PlanWithAHousingActionAsync();
        var (second, draft) = await AssessedPersonWithDraftPlanAsync(Person("Morven", "Drummond", "1979-06-21"));
        await _scenario.HousingConsentAsync(second);
        await _caseManager.AddActionAsync(new AddActionRequest
        {
            CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version, AgencyId = _scenario.Housing.AgencyId, Tier = 1, What = "Tenancy support", DueDate = Today(10),
        });

        var listed = await _housing.ListCarePlansAsync(new ListCarePlansRequest());

        var audit = await _host.AuditAsync();
        var list = audit.Where(r => r.Operation == "CarePlan.ListCarePlansQuery" && r.ActorId == "housing-system").ToList();
        var correlation = Assert.Single(list.Select(r => r.CorrelationId).Distinct());
        var decided = audit.Where(r => r.CorrelationId == correlation && r.Operation.StartsWith("Protocols.SharingDecisions", StringComparison.Ordinal)).ToList();
        // One decision for the page (not one per person), with a record naming each person and their basis.
        Assert.All(decided, r => Assert.Equal("Protocols.SharingDecisionsForPeopleQuery", r.Operation));
        var people = new[] { first, second }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(people, listed.CarePlans.Select(p => p.ServiceUserId).Order(StringComparer.Ordinal));
        Assert.Equal(people, decided.Select(r => r.ServiceUserId).OfType<string>().Order(StringComparer.Ordinal));
        Assert.All(decided.Where(r => r.ServiceUserId is not null), r => Assert.StartsWith("permit: ", r.Basis, StringComparison.Ordinal));
        Assert.Equal(people, list.Select(r => r.ServiceUserId).OfType<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PlansAreListedAPageAtATime_TheCaseloadIsTheCaseManagersOpenPlans_AndAStrangerAgencyListsNone()
    {
        var plans = new List<IntegratedCare.CarePlan.V1.CarePlan>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var (_, draft) = await AssessedPersonWithDraftPlanAsync(Person(new[] { "Ailsa", "Bryony", "Catriona" }[i], new[] { "Abernethy", "Buchanan", "Cormack" }[i], $"197{i}-0{i + 1}-1{i}"));
            plans.Add(await _caseManager.AssignLeadCaseManagerAsync(new AssignLeadCaseManagerRequest
            {
                CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version, CaseManager = i < 2 ? "case-manager-1" : "case-manager-2",
            }));
        }

        // Page by page, newest first, each plan once; the token carries the position.
        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await _caseManager.ListCarePlansAsync(new ListCarePlansRequest { PageSize = 1, PageToken = token });
            Assert.Equal(3, page.TotalSize);
            seen.AddRange(page.CarePlans.Select(p => p.CarePlanId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(plans.Select(p => p.CarePlanId).Reverse(), seen);

        var caseload = await _caseManager.ListCarePlansAsync(new ListCarePlansRequest { Caseload = true });
        Assert.Equal(plans.Take(2).Select(p => p.CarePlanId).Reverse(), caseload.CarePlans.Select(p => p.CarePlanId));

        // A token from another filter, or one nobody issued, is the caller's mistake, named.
        var first = await _caseManager.ListCarePlansAsync(new ListCarePlansRequest { PageSize = 1 });
        var carried = await Assert.ThrowsAsync<RpcException>(() => _caseManager.ListCarePlansAsync(new ListCarePlansRequest { Caseload = true, PageToken = first.NextPageToken }).ResponseAsync);
        var forged = await Assert.ThrowsAsync<RpcException>(() => _caseManager.ListCarePlansAsync(new ListCarePlansRequest { PageToken = "djE6MDpBQkNE" }).ResponseAsync);
        var negative = await Assert.ThrowsAsync<RpcException>(() => _caseManager.ListCarePlansAsync(new ListCarePlansRequest { PageSize = -1 }).ResponseAsync);
        Assert.All([carried, forged], e => Assert.Equal((StatusCode.InvalidArgument, true), (e.StatusCode, e.Status.Detail.Contains("page_token", StringComparison.Ordinal))));
        Assert.Equal((StatusCode.InvalidArgument, true), (negative.StatusCode, negative.Status.Detail.Contains("page_size", StringComparison.Ordinal)));

        // The voluntary project takes part in none of them; housing lists only the plan that gives it an action to answer.
        Assert.Equal(0, (await _voluntary.ListCarePlansAsync(new ListCarePlansRequest())).TotalSize);
        Assert.Equal(0, (await _housing.ListCarePlansAsync(new ListCarePlansRequest())).TotalSize);
        var (_, _, withAction) = await PlanWithAHousingActionAsync(); // Catherine Johnstone, a fourth person
        var housingSees = await _housing.ListCarePlansAsync(new ListCarePlansRequest());
        Assert.Equal([withAction.CarePlanId], housingSees.CarePlans.Select(p => p.CarePlanId));
    }

    private async Task<T> AsAdminAsync<T>(MediatR.IRequest<T> request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IntegratedCare.BuildingBlocks.Application.Security.CurrentActor>()
            .Set(new Actor("admin-1", ActorKind.Staff, null, new HashSet<string> { Roles.SystemAdmin }));
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    [Fact]
    public async Task AProposedAction_IsNoCareRelationship_UntilTheAgencyAcceptsIt()
    {
        var (person, _, plan) = await PlanWithAHousingActionAsync();
        var housingConsents = new IntegratedCare.Protocols.V1.ConsentService.ConsentServiceClient(
            _host.Invoker(_host.Token("housing-system", ActorKind.AgencySystem, _scenario.Housing.AgencyId, Roles.AgencySystem)));
        var deny = new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = person, Method = IntegratedCare.Protocols.V1.ConsentMethod.Verbal,
            Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = IntegratedCare.Protocols.V1.ProvisionType.Deny, DataCategories = { "identity" }, AgencyIds = { _scenario.Nhs.AgencyId } } },
        };

        // Proposed an action, housing may read what the consent permits but is not on the team: it may not act.
        var whileProposed = await Assert.ThrowsAsync<RpcException>(() => housingConsents.RecordConsentAsync(deny).ResponseAsync);
        await _housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = plan.Actions.Single().ActionId, AssignedWorker = "Officer" });
        var onTheTeam = await housingConsents.RecordConsentAsync(deny);

        Assert.Equal(StatusCode.PermissionDenied, whileProposed.StatusCode);
        Assert.Equal(IntegratedCare.Protocols.V1.ConsentStatus.Active, onTheTeam.Status);
    }

    [Fact]
    public async Task AReferralLeftUnanswered_IsAVarianceOnThePersonsPlan()
    {
        var (person, draft) = await AssessedPersonWithDraftPlanAsync();
        var referral = await HousingReferralAsync(person);

        _clock.Advance(TimeSpan.FromDays(8));
        var plan = await WaitForAsync(() => _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = draft.CarePlanId }).ResponseAsync, p => p.Variances.Count > 0);
        var versions = await _caseManager.ListCarePlanVersionsAsync(new ListCarePlanVersionsRequest { CarePlanId = draft.CarePlanId });

        var variance = Assert.Single(plan.Variances);
        Assert.Equal((VarianceKind.ReferralOverdue, referral.ReferralId, _scenario.Housing.AgencyId, string.Empty), (variance.Kind, variance.ReferralId, variance.AgencyId, variance.ActionId));
        Assert.Contains(versions.Versions, v => v.Why.Contains(referral.ReferralId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterExit_TheNextAssessmentProposesANewEpisode_AndAReassessmentOfAnOpenPlanAddsItsNewNeeds()
    {
        var (person, first) = await AssessedPersonWithDraftPlanAsync();
        var exited = await _caseManager.ExitCarePlanAsync(new ExitCarePlanRequest { CarePlanId = first.CarePlanId, ExpectedVersion = first.Version, Reason = "Moved to another area" });

        var second = await CompleteAssessmentAsync(person, NeedDomain.EmploymentAndTraining);
        var plans = await WaitForAsync(() => _caseManager.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = person }).ResponseAsync, r => r.CarePlans.Count == 2);
        var episodeTwo = plans.CarePlans.Single(p => p.CarePlanId != first.CarePlanId);
        await CompleteAssessmentAsync(person, NeedDomain.CriminalJustice);
        var withNewNeed = await WaitForAsync(
            () => _caseManager.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = episodeTwo.CarePlanId }).ResponseAsync,
            p => p.Goals.Any(g => g.Domain == PlanDomain.CriminalJustice));

        Assert.Equal((CarePlanStatus.Completed, PathwayStage.AftercareExit, "Moved to another area"), (exited.Status, exited.Stage, exited.ExitReason));
        Assert.Equal((2, CarePlanStatus.Draft), (episodeTwo.Episode, episodeTwo.Status));
        Assert.Equal([PlanDomain.EmploymentAndTraining], episodeTwo.Goals.Select(g => g.Domain));
        Assert.Equal(second, episodeTwo.SourceAssessmentId);
        Assert.Equal(
            [PlanDomain.EmploymentAndTraining, PlanDomain.CriminalJustice],
            withNewNeed.Goals.Select(g => g.Domain));
    }

    private async Task<string> CompleteAssessmentAsync(string person, NeedDomain high)
    {
        var s = _scenario;
        var started = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person });
        var contribute = new ContributeDomainsRequest { AssessmentId = started.AssessmentId, ExpectedVersion = started.Version };
        foreach (var domain in System.Enum.GetValues<NeedDomain>().Where(d => d != NeedDomain.Unspecified))
        {
            contribute.Domains.Add(Domain(domain, domain == high ? NeedLevel.High : NeedLevel.Low));
        }

        var contributed = await s.CaseManagerAssessments.ContributeDomainsAsync(contribute);
        await s.CaseManagerAssessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Morag Campbell" });
        return started.AssessmentId;
    }

    private static async Task<List<CarePlanChange>> ReadAsync(CarePlanService.CarePlanServiceClient client, long after, int count)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = client.FollowCarePlanChanges(new FollowCarePlanChangesRequest { AfterPosition = after }, cancellationToken: cancel.Token);
        var changes = new List<CarePlanChange>();
        while (changes.Count < count && await call.ResponseStream.MoveNext(cancel.Token))
        {
            changes.Add(call.ResponseStream.Current);
        }

        return changes;
    }

    /// <summary>An assessed person's draft plan with a housing action, and the person's consent for housing to see it.</summary>
    /// <summary>
    /// The interleaving that breaks a feed on a plain sequence: A takes a position, B takes the next, B commits,
    /// a follower reads and moves its cursor past B, then A commits below the cursor and is never read. With
    /// the feed's commit-order lock (what CarePlan takes before every append) B waits for A, and the follower
    /// sees both. The first half proves the test can see the hazard; the second that the lock removes it.
    /// </summary>
    [PostgreSqlFact]
    public async Task TheChangeFeed_OnANaiveSequence_WouldSkipALateCommit_ButItsCommitOrderLockDoesNot()
    {
        var naive = await InterleaveAsync(takeCommitOrder: false);
        Assert.NotEqual(naive.Committed, naive.Seen);

        var ordered = await InterleaveAsync(takeCommitOrder: true);
        Assert.True(ordered.BlockedB, "B's append should have waited for A's commit");
        Assert.Equal(ordered.Committed, ordered.Seen);
    }

    /// <summary>The real append path takes that lock: a plan change waits while another transaction holds it.</summary>
    [PostgreSqlFact]
    public async Task APlanChange_WaitsForTheFeedsCommitOrder_BeforeItsVersionTakesAPosition()
    {
        var (_, _, plan) = await PlanWithAHousingActionAsync();
        await using var holder = _folder.OpenReadOnly(writable: true);
        await using var transaction = await holder.BeginTransactionAsync();
        await IntegratedCare.BuildingBlocks.Infrastructure.Persistence.CommitOrder.TakeAsync(
            holder, transaction, IntegratedCare.CarePlan.Infrastructure.Persistence.CarePlanDbContext.FeedName, CancellationToken.None);

        var change = _caseManager.RecordParticipationAsync(new RecordParticipationRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, TookPart = true }).ResponseAsync;
        Assert.NotSame(change, await Task.WhenAny(change, Task.Delay(TimeSpan.FromSeconds(1))));

        await transaction.CommitAsync();
        var changed = await change.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(plan.Version + 1, changed.Version);
    }

    private async Task<(List<long> Committed, List<long> Seen, bool BlockedB)> InterleaveAsync(bool takeCommitOrder)
    {
        await _host.RowsAsync("careplan_versions");
        var table = _folder.Table("careplan_versions");
        var feed = IntegratedCare.CarePlan.Infrastructure.Persistence.CarePlanDbContext.FeedName;
        await using var follower = _folder.OpenReadOnly();
        var start = await MaxPositionAsync(follower);
        await using var a = _folder.OpenReadOnly(writable: true);
        await using var b = _folder.OpenReadOnly(writable: true);

        await using var ta = await a.BeginTransactionAsync();
        if (takeCommitOrder)
        {
            await IntegratedCare.BuildingBlocks.Infrastructure.Persistence.CommitOrder.TakeAsync(a, ta, feed, CancellationToken.None);
        }

        var positionA = await AppendAsync(a, ta);
        var appendB = Task.Run(async () =>
        {
            await using var tb = await b.BeginTransactionAsync();
            if (takeCommitOrder)
            {
                await IntegratedCare.BuildingBlocks.Infrastructure.Persistence.CommitOrder.TakeAsync(b, tb, feed, CancellationToken.None);
            }

            var position = await AppendAsync(b, tb);
            await tb.CommitAsync();
            return position;
        });
        var blockedB = appendB != await Task.WhenAny(appendB, Task.Delay(TimeSpan.FromMilliseconds(700)));

        // The follower reads what has committed so far and moves its cursor to the last position it saw.
        var seen = await PositionsAfterAsync(follower, start);
        var cursor = seen.Count > 0 ? seen[^1] : start;
        await ta.CommitAsync();
        var positionB = await appendB.WaitAsync(TimeSpan.FromSeconds(30));
        seen.AddRange(await PositionsAfterAsync(follower, cursor));
        return ([positionA, positionB], seen, blockedB);

        async Task<long> AppendAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} (\"CarePlanId\", \"Version\", \"At\", \"By\", \"Why\", \"TeamAgencyIds\", \"SchemaVersion\", \"Snapshot\") " +
                $"VALUES ('{Guid.NewGuid()}', 1, 0, 'test', 'interleaving', '{{}}', 1, '{{}}') RETURNING \"Position\"";
            return Convert.ToInt64(await insert.ExecuteScalarAsync());
        }

        async Task<long> MaxPositionAsync(System.Data.Common.DbConnection connection)
        {
            await using var max = connection.CreateCommand();
            max.CommandText = $"SELECT COALESCE(MAX(\"Position\"), 0) FROM {table}";
            return Convert.ToInt64(await max.ExecuteScalarAsync());
        }

        async Task<List<long>> PositionsAfterAsync(System.Data.Common.DbConnection connection, long after)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT \"Position\" FROM {table} WHERE \"Position\" > {after} ORDER BY \"Position\"";
            var positions = new List<long>();
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                positions.Add(reader.GetInt64(0));
            }

            return positions;
        }
    }

    private async Task<(string Person, IntegratedCare.Protocols.V1.Consent Consent, IntegratedCare.CarePlan.V1.CarePlan Plan)> PlanWithAHousingActionAsync()
    {
        var (person, draft) = await AssessedPersonWithDraftPlanAsync();
        var consent = await _scenario.HousingConsentAsync(person);
        var plan = await _caseManager.AddActionAsync(new AddActionRequest
        {
            CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version, AgencyId = _scenario.Housing.AgencyId, Tier = 1, What = "Housing options interview", DueDate = Today(10),
        });
        return (person, consent, plan);
    }

    /// <summary>The person's consent for housing, an active housing protocol (3 working days), and the case manager's referral under it.</summary>
    private async Task<IntegratedCare.Protocols.V1.Referral> HousingReferralAsync(string person)
    {
        await _scenario.HousingConsentAsync(person);
        var protocol = await new AgencyScenario(_host).ActiveHousingProtocolAsync(3, IntegratedCare.Protocols.V1.ResponseTimeUnit.WorkingDays, "2030-01-01");
        return await _referrals.MakeReferralAsync(new IntegratedCare.Protocols.V1.MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = person, ToAgencyId = _scenario.Housing.AgencyId,
            Reason = "Homeless on discharge", SharedDataCategories = { IntegratedCare.Protocols.Contracts.DataCategories.AssessmentHousing },
        });
    }

    /// <summary>A person registered, assessed (drug use, mental health and housing high; physical health moderate) and the plan it proposed.</summary>
    private async Task<(string Person, IntegratedCare.CarePlan.V1.CarePlan Draft)> AssessedPersonWithDraftPlanAsync(ServiceUserDetails? details = null)
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = details ?? Person() });
        var started = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        var contribute = new ContributeDomainsRequest { AssessmentId = started.AssessmentId, ExpectedVersion = started.Version };
        foreach (var domain in System.Enum.GetValues<NeedDomain>().Where(d => d != NeedDomain.Unspecified))
        {
            contribute.Domains.Add(Domain(domain, domain switch
            {
                NeedDomain.DrugUse or NeedDomain.MentalHealth or NeedDomain.HousingAndAccommodation => NeedLevel.High,
                NeedDomain.PhysicalHealth => NeedLevel.Moderate,
                _ => NeedLevel.Low,
            }));
        }

        var contributed = await s.CaseManagerAssessments.ContributeDomainsAsync(contribute);
        await s.CaseManagerAssessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Morag Campbell" });
        var plans = await WaitForAsync(() => _caseManager.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync, r => r.CarePlans.Count > 0);
        return (person.ServiceUserId, Assert.Single(plans.CarePlans));
    }

    private string Today(int days = 0) => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
