using Google.Rpc;
using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using LadderPeriods = IntegratedCare.GapsAndBlocks.Application.Forms.LadderPeriods;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.GapsAndBlocks.Application.Details.ListDetailRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>One form up the whole ladder and back down, over real gRPC on a fake clock.</summary>
public sealed class GapsAndBlocksTests : IAsyncLifetime
{
    private static readonly IntegratedCare.BuildingBlocks.Domain.Calendar.WorkingCalendar Calendar = IntegratedCare.BuildingBlocks.Infrastructure.Calendar.ShippedHolidays.For(IntegratedCare.BuildingBlocks.Domain.Calendar.Jurisdiction.Scotland);
    private readonly DataFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;
    private string _areaId = null!;
    private string _housingId = null!;
    private string _addictionId = null!;
    private string _person = null!;
    private IntegratedCare.Protocols.V1.ConsentService.ConsentServiceClient _consents = null!;
    private GapsBlocksService.GapsBlocksServiceClient _caseManager = null!;
    private GapsBlocksService.GapsBlocksServiceClient _lineManager = null!;
    private GapsBlocksService.GapsBlocksServiceClient _coordinator = null!;
    private GapsBlocksService.GapsBlocksServiceClient _subGroup = null!;
    private GapsBlocksService.GapsBlocksServiceClient _national = null!;
    private GapsBlocksService.GapsBlocksServiceClient _otherCaseManager = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder, services: s => s.AddSingleton<TimeProvider>(_clock));
        var scenario = new AgencyScenario(_host);
        var area = await scenario.CreateAreaAsync();
        _areaId = area.AreaId;
        var (addiction, housing, _) = await scenario.RegisterPartnersAsync(area.AreaId);
        _housingId = housing.AgencyId;
        _addictionId = addiction.AgencyId;
        var people = new ServiceUserService.ServiceUserServiceClient(_host.Invoker(_host.Token("cm-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));
        _person = (await people.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = AssessmentScenario.Person("Catherine", "Johnstone", "1985-03-15") })).ServiceUserId;
        _consents = new(_host.Invoker(_host.Token("cm-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));

        // Tokens are minted now: the fake clock moves on later, the token validator's does not.
        GapsBlocksService.GapsBlocksServiceClient Client(string subject, string? agency, string role) => new(_host.Invoker(_host.Token(subject, ActorKind.Staff, agency, role)));
        _caseManager = Client("cm-1", addiction.AgencyId, Roles.CaseManager);
        _lineManager = Client("lm-1", addiction.AgencyId, Roles.LineManager);
        _coordinator = Client("coordinator-1", null, Roles.RehabilitationCoordinator);
        _subGroup = Client("sg-1", housing.AgencyId, Roles.SubgroupMember);
        _national = Client("nc-1", null, Roles.NationalCoordinator);
        _otherCaseManager = Client("cm-2", housing.AgencyId, Roles.CaseManager);
    }

    /// <summary>A day in the area's calendar, <paramref name="fromToday"/> days from the fake clock's today, as YYYY-MM-DD.</summary>
    private string Day(int fromToday) =>
        Calendar.Today(_clock.GetUtcNow()).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("overview", "Kate Johnstone was refused a tenancy.", "a registered person's name")]
    [InlineData("current_situation", "Call her on 07700 900456 for an update.", "a phone number")]
    [InlineData("actions[0].what", "Sent CHI 150385 1230 to the GP.", "a CHI or NHS number")]
    [InlineData("recommendations", "Write to her at 12 Glebe Street, Dumbarton G82 1AA.", "a street address")]
    [InlineData("overview", "DOB 15/03/1985, homeless since March.", "a date of birth")]
    public async Task AnIdentifyingForm_IsRefusedNamingTheFieldAndWhatWasFound_AndNothingIsStored(string field, string text, string found)
    {
        var form = Form();
        switch (field)
        {
            case "overview": form.Overview = text; break;
            case "current_situation": form.CurrentSituation = text; break;
            case "recommendations": form.Recommendations = text; break;
            default: form.Actions[0].What = text; break;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => _caseManager.CreateFormAsync(new CreateFormRequest { Form = form }).ResponseAsync);
        var check = await _caseManager.CheckFormTextAsync(new CheckFormTextRequest { Texts = { new TextToCheck { Field = field, Text = text } } });

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violations = refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        Assert.All(violations, v => Assert.Equal("form." + field, v.Field));
        Assert.Contains(violations, v => v.Description.Contains(found, StringComparison.Ordinal));
        Assert.DoesNotContain(text, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(check.Findings, f => f.Kind == found);
        Assert.Empty((await _caseManager.ListFormsAsync(new ListFormsRequest { IncludeClosed = true })).Forms);
    }

    [Fact]
    public async Task AForm_ClimbsTheWholeLadderAndComesBackDown_WithDueDatesAlertsAndRoles()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        Assert.Equal((FormStage.Draft, StageHolder.CaseManager), (draft.Stage, draft.Holder));

        // Only the holder moves a stage.
        var notTheirs = await Assert.ThrowsAsync<RpcException>(() => _lineManager.AttestAsync(Step(draft, "Discussed at team meeting")).ResponseAsync);
        var attested = await _caseManager.AttestAsync(Step(draft, "Discussed at the staff team meeting and with a peer case manager"));
        var byCoordinator = await Assert.ThrowsAsync<RpcException>(() => _coordinator.EndorseAsync(Step(attested, string.Empty)).ResponseAsync);
        var endorsed = await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
        var outOfTurn = await Assert.ThrowsAsync<RpcException>(() => _national.RecordNdricDecisionAsync(Step(endorsed, "Fund more places")).ResponseAsync);
        var stranger = await Assert.ThrowsAsync<RpcException>(() => _otherCaseManager.GetFormAsync(new GetFormRequest { FormId = draft.FormId }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, notTheirs.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byCoordinator.StatusCode);
        Assert.Equal(StatusCode.NotFound, outOfTurn.StatusCode);
        Assert.Equal(StatusCode.NotFound, stranger.StatusCode);
        Assert.Equal((FormStage.AwaitingEndorsement, Due(5, attested)), (attested.Stage, attested.StageDueAt.ToDateTimeOffset()));
        Assert.Equal((FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator), (endorsed.Stage, endorsed.Holder));
        Assert.Equal(Due(10, endorsed), endorsed.StageDueAt.ToDateTimeOffset());

        // The co-ordinator misses the ten days: one alert to the co-ordinator, and the form shows overdue.
        _clock.Advance(endorsed.StageDueAt.ToDateTimeOffset().AddDays(2) - _clock.GetUtcNow());
        var overdue = await WaitForAsync(() => _coordinator.GetFormAsync(new GetFormRequest { FormId = draft.FormId }).ResponseAsync, f => f.Alerts.Count > 0);
        _clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(300);
        var listed = Assert.Single((await _coordinator.ListFormsAsync(new ListFormsRequest { AreaId = _areaId })).Forms);
        Assert.True(overdue.Overdue);
        var alert = Assert.Single(listed.Alerts);
        Assert.Equal((FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator), (alert.Stage, alert.Holder));
        Assert.True(listed.Overdue);
        Assert.Single(await OutboxAsync("FormStageOverdueIntegrationEvent"));

        // Up: the sub-group, then NDRIC.
        var raised = await _coordinator.RaiseToSubGroupAsync(Step(listed, "For the December meeting"));
        var seenBySubGroup = Assert.Single((await _subGroup.ListFormsAsync(new ListFormsRequest { AreaId = _areaId })).Forms);
        var referred = await _coordinator.ReferToNdricAsync(Step(raised, "No local solution: a national funding issue"));
        var decided = await _national.RecordNdricDecisionAsync(Step(referred, "NDRIC will ask the HSE to fund ten more detox beds in the region."));

        Assert.Equal((FormStage.AtSubGroup, Due(42, raised)), (raised.Stage, raised.StageDueAt.ToDateTimeOffset()));
        Assert.False(raised.Overdue);
        Assert.True(seenBySubGroup.ContactWithheld);
        Assert.Equal(string.Empty, seenBySubGroup.CaseManager.Name);
        Assert.Equal(string.Empty, seenBySubGroup.LinkedVarianceId);
        Assert.All(seenBySubGroup.Transitions, t => Assert.Equal(string.Empty, t.By));
        Assert.Equal((FormStage.AtNdric, StageHolder.NationalCoordinator, Due(90, referred)), (referred.Stage, referred.Holder, referred.StageDueAt.ToDateTimeOffset()));
        Assert.Equal((FormStage.ReportingBack, Due(10, decided)), (decided.Stage, decided.StageDueAt.ToDateTimeOffset()));

        // Down: reported back, acknowledged by the sub-group and the case manager, closed.
        var reported = await _coordinator.ReportBackAsync(Step(decided, "Reported to the sub-group and the case manager"));
        var subGroupSaw = await _subGroup.AcknowledgeForSubGroupAsync(Step(reported, string.Empty));
        var twice = await Assert.ThrowsAsync<RpcException>(() => _subGroup.AcknowledgeForSubGroupAsync(Step(subGroupSaw, string.Empty)).ResponseAsync);
        var closed = await _caseManager.AcknowledgeAsCaseManagerAsync(Step(subGroupSaw, string.Empty));

        Assert.Equal((FormStage.AwaitingAcknowledgement, Due(10, reported)), (reported.Stage, reported.StageDueAt.ToDateTimeOffset()));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Equal((FormStage.Closed, ResolutionLevel.Ndric), (closed.Stage, closed.ResolvedAt));
        Assert.Equal("NDRIC will ask the HSE to fund ten more detox beds in the region.", closed.Resolution);
        Assert.Equal(
            ["attested", "endorsed", "raised at the sub-group", "referred to NDRIC", "NDRIC decided actions", "reported back", "acknowledged by the sub-group", "acknowledged by the case manager", "closed"],
            closed.Transitions.Select(t => t.Action));
        Assert.Equal(["cm-1", "lm-1", "coordinator-1", "coordinator-1", "nc-1", "coordinator-1", "sg-1", "cm-1", "cm-1"], closed.Transitions.Select(t => t.By));

        // Every step is audited with who.
        var audit = await _host.AuditAsync();
        Assert.Equal(8, audit.Count(r => r is { Operation: "GapsAndBlocks.MoveFormCommand", Outcome: IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Success } && r.ResourceId == draft.FormId));
        Assert.Contains(audit, r => r is { Operation: "GapsAndBlocks.MoveFormCommand", ActorId: "lm-1", Outcome: IntegratedCare.BuildingBlocks.Application.Auditing.AuditOutcome.Denied });
    }

    [Fact]
    public async Task EveryStage_PastItsDueDate_AlertsItsHolderOnce_AndTheFormStillMovesOn()
    {
        var form = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        form = await _caseManager.AttestAsync(Step(form, "Discussed with the staff team"));
        form = await PastDueAsync(form, 5, 1, FormStage.AwaitingEndorsement, StageHolder.LineManager);
        form = await _lineManager.EndorseAsync(Step(form, "Warrants attention"));
        form = await PastDueAsync(form, 10, 2, FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator);
        form = await _coordinator.RaiseToSubGroupAsync(Step(form, "For the next meeting"));
        form = await PastDueAsync(form, 42, 3, FormStage.AtSubGroup, StageHolder.SubGroup);
        form = await _coordinator.ReferToNdricAsync(Step(form, "A national issue"));
        form = await PastDueAsync(form, 90, 4, FormStage.AtNdric, StageHolder.NationalCoordinator);
        form = await _national.RecordNdricDecisionAsync(Step(form, "Fund supported places"));
        form = await PastDueAsync(form, 10, 5, FormStage.ReportingBack, StageHolder.RehabilitationCoordinator);
        form = await _coordinator.ReportBackAsync(Step(form, "Reported back"));
        form = await PastDueAsync(form, 10, 6, FormStage.AwaitingAcknowledgement, StageHolder.SubGroup);
        form = await _subGroup.AcknowledgeForSubGroupAsync(Step(form, string.Empty));
        form = await _caseManager.AcknowledgeAsCaseManagerAsync(Step(form, string.Empty));

        Assert.Equal(FormStage.Closed, form.Stage);
        Assert.False(form.Overdue);
        Assert.Equal(6, form.Alerts.Count);
        Assert.Equal(6, (await OutboxAsync("FormStageOverdueIntegrationEvent")).Count);
    }

    /// <summary>Moves the clock past the stage's due date (days in the area calendar) and waits for its one alert.</summary>
    private async Task<Form> PastDueAsync(Form form, int days, int alerts, FormStage stage, StageHolder holder)
    {
        Assert.Equal((stage, Due(days, form)), (form.Stage, form.StageDueAt.ToDateTimeOffset()));
        // A last day on a weekend or holiday moves to the next working day: go a day past the due date itself.
        _clock.Advance(form.StageDueAt.ToDateTimeOffset().AddDays(1) - _clock.GetUtcNow());
        var alerted = await WaitForAsync(() => _coordinator.GetFormAsync(new GetFormRequest { FormId = form.FormId }).ResponseAsync, f => f.Alerts.Count == alerts);
        _clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        alerted = await _coordinator.GetFormAsync(new GetFormRequest { FormId = form.FormId });
        Assert.Equal(alerts, alerted.Alerts.Count);
        Assert.Equal((stage, holder), (alerted.Alerts[^1].Stage, alerted.Alerts[^1].Holder));
        Assert.True(alerted.Overdue);
        return alerted;
    }

    [Fact]
    public async Task AFormLinksOnlyToAVarianceOnAPlanTheCaseManagersAgencyLeads()
    {
        var form = Form();
        form.LinkedVarianceId = Guid.NewGuid().ToString();

        var refused = await Assert.ThrowsAsync<RpcException>(() => _caseManager.CreateFormAsync(new CreateFormRequest { Form = form }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("form.linked_variance_id", Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Empty((await _caseManager.ListFormsAsync(new ListFormsRequest { IncludeClosed = true })).Forms);
    }

    [Fact]
    public async Task TheLineManager_ReturnsAFormWithAComment_AndTheCoordinatorCanResolveIt()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with a peer case manager"));
        var returned = await _lineManager.ReturnFormAsync(Step(attested, "Add what the housing team said"));
        var edited = Form();
        edited.CurrentSituation = "Housing team confirmed no supported places until spring.";
        var updated = await _caseManager.UpdateFormAsync(new UpdateFormRequest { FormId = draft.FormId, ExpectedVersion = returned.Version, Form = edited });
        var again = await _caseManager.AttestAsync(Step(updated, "Discussed again"));
        var endorsed = await _lineManager.EndorseAsync(Step(again, "Warrants attention"));
        var resolved = await _coordinator.ResolveByCoordinatorAsync(Step(endorsed, "Agreed a fast-track route with the housing options team"));

        Assert.Equal((FormStage.Draft, "Add what the housing team said"), (returned.Stage, returned.Transitions[^1].Comment));
        Assert.Equal(edited.CurrentSituation, updated.CurrentSituation);
        Assert.Equal((FormStage.Closed, ResolutionLevel.Coordinator), (resolved.Stage, resolved.ResolvedAt));
        Assert.Null(resolved.StageDueAt);
    }

    [Fact]
    public async Task Meetings_BuildTheirAgendaFromRaisedForms_MinuteEachItem_FlagASecondDeferral_AndPacksHoldNoPersonalData()
    {
        var deferred = await RaisedToSubGroupAsync();
        var referred = await RaisedToSubGroupAsync();
        var first = await _coordinator.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(0) });

        var agenda = await _subGroup.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = first.MeetingId });
        var notTheirs = await Assert.ThrowsAsync<RpcException>(() => _subGroup.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = first.MeetingId, ExpectedVersion = first.Version,
            Decisions = { new MinuteInput { FormId = deferred.FormId, Decision = ItemDecision.Deferred, Text = "x" } },
        }).ResponseAsync);
        var minuted = await _coordinator.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = first.MeetingId, ExpectedVersion = first.Version,
            Decisions =
            {
                new MinuteInput { FormId = deferred.FormId, Decision = ItemDecision.Deferred, Text = "Awaiting the housing budget" },
                new MinuteInput { FormId = referred.FormId, Decision = ItemDecision.ReferredUp, Text = "A national funding issue" },
            },
        });
        var second = await _coordinator.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(42) });
        var secondAgenda = await _subGroup.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = second.MeetingId });
        _clock.Advance(TimeSpan.FromDays(42));
        var secondMinutes = await _coordinator.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = second.MeetingId, ExpectedVersion = second.Version,
            Decisions = { new MinuteInput { FormId = deferred.FormId, Decision = ItemDecision.Deferred, Text = "Budget still not set" } },
        });
        var ndric = await _national.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.Ndric, HeldOn = Day(20) });
        var ndricAgenda = await _national.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = ndric.MeetingId });
        _clock.Advance(TimeSpan.FromDays(20));
        var ndricMinutes = await _national.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = ndric.MeetingId, ExpectedVersion = ndric.Version,
            Decisions = { new MinuteInput { FormId = referred.FormId, Decision = ItemDecision.Resolved, Text = "Fund supported places in the next round" } },
        });
        var referredNow = await _coordinator.GetFormAsync(new GetFormRequest { FormId = referred.FormId });

        Assert.Equal([deferred.FormId, referred.FormId], agenda.Items.Select(i => i.FormId));
        Assert.Equal(StatusCode.PermissionDenied, notTheirs.StatusCode);
        Assert.Equal([ItemDecision.Deferred, ItemDecision.ReferredUp], minuted.Items.Select(i => i.Decision));
        Assert.False(minuted.Meeting.Minutes[0].DeferredTwice);
        Assert.Equal([deferred.FormId], secondAgenda.Items.Select(i => i.FormId));
        Assert.Equal(1, secondAgenda.Items[0].PreviousDeferrals);
        Assert.True(secondMinutes.Meeting.Minutes[0].DeferredTwice);
        Assert.True(secondMinutes.Items[0].DeferredTwice);
        Assert.Equal([referred.FormId], ndricAgenda.Items.Select(i => i.FormId));
        Assert.Equal(FormStage.ReportingBack, referredNow.Stage);
        Assert.Equal("Fund supported places in the next round", referredNow.NdricActions);
        Assert.Equal(ItemDecision.Resolved, ndricMinutes.Items.Single().Decision);

        // The packs carry the issue only: nothing about the case manager, nor who took each step.
        foreach (var pack in new[] { agenda, minuted, secondAgenda, secondMinutes, ndricAgenda, ndricMinutes })
        {
            var json = Google.Protobuf.JsonFormatter.Default.Format(pack);
            foreach (var personal in new[] { "A. Case Manager", "case.manager@example.org", "01389 000000", "cm-1", "lm-1", "Johnstone", "Catherine" })
            {
                Assert.DoesNotContain(personal, json, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task FormsAreListedAPageAtATime_EachRoleSeeingOnlyItsOwn_InOneQuery()
    {
        var drafts = new List<Form>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            drafts.Add(await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() }));
        }

        var endorsed = await _lineManager.EndorseAsync(Step(await _caseManager.AttestAsync(Step(drafts[0], "Discussed with the staff team")), "Warrants attention"));

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await _caseManager.ListFormsAsync(new ListFormsRequest { PageSize = 2, PageToken = token });
            Assert.Equal(3, page.TotalSize);
            seen.AddRange(page.Forms.Select(f => f.FormId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(drafts.Select(d => d.FormId).Reverse(), seen);

        // The co-ordinator sees only what was sent on; the sub-group nothing yet; another agency's case manager nothing.
        var coordinator = await _coordinator.ListFormsAsync(new ListFormsRequest { AreaId = _areaId });
        Assert.Equal([endorsed.FormId], coordinator.Forms.Select(f => f.FormId));
        Assert.Equal(0, (await _subGroup.ListFormsAsync(new ListFormsRequest { AreaId = _areaId })).TotalSize);
        Assert.Equal(0, (await _otherCaseManager.ListFormsAsync(new ListFormsRequest { IncludeClosed = true })).TotalSize);

        var first = await _caseManager.ListFormsAsync(new ListFormsRequest { PageSize = 1 });
        var carried = await Assert.ThrowsAsync<RpcException>(() => _caseManager.ListFormsAsync(new ListFormsRequest { IncludeClosed = true, PageToken = first.NextPageToken }).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, true), (carried.StatusCode, carried.Status.Detail.Contains("page_token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task APlanningReport_CountsInTheDatabaseByEveryDimension_WithTheMedianOverTheResolvedForms()
    {
        // Six housing forms resolved 1 to 6 days after submission (median 3.5), within the co-ordinator's
        // time; five literacy forms still with the co-ordinator 20 days on (overdue); and one draft that
        // was never sent on (not counted).
        var raisedOn = _clock.GetUtcNow();
        var submitted = new List<Form>();
        foreach (var (category, kind, count) in new[] { (FormCategory.Housing, FormKind.ResourceGap, 6), (FormCategory.Literacy, FormKind.ServiceGap, 5) })
        {
            for (var i = 0; i < count; i++)
            {
                var form = Form();
                form.Category = category;
                form.Kind = kind;
                var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = form });
                var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));
                var endorsed = await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
                if (category == FormCategory.Housing)
                {
                    submitted.Add(endorsed);
                }
            }
        }

        await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        var elapsed = 0;
        foreach (var (form, days) in submitted.Zip(new[] { 1, 2, 3, 4, 5, 6 }))
        {
            _clock.Advance(TimeSpan.FromDays(days - elapsed));
            elapsed = days;
            await _coordinator.ResolveByCoordinatorAsync(Step(await _coordinator.GetFormAsync(new GetFormRequest { FormId = form.FormId }), "Agreed a route with the service"));
        }

        _clock.Advance(TimeSpan.FromDays(14));
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        async Task<PlanningReport> By(ReportDimension dimension) => await _national.GetPlanningReportAsync(new GetPlanningReportRequest
        {
            Dimension = dimension, From = today.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        var byCategory = await By(ReportDimension.Category);
        Assert.Equal(["Housing", "Literacy"], byCategory.Rows.Select(r => r.Key));
        Assert.Equal((6, 3.5), (byCategory.Rows[0].Forms, byCategory.Rows[0].MedianDaysToResolution));
        Assert.Equal(5, byCategory.Rows[1].Forms);
        Assert.Equal(5, byCategory.Total.Overdue); // the literacy forms, 20 days with the co-ordinator
        Assert.False(byCategory.Rows[0].HasResolved); // 6 of 6 would give away literacy's 0
        Assert.Equal((11, 3.5), (byCategory.Total.Forms, byCategory.Total.MedianDaysToResolution));

        var byKind = await By(ReportDimension.Kind);
        Assert.Equal([("ResourceGap", 6), ("ServiceGap", 5)], byKind.Rows.Select(r => (r.Key, r.Forms)));
        var byStage = await By(ReportDimension.Stage);
        Assert.Equal([("Closed", 6), ("WithCoordinator", 5)], byStage.Rows.Select(r => (r.Key, r.Forms)));
        var byArea = await By(ReportDimension.Area);
        Assert.Equal([("West Dunbartonshire", 11)], byArea.Rows.Select(r => (r.Key, r.Forms)));
        var byAgencyType = await By(ReportDimension.AgencyType);
        Assert.Equal([("SpecialistAddictionService", 11)], byAgencyType.Rows.Select(r => (r.Key, r.Forms)));
        var byQuarter = await By(ReportDimension.Quarter);
        Assert.Equal([($"{raisedOn.Year}-Q{((raisedOn.Month - 1) / 3) + 1}", 11)], byQuarter.Rows.Select(r => (r.Key, r.Forms)));
    }

    [Fact]
    public async Task APlanningReport_CountsByCategory_AndSuppressesSmallCellsAndWhatTheyWouldGiveAway()
    {
        foreach (var (category, count) in new[] { (FormCategory.Housing, 6), (FormCategory.MentalHealth, 5), (FormCategory.Literacy, 2) })
        {
            for (var i = 0; i < count; i++)
            {
                var form = Form();
                form.Category = category;
                var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = form });
                var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));
                var endorsed = await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
                await _coordinator.ResolveByCoordinatorAsync(Step(endorsed, "Agreed a route with the service"));
            }
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var report = await _national.GetPlanningReportAsync(new GetPlanningReportRequest
        {
            Dimension = ReportDimension.Category, From = today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var byCaseManager = await Assert.ThrowsAsync<RpcException>(() => _caseManager.GetPlanningReportAsync(new GetPlanningReportRequest
        {
            Dimension = ReportDimension.Category, From = "2026-01-01", To = "2027-01-01",
        }).ResponseAsync);

        var housing = report.Rows.Single(r => r.Key == "Housing");
        var mentalHealth = report.Rows.Single(r => r.Key == "MentalHealth");
        var literacy = report.Rows.Single(r => r.Key == "Literacy");
        Assert.Equal((6, 6), (housing.Forms, housing.ResolvedByCoordinator));
        Assert.Equal(1.0, housing.ShareResolvedByCoordinator);
        Assert.False(literacy.HasForms);
        Assert.False(mentalHealth.HasForms); // 13 - 6 - 5 would give the literacy count away.
        Assert.Equal(13, report.Total.Forms);
        Assert.True(housing.HasMedianDaysToResolution);
        Assert.False(literacy.HasMedianDaysToResolution);
        Assert.True(report.SuppressedCells > 0);
        Assert.Contains("Literacy,suppressed", report.Csv, StringComparison.Ordinal);
        Assert.StartsWith("category,forms,resolved", report.Csv, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, byCaseManager.StatusCode);
    }

    [Fact]
    public async Task MoreDetailWorktrays_ShowTheDraftingCaseManagerWhatIsAskedOfThem_AndTheCoordinatorWhatTheyAsked_AndNobodyElseAnything()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));
        await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
        var asked = await _coordinator.AskForMoreDetailAsync(new AskForMoreDetailRequest { FormId = draft.FormId, Question = "Which detox unit is discharging, and when?" });
        var addiction = _addictionId;
        Actor Staff(string id, string? agency, params string[] roles) => new(id, ActorKind.Staff, agency, roles.ToHashSet());
        var author = Staff("cm-1", addiction, Roles.CaseManager);
        var coordinator = Staff("coordinator-1", null, Roles.RehabilitationCoordinator);

        var ofAuthor = await AsAsync(author, new ListDetailRequestsQuery(AskedByMe: false, IncludeAnswered: false));
        var byCoordinator = await AsAsync(coordinator, new ListDetailRequestsQuery(AskedByMe: true, IncludeAnswered: false));
        Assert.Equal((asked.DetailId, draft.FormId, false), (Assert.Single(ofAuthor.Items).DetailId, ofAuthor.Items[0].FormId, ofAuthor.Items[0].Answered));
        Assert.Equal(asked.DetailId, Assert.Single(byCoordinator.Items).DetailId);

        // Another case manager of the same agency, one of another agency, the same subject acting for another
        // agency, and another co-ordinator: nothing.
        Assert.Empty((await AsAsync(Staff("cm-3", addiction, Roles.CaseManager), new ListDetailRequestsQuery(false, true))).Items);
        Assert.Empty((await AsAsync(Staff("cm-2", _housingId, Roles.CaseManager), new ListDetailRequestsQuery(false, true))).Items);
        Assert.Empty((await AsAsync(Staff("cm-1", _housingId, Roles.CaseManager), new ListDetailRequestsQuery(false, true))).Items);
        Assert.Empty((await AsAsync(Staff("coordinator-2", null, Roles.RehabilitationCoordinator), new ListDetailRequestsQuery(true, true))).Items);

        // A case manager does not ask, a co-ordinator is not asked, a line manager has no such tray.
        await Assert.ThrowsAsync<IntegratedCare.BuildingBlocks.Application.Errors.ForbiddenException>(() => AsAsync(author, new ListDetailRequestsQuery(true, false)));
        await Assert.ThrowsAsync<IntegratedCare.BuildingBlocks.Application.Errors.ForbiddenException>(() => AsAsync(coordinator, new ListDetailRequestsQuery(false, false)));
        await Assert.ThrowsAnyAsync<Exception>(() => AsAsync(Staff("lm-1", addiction, Roles.LineManager), new ListDetailRequestsQuery(false, false)));

        // Once given, it leaves the open trays, and shows as answered when asked for.
        var consent = await _consents.RecordConsentAsync(new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = _person, Method = IntegratedCare.Protocols.V1.ConsentMethod.Written,
            Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = IntegratedCare.Protocols.V1.ProvisionType.Permit, DataCategories = { "identity" }, AgencyIds = { _housingId } } },
        });
        await _caseManager.GiveMoreDetailAsync(new GiveMoreDetailRequest
        {
            FormId = draft.FormId, DetailId = asked.DetailId, ServiceUserId = _person, ConsentId = consent.ConsentId, Detail = "Discharged from the Leven unit on 5 December.",
        });
        Assert.Empty((await AsAsync(author, new ListDetailRequestsQuery(false, false))).Items);
        Assert.Empty((await AsAsync(coordinator, new ListDetailRequestsQuery(true, false))).Items);
        Assert.True(Assert.Single((await AsAsync(coordinator, new ListDetailRequestsQuery(true, true))).Items).Answered);
    }

    private async Task<T> AsAsync<T>(Actor actor, MediatR.IRequest<T> request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    [Fact]
    public async Task MoreDetail_NeedsThePersonsConsent_AndIsSeenByTheCoordinatorAlone()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));
        var endorsed = await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
        var asked = await _coordinator.AskForMoreDetailAsync(new AskForMoreDetailRequest { FormId = draft.FormId, Question = "Which detox unit is discharging, and when?" });

        var give = new GiveMoreDetailRequest
        {
            FormId = draft.FormId, DetailId = asked.DetailId, ServiceUserId = _person, ConsentId = Guid.NewGuid().ToString(),
            Detail = "Catherine Johnstone, discharged from the Leven unit on 5 December.",
        };
        var withoutConsent = await Assert.ThrowsAsync<RpcException>(() => _caseManager.GiveMoreDetailAsync(give).ResponseAsync);
        var consent = await _consents.RecordConsentAsync(new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = _person, Method = IntegratedCare.Protocols.V1.ConsentMethod.Written,
            Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = IntegratedCare.Protocols.V1.ProvisionType.Permit, DataCategories = { "identity" }, AgencyIds = { _housingId } } },
        });
        give.ConsentId = consent.ConsentId;
        var given = await _caseManager.GiveMoreDetailAsync(give);
        var seenByCoordinator = await _coordinator.ListMoreDetailAsync(new ListMoreDetailRequest { FormId = draft.FormId });
        var bySubGroup = await Assert.ThrowsAsync<RpcException>(() => _subGroup.ListMoreDetailAsync(new ListMoreDetailRequest { FormId = draft.FormId }).ResponseAsync);
        var raised = await _coordinator.RaiseToSubGroupAsync(Step(endorsed, "For the next meeting"));
        var meeting = await _coordinator.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(0) });
        var pack = await _subGroup.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = meeting.MeetingId });
        var form = await _subGroup.GetFormAsync(new GetFormRequest { FormId = raised.FormId });

        Assert.Equal(StatusCode.FailedPrecondition, withoutConsent.StatusCode);
        Assert.Equal((consent.ConsentId, _person), (given.ConsentId, given.ServiceUserId));
        Assert.Equal(give.Detail, Assert.Single(seenByCoordinator.Details).Detail);
        Assert.Equal((1, string.Empty), (seenByCoordinator.TotalSize, seenByCoordinator.NextPageToken));
        Assert.Equal(StatusCode.PermissionDenied, bySubGroup.StatusCode);
        foreach (var json in new[] { Google.Protobuf.JsonFormatter.Default.Format(pack), Google.Protobuf.JsonFormatter.Default.Format(form) })
        {
            Assert.DoesNotContain("Leven unit", json, StringComparison.Ordinal);
            Assert.DoesNotContain(_person, json, StringComparison.Ordinal);
        }

        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "GapsAndBlocks.ListMoreDetailQuery", ActorId: "coordinator-1" } && r.ServiceUserId == _person);
    }

    [Fact]
    public async Task TheLadder_ChecksTheActorWhole_SubjectAndAgency()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });

        // The drafter's subject, but a token naming another agency: not the drafter.
        var sameSubOtherAgency = Client("cm-1", _housingId, Roles.CaseManager);
        var attest = await Assert.ThrowsAsync<RpcException>(() => sameSubOtherAgency.AttestAsync(Step(draft, "Discussed with the team")).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => sameSubOtherAgency.GetFormAsync(new GetFormRequest { FormId = draft.FormId }).ResponseAsync);
        var stillDraft = await _caseManager.GetFormAsync(new GetFormRequest { FormId = draft.FormId });
        var listed = await sameSubOtherAgency.ListFormsAsync(new ListFormsRequest { IncludeClosed = true });

        // It may not even see the form: the form's existence is hidden from it.
        Assert.Equal(StatusCode.NotFound, attest.StatusCode);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        Assert.Equal((FormStage.Draft, draft.Version), (stillDraft.Stage, stillDraft.Version));
        Assert.Empty(listed.Forms);
    }

    /// <summary>
    /// Issue 18, defect 1: My work and the Gaps and blocks list name no area, and the co-ordinator's and the
    /// sub-group's lists were empty without one. With none named each covers every area the role works in,
    /// and still nothing beyond them.
    /// </summary>
    [Fact]
    public async Task WithNoAreaNamed_TheCoordinatorAndSubGroupSeeEveryAreaTheyWorkIn_AndNoOther()
    {
        var endorsed = await _lineManager.EndorseAsync(Step(await _caseManager.AttestAsync(Step(await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() }), "Discussed with the staff team")), "Warrants attention"));
        var raised = await RaisedToSubGroupAsync();
        var scenario = new AgencyScenario(_host);
        var elsewhere = await scenario.Admin.CreateAreaAsync(new IntegratedCare.Protocols.V1.CreateAreaRequest
        {
            Name = "East Dunbartonshire", Kind = IntegratedCare.Protocols.V1.AreaKind.CouncilArea, TimeZone = "Europe/London", Jurisdiction = IntegratedCare.Protocols.V1.Jurisdiction.Scotland,
            RehabilitationCoordinator = new IntegratedCare.Protocols.V1.RehabilitationCoordinator { StaffId = "coordinator-2", Name = "Other Co-ordinator", Email = "other@example.org" },
        });
        var farAgency = await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(elsewhere.AreaId, "Kirkintilloch Housing", IntegratedCare.Protocols.V1.AgencyType.HousingAndHomelessness));
        var otherCoordinator = Client("coordinator-2", null, Roles.RehabilitationCoordinator);
        var outsider = Client("sg-9", farAgency.AgencyId, Roles.SubgroupMember);

        var coordinator = await _coordinator.ListFormsAsync(new ListFormsRequest());
        var coordinatorAll = await _coordinator.ListFormsAsync(new ListFormsRequest { IncludeClosed = true });
        var subGroup = await _subGroup.ListFormsAsync(new ListFormsRequest());

        Assert.Equal(new[] { endorsed.FormId, raised.FormId }.Order(), coordinator.Forms.Select(f => f.FormId).Order());
        Assert.Equal(2, coordinatorAll.TotalSize);
        Assert.Equal([raised.FormId], subGroup.Forms.Select(f => f.FormId));
        Assert.Empty((await otherCoordinator.ListFormsAsync(new ListFormsRequest { IncludeClosed = true })).Forms);
        Assert.Empty((await outsider.ListFormsAsync(new ListFormsRequest { IncludeClosed = true })).Forms);
    }

    [Fact]
    public async Task ASubGroupMember_ActsOnlyForTheAreasItsAgencyServes()
    {
        var raised = await RaisedToSubGroupAsync();
        var scenario = new AgencyScenario(_host);
        var elsewhere = await scenario.CreateAreaAsync("East Dunbartonshire");
        var farAgency = await scenario.Admin.RegisterAgencyAsync(AgencyScenario.NewAgency(elsewhere.AreaId, "Kirkintilloch Housing", IntegratedCare.Protocols.V1.AgencyType.HousingAndHomelessness));
        var outsider = Client("sg-9", farAgency.AgencyId, Roles.SubgroupMember);
        var meeting = await _coordinator.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(0) });

        var resolve = await Assert.ThrowsAsync<RpcException>(() => outsider.ResolveBySubGroupAsync(Step(raised, "Resolved locally")).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => outsider.GetFormAsync(new GetFormRequest { FormId = raised.FormId }).ResponseAsync);
        var pack = await Assert.ThrowsAsync<RpcException>(() => outsider.GetMeetingPackAsync(new GetMeetingPackRequest { MeetingId = meeting.MeetingId }).ResponseAsync);
        var listed = await outsider.ListFormsAsync(new ListFormsRequest { AreaId = _areaId });
        var meetings = await outsider.ListMeetingsAsync(new ListMeetingsRequest { Kind = MeetingKind.SubGroup });
        var member = await _subGroup.ResolveBySubGroupAsync(Step(raised, "Resolved locally"));

        Assert.Equal(StatusCode.NotFound, resolve.StatusCode);
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        Assert.Equal(StatusCode.NotFound, pack.StatusCode);
        Assert.Empty(listed.Forms);
        Assert.Empty(meetings.Meetings);
        Assert.Equal(FormStage.Closed, member.Stage);
    }

    [Fact]
    public async Task ATokenForAnAgencyNobodyRegistered_CannotCreateAForm_AndTheCoordinatorSeesNone()
    {
        var ghost = Client("cm-ghost", Guid.NewGuid().ToString(), Roles.CaseManager);
        var form = Form();

        var refused = await Assert.ThrowsAsync<RpcException>(() => ghost.CreateFormAsync(new CreateFormRequest { Form = form }).ResponseAsync);
        var listed = await _coordinator.ListFormsAsync(new ListFormsRequest { AreaId = _areaId, IncludeClosed = true });

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Empty(listed.Forms);
        Assert.Equal(0, await _host.RowsAsync("gapsblocks_forms"));
    }

    [Fact]
    public async Task Meetings_KeepToTheCalendar_NoMinutesBeforeTheDay_NoPastMeetingUnlessHeldAlready()
    {
        var raised = await RaisedToSubGroupAsync();
        var nextWeek = await _coordinator.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(7) });

        var early = await Assert.ThrowsAsync<RpcException>(() => _coordinator.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = nextWeek.MeetingId, ExpectedVersion = nextWeek.Version,
            Decisions = { new MinuteInput { FormId = raised.FormId, Decision = ItemDecision.Resolved, Text = "Resolved" } },
        }).ResponseAsync);
        var past = await Assert.ThrowsAsync<RpcException>(() => _coordinator.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(-1000) }).ResponseAsync);
        var lastWeek = await Assert.ThrowsAsync<RpcException>(() => _coordinator.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(-7) }).ResponseAsync);
        var futureHeld = await Assert.ThrowsAsync<RpcException>(() => _coordinator.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(3), HeldAlready = true }).ResponseAsync);
        var recorded = await _coordinator.ScheduleMeetingAsync(new ScheduleMeetingRequest { Kind = MeetingKind.SubGroup, AreaId = _areaId, HeldOn = Day(-7), HeldAlready = true });
        var minuted = await _coordinator.RecordMinutesAsync(new RecordMinutesRequest
        {
            MeetingId = recorded.MeetingId, ExpectedVersion = recorded.Version,
            Decisions = { new MinuteInput { FormId = raised.FormId, Decision = ItemDecision.Resolved, Text = "Resolved at last week's meeting" } },
        });

        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("on or after", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, past.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, lastWeek.StatusCode);
        Assert.Contains("held_already", lastWeek.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, futureHeld.StatusCode);
        Assert.True(minuted.Meeting.Minuted);
        Assert.Equal(2, await _host.RowsAsync("gapsblocks_meetings"));
    }

    [Fact]
    public async Task MoreDetail_NeedsAPermitInForce_AndIsWithheldAgainOnceConsentIsWithdrawn()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));
        await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
        var asked = await _coordinator.AskForMoreDetailAsync(new AskForMoreDetailRequest { FormId = draft.FormId, Question = "Which detox unit is discharging?" });
        var denyOnly = await _consents.RecordConsentAsync(new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = _person, Method = IntegratedCare.Protocols.V1.ConsentMethod.Verbal,
            Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = IntegratedCare.Protocols.V1.ProvisionType.Deny, DataCategories = { "identity" }, AgencyIds = { _housingId } } },
        });
        var give = new GiveMoreDetailRequest { FormId = draft.FormId, DetailId = asked.DetailId, ServiceUserId = _person, ConsentId = denyOnly.ConsentId, Detail = "Discharged from the Leven unit." };

        var underADeny = await Assert.ThrowsAsync<RpcException>(() => _caseManager.GiveMoreDetailAsync(give).ResponseAsync);
        var permit = await _consents.RecordConsentAsync(new IntegratedCare.Protocols.V1.RecordConsentRequest
        {
            ServiceUserId = _person, Method = IntegratedCare.Protocols.V1.ConsentMethod.Written,
            Provisions = { new IntegratedCare.Protocols.V1.ConsentProvision { Type = IntegratedCare.Protocols.V1.ProvisionType.Permit, DataCategories = { "identity" }, AgencyIds = { _housingId } } },
        });
        give.ConsentId = permit.ConsentId;
        await _caseManager.GiveMoreDetailAsync(give);
        var before = Assert.Single((await _coordinator.ListMoreDetailAsync(new ListMoreDetailRequest { FormId = draft.FormId })).Details);
        await _consents.WithdrawConsentAsync(new IntegratedCare.Protocols.V1.WithdrawConsentRequest { ConsentId = permit.ConsentId, ExpectedVersion = permit.Version, Reason = "The person asked" });
        var after = Assert.Single((await _coordinator.ListMoreDetailAsync(new ListMoreDetailRequest { FormId = draft.FormId })).Details);

        Assert.Equal(StatusCode.FailedPrecondition, underADeny.StatusCode);
        Assert.Equal(("Discharged from the Leven unit.", _person), (before.Detail, before.ServiceUserId));
        Assert.Equal((string.Empty, string.Empty, "Which detox unit is discharging?"), (after.Detail, after.ServiceUserId, after.Question));
    }

    private GapsBlocksService.GapsBlocksServiceClient Client(string subject, string? agency, string role) => new(_host.Invoker(_host.Token(subject, ActorKind.Staff, agency, role)));

    private async Task<Form> RaisedToSubGroupAsync()
    {
        var draft = await _caseManager.CreateFormAsync(new CreateFormRequest { Form = Form() });
        var attested = await _caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));
        var endorsed = await _lineManager.EndorseAsync(Step(attested, "Warrants attention"));
        return await _coordinator.RaiseToSubGroupAsync(Step(endorsed, "For the next meeting"));
    }

    private static DateTimeOffset Due(int days, Form form) => LadderPeriods.DueAfter(days, form.StageEnteredAt.ToDateTimeOffset(), Calendar);

    private static LadderStepRequest Step(Form form, string text) => new() { FormId = form.FormId, ExpectedVersion = form.Version, Text = text };

    private FormFields Form() => NewForm(_areaId, _housingId, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));

    /// <summary>A complete, anonymous form for the area naming housing as involved, dated <paramref name="today"/>.</summary>
    internal static FormFields NewForm(string areaId, string housingId, DateOnly today) => new()
    {
        AreaId = areaId,
        ProjectName = "Clydebank Addiction Service",
        FormDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        CaseManager = new CaseManagerContact { Name = "A. Case Manager", Email = "case.manager@example.org", Phone = "01389 000000" },
        Overview = "A person leaving residential detox has no supported accommodation to go to.\nThe housing service has no supported places in the area.\nThe person is at risk of relapse on discharge.",
        Actions =
        {
            new ActionStep { Who = "Case manager", What = "Referred to the housing options team", Outcome = "No supported places", Date = "2026-11-02" },
            new ActionStep { Who = "Housing options team", What = "Searched neighbouring areas", Outcome = "Waiting list of four months", Date = "2026-11-09" },
        },
        CurrentSituation = "Discharge planned in two weeks with no accommodation.",
        Recommendations = "Commission supported accommodation places for people leaving detox.",
        Category = FormCategory.Housing,
        Kind = FormKind.ResourceGap,
        AgenciesInvolved = { housingId },
    };

    private async Task<List<OutboxMessage>> OutboxAsync(string type)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(type)).ToListAsync();
    }
}
