using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.Identity.Application.StaffAccounts.CreateStaffAccount;
using IntegratedCare.Notifications.Application.Delivery.NotifyStaff;
using IntegratedCare.Notifications.Application.Inbox;
using IntegratedCare.Notifications.Application.Inbox.ListMyNotifications;
using IntegratedCare.Notifications.Application.Inbox.MarkAllNotificationsRead;
using IntegratedCare.Notifications.Application.Inbox.MarkNotificationRead;
using IntegratedCare.Notifications.Application.Settings.ChangeMyNotificationSettings;
using IntegratedCare.Notifications.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Settings;
using IntegratedCare.Protocols.V1;
using ResponseTimeUnit = IntegratedCare.Protocols.V1.ResponseTimeUnit;
using IntegratedCare.Tests.Shared;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static IntegratedCare.IntegrationTests.AssessmentScenario;
using static IntegratedCare.IntegrationTests.Eventually;
using NeedDomain = IntegratedCare.Assessment.V1.NeedDomain;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// Each staff member's notifications: new work for their agency, "due in two days", overdue, a consent
/// withdrawn on their caseload, each once, to the right people only, naming no one; and the emails of
/// them, through MailKit to a real SMTP server on loopback, carrying a reference and a link and nothing else.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private const string Password = "Correct-horse-battery-42";
    private readonly DataFolder _folder = new();
    // Starts now: the tokens the host mints on this clock are checked on the real one.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LoopbackSmtpServer _smtp = new();
    private TestHost _host = null!;
    private AssessmentScenario _scenario = null!;
    private CarePlanService.CarePlanServiceClient _caseManager = null!;
    private Actor _hana = null!;
    private Actor _harry = null!;
    private Actor _nat = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(_smtp.HostSettings) { ["Notifications:DigestHour"] = "0" };
        _host = new TestHost(_folder, settings, s => s.AddSingleton<TimeProvider>(_clock));
        _scenario = new AssessmentScenario(_host);
        await _scenario.InitializeAsync();
        _caseManager = new(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        _hana = await StaffAsync("hana", _scenario.Housing.AgencyId, Roles.CaseManager);
        _harry = await StaffAsync("harry", _scenario.Housing.AgencyId, Roles.LineManager);
        _nat = await StaffAsync("nat", _scenario.Nhs.AgencyId, Roles.CaseManager);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task NewWork_ReachesEachOfTheAgencysStaff_Once_NamingNoOne_AndNoOneElse()
    {
        var (_, plan) = await PlanWithAHousingActionAsync(dueInDays: 10);

        var hana = await InboxAsync(_hana, 1);
        var harry = await InboxAsync(_harry, 1);
        var notice = Assert.Single(hana.Items);
        Assert.Equal((NotificationKind.NewAction, "/work/actions", false), (notice.Kind, notice.Link, notice.Read));
        Assert.Equal($"New action for your agency on a care plan, due by {Day(10)}.", notice.Text);
        Assert.DoesNotContain("Catherine", notice.Text, StringComparison.Ordinal);
        Assert.Equal(1, hana.Unread);
        Assert.Equal(NotificationKind.NewAction, Assert.Single(harry.Items).Kind);

        // The NHS's staff, the lead agency's case manager and an agency's system hear nothing of it.
        Assert.Empty((await AsAsync(_nat, new ListMyNotificationsQuery(false))).Items);
        Assert.Empty((await AsAsync(Staff("case-manager-1", _scenario.Addiction.AgencyId, Roles.CaseManager), new ListMyNotificationsQuery(false))).Items);
        var system = new Actor("housing-system", ActorKind.AgencySystem, _scenario.Housing.AgencyId, new HashSet<string> { Roles.AgencySystem });
        Assert.Equal(0, await AsAsync(system, new UnreadNotificationCountQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(system, new ListMyNotificationsQuery(false)));

        // Redelivered, the event adds nothing.
        var redelivered = await AsAsync(Actor.System("outbox"), new NotifyStaffCommand(
            await SourceKeyAsync(notice.NotificationId), NotificationKind.NewAction, [_hana.Id, _harry.Id], "again", "/work/actions"));
        Assert.Equal(0, redelivered);
        Assert.Single((await AsAsync(_hana, new ListMyNotificationsQuery(false))).Items);

        // Another agency's worker cannot read or mark it: it is not found, as if it did not exist.
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(_nat, new MarkNotificationReadCommand(notice.NotificationId, true)));

        // Opening marks it read; it can be marked unread again; "mark all" clears the rest.
        var opened = await AsAsync(_hana, new MarkNotificationReadCommand(notice.NotificationId, true));
        Assert.True(opened.Read);
        Assert.Equal(0, await AsAsync(_hana, new UnreadNotificationCountQuery()));
        Assert.Empty((await AsAsync(_hana, new ListMyNotificationsQuery(true))).Items);
        await AsAsync(_hana, new MarkNotificationReadCommand(notice.NotificationId, false));
        Assert.Equal(1, await AsAsync(_hana, new UnreadNotificationCountQuery()));
        Assert.Equal(1, await AsAsync(_hana, new MarkAllNotificationsReadCommand()));
        Assert.Equal(0, await AsAsync(_hana, new UnreadNotificationCountQuery()));
        Assert.NotNull(plan);
    }

    [Fact]
    public async Task AnAction_IsRemindedTwoDaysBefore_ThenOverdue_ToTheAgencyAndTheLead()
    {
        var (_, plan) = await PlanWithAHousingActionAsync(dueInDays: 3);
        var day3 = Day(3);
        await InboxAsync(_hana, 1);

        // Two days before: the reminder sweep (once a simulated day) finds it still waiting.
        _clock.Advance(TimeSpan.FromDays(1));
        var reminded = await InboxAsync(_hana, 2);
        Assert.Equal($"An action for your agency is due by {day3}.", reminded.Items.Single(n => n.Kind == NotificationKind.DueSoon).Text);

        // Past its last day: the deadline sweep notes it, and the agency and the plan's lead are told.
        _clock.Advance(TimeSpan.FromDays(3));
        var overdue = await InboxAsync(_hana, 3);
        Assert.Equal($"An action for your agency is past its last day ({day3}).", overdue.Items.Single(n => n.Kind == NotificationKind.Overdue).Text);
        var lead = await WaitForAsync(
            () => AsAsync(Staff("case-manager-1", _scenario.Addiction.AgencyId, Roles.CaseManager), new ListMyNotificationsQuery(false)), p => p.Items.Count >= 1);
        var toLead = Assert.Single(lead.Items);
        Assert.Equal(($"An action on a care plan you lead is past its last day ({day3}).", $"/careplans/{plan.CarePlanId}"), (toLead.Text, toLead.Link));

        // Each once, however often the sweeps run again.
        _clock.Advance(TimeSpan.FromDays(1));
        _clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(1000);
        Assert.Equal(3, (await AsAsync(_hana, new ListMyNotificationsQuery(false))).Items.Count);
    }

    [Fact]
    public async Task AnActionDoneBeforeItsReminder_IsNotReminded()
    {
        var (_, plan) = await PlanWithAHousingActionAsync(dueInDays: 4);
        await InboxAsync(_hana, 1);
        var housing = new CarePlanService.CarePlanServiceClient(_host.Invoker(_host.Token("housing-system", ActorKind.AgencySystem, _scenario.Housing.AgencyId, Roles.AgencySystem)));
        var action = plan.Actions.Single();
        var accepted = await housing.AcceptActionAsync(new AcceptActionRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, ActionId = action.ActionId, AssignedWorker = "Hana" });
        await housing.ReportProgressAsync(new ReportProgressRequest { CarePlanId = plan.CarePlanId, ExpectedVersion = accepted.Version, ActionId = action.ActionId, Status = ActionStatus.Completed, Note = "Done" });

        _clock.Advance(TimeSpan.FromDays(1));
        _clock.Advance(TimeSpan.FromDays(1));
        _clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(1500);
        Assert.Equal([NotificationKind.NewAction], (await AsAsync(_hana, new ListMyNotificationsQuery(false))).Items.Select(n => n.Kind));
    }

    [Fact]
    public async Task AConsentWithdrawn_TellsTheLeadCaseManager_OfThePersonsPlan()
    {
        var (person, plan) = await PlanWithAHousingActionAsync(dueInDays: 10);
        var consents = new ConsentService.ConsentServiceClient(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        var consent = (await consents.ListConsentsAsync(new ListConsentsRequest { ServiceUserId = person })).Consents.First();
        await consents.WithdrawConsentAsync(new WithdrawConsentRequest { ConsentId = consent.ConsentId, ExpectedVersion = consent.Version, Reason = "Changed their mind" });

        var lead = await WaitForAsync(
            () => AsAsync(Staff("case-manager-1", _scenario.Addiction.AgencyId, Roles.CaseManager), new ListMyNotificationsQuery(false)), p => p.Items.Count >= 1);
        var notice = Assert.Single(lead.Items);
        Assert.Equal((NotificationKind.ConsentChanged, "A person on your caseload withdrew a consent to share information.", $"/people/{person}"), (notice.Kind, notice.Text, notice.Link));
        Assert.NotNull(plan);
    }

    [Fact]
    public async Task AReferral_IsNewWorkForTheAgencyItIsMadeTo()
    {
        var protocol = await new AgencyScenario(_host).ActiveHousingProtocolAsync(3, ResponseTimeUnit.WorkingDays, "2030-11-01");
        var person = await new AgencyScenario(_host).RegisterPersonAsync(_scenario.Addiction.AgencyId);
        var referrals = new ReferralService.ReferralServiceClient(_host.Invoker(_host.Token("case-manager-1", ActorKind.Staff, _scenario.Addiction.AgencyId, Roles.CaseManager)));
        var made = await referrals.MakeReferralAsync(new MakeReferralRequest
        {
            ProtocolId = protocol.ProtocolId, ServiceUserId = person, ToAgencyId = _scenario.Housing.AgencyId, Reason = "Homeless on discharge; needs temporary accommodation.",
        });

        var notice = Assert.Single((await InboxAsync(_hana, 1)).Items);
        var lastDay = IntegratedCare.BuildingBlocks.Infrastructure.Calendar.ShippedHolidays.For(IntegratedCare.BuildingBlocks.Domain.Calendar.Jurisdiction.Scotland)
            .LastDayOf(made.DueAt.ToDateTimeOffset()).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((NotificationKind.NewReferral, $"New referral to your agency, to answer by {lastDay}.", "/work/referrals"), (notice.Kind, notice.Text, notice.Link));
        Assert.Single((await InboxAsync(_harry, 1)).Items);
        Assert.Empty((await AsAsync(_nat, new ListMyNotificationsQuery(false))).Items);
    }

    [Fact]
    public async Task EachLadderStep_IsWaitingForItsHolder_AndAReturnedFormForItsAuthor()
    {
        var lena = await StaffAsync("lena", _scenario.Addiction.AgencyId, Roles.LineManager);
        var author = await StaffAsync("casey", _scenario.Addiction.AgencyId, Roles.CaseManager);
        var sam = await StaffAsync("sam", _scenario.Housing.AgencyId, Roles.SubgroupMember);
        GapsBlocks.V1.GapsBlocksService.GapsBlocksServiceClient Client(Actor actor) =>
            new(_host.Invoker(_host.Token(actor.Id, ActorKind.Staff, actor.AgencyId, [.. actor.Roles])));
        var caseManager = Client(author);
        var lineManager = Client(lena);
        var coordinator = new GapsBlocks.V1.GapsBlocksService.GapsBlocksServiceClient(_host.Invoker(_host.Token("coordinator-1", ActorKind.Staff, null, Roles.RehabilitationCoordinator)));
        GapsBlocks.V1.LadderStepRequest Step(GapsBlocks.V1.Form form, string text) => new() { FormId = form.FormId, ExpectedVersion = form.Version, Text = text };

        var draft = await caseManager.CreateFormAsync(new GapsBlocks.V1.CreateFormRequest
        {
            Form = GapsAndBlocksTests.NewForm(_scenario.AreaId, _scenario.Housing.AgencyId, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)),
        });
        var attested = await caseManager.AttestAsync(Step(draft, "Discussed with the staff team"));

        // Attested: the agency's line manager has a step to take, by the rung's last day; no one else is told.
        var toLena = Assert.Single((await InboxAsync(lena, 1)).Items);
        Assert.Equal(NotificationKind.LadderStep, toLena.Kind);
        Assert.StartsWith("A gaps and blocks form is waiting for your step: endorse or return it, by ", toLena.Text, StringComparison.Ordinal);
        Assert.Equal($"/gaps/{draft.FormId}", toLena.Link);
        Assert.Empty((await AsAsync(_hana, new ListMyNotificationsQuery(false))).Items);

        // Returned: back with the case manager who drafted it.
        var returned = await lineManager.ReturnFormAsync(Step(attested, "Say more about the discharge date"));
        Assert.Equal("A gaps and blocks form you drafted was returned to you by your line manager.", Assert.Single((await InboxAsync(author, 1)).Items).Text);

        // Up the ladder: the co-ordinator, then the sub-group (members of agencies serving the area, and the co-ordinator).
        var again = await caseManager.AttestAsync(Step(returned, "Discussed again"));
        var endorsed = await lineManager.EndorseAsync(Step(again, "Warrants attention"));
        var coordinatorActor = Staff("coordinator-1", null, Roles.RehabilitationCoordinator);
        Assert.Contains("the co-ordinator's feedback", Assert.Single((await InboxAsync(coordinatorActor, 1)).Items).Text, StringComparison.Ordinal);
        await coordinator.RaiseToSubGroupAsync(Step(endorsed, "For the next meeting"));
        Assert.Contains("the sub-group's decision", Assert.Single((await InboxAsync(sam, 1)).Items).Text, StringComparison.Ordinal);
        Assert.Equal(2, (await InboxAsync(coordinatorActor, 2)).Items.Count);
        Assert.Equal(2, (await AsAsync(lena, new ListMyNotificationsQuery(false))).Items.Count);
    }

    [Fact]
    public async Task AnEmailForEachNotice_CarriesItsReferenceAndALink_AndNothingOfTheNotice()
    {
        await AsAsync(_hana, new ChangeMyNotificationSettingsCommand("hana@housing.test", EmailDelivery.EachNotification, 0));
        await PlanWithAHousingActionAsync(dueInDays: 10);
        var notice = Assert.Single((await InboxAsync(_hana, 1)).Items);

        var mail = await MailAsync("hana@housing.test");

        Assert.Equal($"IntegratedCare: a new notification (reference {notice.Reference})", mail.Subject);
        Assert.Equal("no-reply@care.test", mail.From.Mailboxes.Single().Address);
        var body = mail.TextBody;
        Assert.Contains($"Reference: {notice.Reference}", body, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5081/notifications/{notice.NotificationId}", body, StringComparison.Ordinal);
        foreach (var leak in new[] { "Catherine", "Johnstone", "action", Day(10), "housing", _scenario.Housing.AgencyId })
        {
            Assert.DoesNotContain(leak, mail.Subject + body, StringComparison.OrdinalIgnoreCase);
        }

        // Harry asked for no email: none goes to him, and Hana's goes once.
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task ADailyDigest_ListsTheUnreadNotices_OnceADay()
    {
        await AsAsync(_harry, new ChangeMyNotificationSettingsCommand("harry@housing.test", EmailDelivery.DailyDigest, 0));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PlanWithAHousingActionAsync(dueInDays: 10);
        var notice = Assert.Single((await InboxAsync(_harry, 1)).Items);
        await Task.Delay(1000);
        Assert.Empty(_smtp.Received);

        // The next day, after the digest hour: one digest with the notice's reference and link.
        _clock.Advance(TimeSpan.FromDays(1));
        var digest = await MailAsync("harry@housing.test");
        Assert.Equal("IntegratedCare: your daily digest (1 unread)", digest.Subject);
        Assert.Contains($"Reference {notice.Reference}: http://localhost:5081/notifications/{notice.NotificationId}", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("action", digest.TextBody, StringComparison.OrdinalIgnoreCase);

        // Not again the same day.
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
        }

        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task EmailChoices_AreValidated_NamingTheField()
    {
        var noAddress = await Assert.ThrowsAsync<RequestValidationException>(() => AsAsync(_hana, new ChangeMyNotificationSettingsCommand("", EmailDelivery.DailyDigest, 0)));
        Assert.Contains(noAddress.Errors, e => e.Field == "email");
        var notAnAddress = await Assert.ThrowsAsync<RequestValidationException>(() => AsAsync(_hana, new ChangeMyNotificationSettingsCommand("hana at housing", EmailDelivery.EachNotification, 0)));
        Assert.Contains(notAnAddress.Errors, e => e.Field == "email");
        var unknown = await Assert.ThrowsAsync<RequestValidationException>(() => AsAsync(_hana, new ChangeMyNotificationSettingsCommand("hana@housing.test", (EmailDelivery)42, 0)));
        Assert.Contains(unknown.Errors, e => e.Field == "delivery");

        // A stale version is a conflict, not a silent overwrite.
        await AsAsync(_hana, new ChangeMyNotificationSettingsCommand("hana@housing.test", EmailDelivery.EachNotification, 0));
        await Assert.ThrowsAsync<BuildingBlocks.Domain.ConcurrencyConflictException>(() =>
            AsAsync(_hana, new ChangeMyNotificationSettingsCommand("other@housing.test", EmailDelivery.None, 0)));
    }

    /// <summary>A day so many days from the start of the test, as a notice writes it.</summary>
    private string Day(int days) =>
        DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<InboxPage> InboxAsync(Actor actor, int count) =>
        await WaitForAsync(() => AsAsync(actor, new ListMyNotificationsQuery(false)), p => p.Items.Count >= count);

    /// <summary>The mailer runs on the platform's clock: it is moved on a second at a time until the message arrives.</summary>
    private Task<MimeKit.MimeMessage> MailAsync(string to) =>
        _smtp.WaitForAsync(to, TimeSpan.FromSeconds(20), between: () => _clock.Advance(TimeSpan.FromSeconds(1)));

    private async Task<string> SourceKeyAsync(string notificationId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<INotificationRepository>();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        var unitOfWork = scope.ServiceProvider.GetRequiredService<BuildingBlocks.Application.Outbox.IUnitOfWork>();
        await unitOfWork.BeginReadAsync(default);
        var notice = await repository.FindAsync(new NotificationId(Guid.Parse(notificationId)), default);
        await unitOfWork.EndReadAsync();
        return notice!.SourceKey;
    }

    private async Task<Actor> StaffAsync(string user, string agencyId, string role)
    {
        var account = await AsAsync(Staff("admin", null, Roles.SystemAdmin), new CreateStaffAccountCommand(user, user, agencyId, [role], Password));
        return Staff(account.StaffAccountId, agencyId, role);
    }

    private static Actor Staff(string id, string? agencyId, string role) => new(id, ActorKind.Staff, agencyId, new HashSet<string> { role });

    private async Task<T> AsAsync<T>(Actor actor, IRequest<T> request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>An assessed person with a draft plan holding one housing action, due so many days on, under the person's consent.</summary>
    private async Task<(string Person, IntegratedCare.CarePlan.V1.CarePlan Plan)> PlanWithAHousingActionAsync(int dueInDays)
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() });
        var started = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        var contribute = new ContributeDomainsRequest { AssessmentId = started.AssessmentId, ExpectedVersion = started.Version };
        foreach (var domain in System.Enum.GetValues<NeedDomain>().Where(d => d != NeedDomain.Unspecified))
        {
            contribute.Domains.Add(Domain(domain, domain == NeedDomain.HousingAndAccommodation ? NeedLevel.High : NeedLevel.Low));
        }

        var contributed = await s.CaseManagerAssessments.ContributeDomainsAsync(contribute);
        await s.CaseManagerAssessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Morag Campbell" });
        var plans = await WaitForAsync(() => _caseManager.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync, r => r.CarePlans.Count > 0);
        var draft = Assert.Single(plans.CarePlans);
        await s.HousingConsentAsync(person.ServiceUserId);
        var plan = await _caseManager.AddActionAsync(new AddActionRequest
        {
            CarePlanId = draft.CarePlanId, ExpectedVersion = draft.Version, AgencyId = s.Housing.AgencyId, Tier = 1, What = "Housing options interview",
            DueDate = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(dueInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        return (person.ServiceUserId, plan);
    }
}
