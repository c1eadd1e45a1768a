using System.Collections.Concurrent;
using Google.Rpc;
using Grpc.Core;
using IntegratedCare.Assessment.Contracts;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntegratedCare.IntegrationTests.AssessmentScenario;

using static IntegratedCare.IntegrationTests.Eventually;

namespace IntegratedCare.IntegrationTests;

/// <summary>
/// The register and the Single Shared Assessment over real gRPC: an addiction service leads, an NHS
/// mental health team contributes under the person's consent, and a housing service without consent is
/// refused.
/// </summary>
public sealed class AssessmentTests : IAsyncLifetime
{
    private readonly DataFolder _folder = new();
    private readonly ConcurrentQueue<AssessmentCompletedIntegrationEvent> _completed = new();
    private TestHost _host = null!;
    private AssessmentScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = new TestHost(_folder, services: s =>
            s.AddScoped<INotificationHandler<AssessmentCompletedIntegrationEvent>>(_ => new RecordingHandler(_completed)));
        _scenario = new AssessmentScenario(_host);
        await _scenario.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnAssessment_FromRegistrationToCompletion_WithAnNhsContributionAndAHousingRefusal()
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person(identifiers: Chi("1503851230")) });
        var assessment = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        await s.NhsConsentAsync(person.ServiceUserId);

        // The NHS team, with consent, sees who the person is (not where they live) and contributes the health domains.
        var seenByNhs = await s.NhsPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person.ServiceUserId });
        var contributed = await s.NhsAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = assessment.AssessmentId,
            ExpectedVersion = assessment.Version,
            Domains = { Domain(NeedDomain.PhysicalHealth, NeedLevel.Moderate, "Hepatitis C, untreated"), Domain(NeedDomain.MentalHealth, NeedLevel.High, "Depression") },
        });

        // Housing, without consent, is refused both.
        var identityRefused = await Assert.ThrowsAsync<RpcException>(() => s.HousingPeople.GetServiceUserAsync(new GetServiceUserRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync);
        var contributionRefused = await Assert.ThrowsAsync<RpcException>(() => s.HousingAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = assessment.AssessmentId,
            ExpectedVersion = contributed.Version,
            Domains = { Domain(NeedDomain.HousingAndAccommodation, NeedLevel.High) },
        }).ResponseAsync);

        // The lead records the rest and a risk, and its named assessor completes it.
        var rest = await s.CaseManagerAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = assessment.AssessmentId,
            ExpectedVersion = contributed.Version,
            Domains =
            {
                Domain(NeedDomain.DrugUse, NeedLevel.High), Domain(NeedDomain.AlcoholUse, NeedLevel.Low),
                Domain(NeedDomain.HousingAndAccommodation, NeedLevel.High), Domain(NeedDomain.EducationAndLiteracy, NeedLevel.Low),
                Domain(NeedDomain.EmploymentAndTraining, NeedLevel.Moderate), Domain(NeedDomain.FinanceAndBenefits, NeedLevel.Moderate),
                new DomainInput { Domain = NeedDomain.FamilyAndChildren, Need = NeedLevel.Moderate, ChildrenInHousehold = 0 },
                Domain(NeedDomain.CriminalJustice, NeedLevel.None), Domain(NeedDomain.RelationshipsAndSocialSupport, NeedLevel.Moderate),
            },
        });
        var flagged = await s.CaseManagerAssessments.RaiseRiskFlagAsync(new RaiseRiskFlagRequest
        {
            AssessmentId = assessment.AssessmentId, ExpectedVersion = rest.Version, Flag = RiskFlag.Overdose, Note = "Non-fatal overdose in October",
        });
        var completed = await s.CaseManagerAssessments.CompleteAssessmentAsync(new CompleteAssessmentRequest
        {
            AssessmentId = assessment.AssessmentId, ExpectedVersion = flagged.Version, AssessorName = "Morag Campbell", AssessorRole = "Senior social worker",
        });

        // Once completed it never changes.
        var edit = await Assert.ThrowsAsync<RpcException>(() => s.CaseManagerAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = assessment.AssessmentId, ExpectedVersion = completed.Version, Domains = { Domain(NeedDomain.DrugUse, NeedLevel.Low) },
        }).ResponseAsync);

        Assert.Equal(DisclosureBasisOwnRecord, person.DisclosureBasis);
        Assert.Equal(("Catherine", "1503851230"), (seenByNhs.Name.GivenName, seenByNhs.Identifiers.Single().Value));
        Assert.True(seenByNhs.ContactDetailsWithheld);
        Assert.Null(seenByNhs.Contact);
        Assert.Null(seenByNhs.Address);
        Assert.Equal([NeedDomain.PhysicalHealth, NeedDomain.MentalHealth], contributed.Domains.Select(d => d.Domain));
        Assert.All(contributed.Domains, d => Assert.Equal(s.Nhs.AgencyId, d.ContributingAgencyId));
        Assert.Equal(9, contributed.WithheldDomains.Count);
        // Before its consent the NHS team has no care relationship and no permit: the person is not found.
        Assert.Equal(StatusCode.NotFound, identityRefused.StatusCode);
        Assert.Equal(StatusCode.NotFound, contributionRefused.StatusCode);
        Assert.Equal(AssessmentStatus.Completed, completed.Status);
        Assert.Equal(11, completed.Domains.Count);
        Assert.Empty(completed.OutstandingDomains);
        Assert.Equal(4, completed.RecommendedTier);
        Assert.Contains("overdose", completed.TierRationale);
        Assert.Equal("Morag Campbell", completed.AssessorName);
        Assert.Equal(StatusCode.FailedPrecondition, edit.StatusCode);
        Assert.Equal("AssessmentMustBeInProgressRule", edit.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);

        // AssessmentCompleted is published once, carrying needs, risks and tier but no identity.
        var outbox = await OutboxAsync(nameof(AssessmentCompletedIntegrationEvent));
        var message = Assert.Single(outbox);
        Assert.DoesNotContain("Johnstone", message.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1503851230", message.Payload, StringComparison.Ordinal);
        await WaitUntilAsync(() => !_completed.IsEmpty);
        await Task.Delay(300);
        var delivered = Assert.Single(_completed);
        Assert.Equal((Guid.Parse(person.ServiceUserId), 4), (delivered.ServiceUserId, delivered.RecommendedTier));
        Assert.Equal(11, delivered.Domains.Count);
        Assert.Contains(delivered.Domains, d => d is { Domain: "MentalHealth", Need: "High" } && d.ContributingAgencyId == Guid.Parse(s.Nhs.AgencyId));
        Assert.Equal(["Overdose"], delivered.RiskFlags);

        // Every read and refusal is in the audit trail, with whose data it was.
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "Assessment.GetServiceUserQuery", ActorId: "nhs-cmht-system", Outcome: AuditOutcome.Success } && r.ServiceUserId == person.ServiceUserId);
        Assert.Contains(audit, r => r is { Operation: "Assessment.GetServiceUserQuery", ActorId: "housing-system", Outcome: AuditOutcome.Denied } && r.ServiceUserId == person.ServiceUserId);
        Assert.Contains(audit, r => r is { Operation: "Assessment.ContributeDomainsCommand", ActorId: "housing-system", Outcome: AuditOutcome.Denied });
    }

    [Fact]
    public async Task ThePartOfAnAssessmentAnAgencySees_IsWhatTheSharingDecisionPermits()
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() });
        var assessment = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        var recorded = await s.CaseManagerAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = assessment.AssessmentId, ExpectedVersion = assessment.Version,
            Domains = { Domain(NeedDomain.DrugUse, NeedLevel.High), Domain(NeedDomain.MentalHealth, NeedLevel.Moderate) },
        });

        var beforeConsent = await Assert.ThrowsAsync<RpcException>(() => s.NhsAssessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId }).ResponseAsync);
        await s.NhsConsentAsync(person.ServiceUserId);
        var seenByNhs = await s.NhsAssessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId });
        var seenByLead = await s.CaseManagerAssessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId });
        var outsideItsConsent = await Assert.ThrowsAsync<RpcException>(() => s.NhsAssessments.ContributeDomainsAsync(new ContributeDomainsRequest
        {
            AssessmentId = assessment.AssessmentId, ExpectedVersion = seenByLead.Version, Domains = { Domain(NeedDomain.HousingAndAccommodation, NeedLevel.High) },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, beforeConsent.StatusCode);
        Assert.Equal([NeedDomain.MentalHealth], seenByNhs.Domains.Select(d => d.Domain));
        Assert.Contains(NeedDomain.DrugUse, seenByNhs.WithheldDomains);
        Assert.False(seenByNhs.RiskFlagsWithheld);
        Assert.Equal(2, seenByLead.Domains.Count);
        Assert.Empty(seenByLead.WithheldDomains);
        Assert.Equal(recorded.Version, seenByLead.Version);
        Assert.Equal(StatusCode.PermissionDenied, outsideItsConsent.StatusCode);
        Assert.Contains("assessment.housing", outsideItsConsent.Status.Detail, StringComparison.Ordinal);
        // The refusal names what was withheld, not the agency's internal id nor the sharing rule's reasoning (that is audited).
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", outsideItsConsent.Status.Detail);
        Assert.DoesNotContain("rule", outsideItsConsent.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(IdentifierScheme.Chi, "1503851231", "CHI check digit")]
    [InlineData(IdentifierScheme.Chi, "1603851232", "does not match the date of birth")]
    [InlineData(IdentifierScheme.Nhs, "9434765918", "NHS number check digit")]
    [InlineData(IdentifierScheme.Pps, "1234567A", "PPS number check letter")]
    public async Task AnInvalidIdentifier_IsRefusedNamingTheField_AndNothingIsStored(IdentifierScheme scheme, string value, string reason)
    {
        var invalid = new PersonIdentifier { Scheme = scheme, Value = value };
        var details = scheme == IdentifierScheme.Chi ? Person(identifiers: invalid) : Person(identifiers: [Chi("1503851230"), invalid]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _scenario.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = details }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal($"details.identifiers[{details.Identifiers.Count - 1}].value", violation.Field);
        Assert.Contains(reason, violation.Description);
        Assert.Equal(0, await StoredPeopleAsync());
    }

    [Fact]
    public async Task ANearDuplicate_IsRefusedWithTheCandidateIds_UntilTheCallerConfirmsItIsSomeoneElse()
    {
        var people = _scenario.CaseManagerPeople;
        var first = await people.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person("Catherine", "Johnstone", "1985-05-03") });

        var warned = await Assert.ThrowsAsync<RpcException>(() => people.RegisterServiceUserAsync(
            new RegisterServiceUserRequest { Details = Person("Katherine", "Jonstone", "1985-03-05") }).ResponseAsync);
        var second = await people.RegisterServiceUserAsync(
            new RegisterServiceUserRequest { Details = Person("Katherine", "Jonstone", "1985-03-05"), ConfirmedDistinctFrom = { first.ServiceUserId } });

        Assert.Equal(StatusCode.FailedPrecondition, warned.StatusCode);
        var info = warned.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("MustNotBeALikelyDuplicateRule", info.Reason);
        Assert.Equal(first.ServiceUserId, info.Metadata["candidate_service_user_ids"]);
        Assert.DoesNotContain("Johnstone", warned.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(first.ServiceUserId, second.ServiceUserId);
        Assert.Equal(2, await StoredPeopleAsync());
    }

    [Fact]
    public async Task AnIdentifierHeldByAnotherPerson_IsAlreadyExists()
    {
        var people = _scenario.CaseManagerPeople;
        await people.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person(identifiers: Chi("1503851230")) });

        var ex = await Assert.ThrowsAsync<RpcException>(() => people.RegisterServiceUserAsync(
            new RegisterServiceUserRequest { Details = Person("Peter", "Murray", "1985-03-15", Chi("150385 1230")) }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Equal(1, await StoredPeopleAsync());
    }

    [Fact]
    public async Task Search_ToleratesSpellingVariants_AndFindsNothingForAnAgencyWithNoCareRelationship()
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person("Siobhán", "O'Donnell", "1990-07-21") });
        var search = new SearchServiceUsersRequest { GivenName = "Siobhan", FamilyName = "ODonnel", DateOfBirth = "1990-07-21" };

        var byLead = await s.CaseManagerPeople.SearchServiceUsersAsync(search);
        var byHousing = await s.HousingPeople.SearchServiceUsersAsync(search);
        var tooVague = await Assert.ThrowsAsync<RpcException>(() => s.HousingPeople.SearchServiceUsersAsync(new SearchServiceUsersRequest { FamilyName = "ODonnell" }).ResponseAsync);

        var lead = Assert.Single(byLead.Matches);
        Assert.Equal((person.ServiceUserId, MatchStrength.Likely, "Siobhán"), (lead.ServiceUserId, lead.Strength, lead.ServiceUser.Name.GivenName));
        Assert.Empty(byHousing.Matches);
        Assert.Equal(StatusCode.InvalidArgument, tooVague.StatusCode);
        var audit = await _host.AuditAsync();
        Assert.Contains(audit, r => r is { Operation: "Assessment.SearchServiceUsersQuery", Basis: "own-record" } && r.ServiceUserId == person.ServiceUserId);
    }

    [Fact]
    public async Task AStaleUpdate_IsAborted_AndOnlyTheRegisteringAgencyUpdates()
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() });
        await s.NhsConsentAsync(person.ServiceUserId);
        var moved = Person();
        moved.Address.Line1 = "22 High Street";

        var updated = await s.CaseManagerPeople.UpdateServiceUserAsync(new UpdateServiceUserRequest { ServiceUserId = person.ServiceUserId, ExpectedVersion = person.Version, Details = moved });
        var stale = await Assert.ThrowsAsync<RpcException>(() => s.CaseManagerPeople.UpdateServiceUserAsync(
            new UpdateServiceUserRequest { ServiceUserId = person.ServiceUserId, ExpectedVersion = person.Version, Details = Person() }).ResponseAsync);
        var byNhs = await Assert.ThrowsAsync<RpcException>(() => s.NhsPeople.UpdateServiceUserAsync(
            new UpdateServiceUserRequest { ServiceUserId = person.ServiceUserId, ExpectedVersion = updated.Version, Details = Person() }).ResponseAsync);

        Assert.Equal("22 High Street", updated.Address.Line1);
        Assert.Equal(person.Version + 1, updated.Version);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byNhs.StatusCode);
    }

    [Fact]
    public async Task AReassessment_SupersedesTheLastOne_AndTheSummaryShowsHowEachNeedChanged()
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() });
        var first = await CompleteAsync(person.ServiceUserId, NeedLevel.High, NeedLevel.High);
        var second = await CompleteAsync(person.ServiceUserId, NeedLevel.Moderate, NeedLevel.High);
        var concurrent = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        var twice = await Assert.ThrowsAsync<RpcException>(() => s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId }).ResponseAsync);

        var firstNow = await s.CaseManagerAssessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = first.AssessmentId });
        var summary = await s.CaseManagerAssessments.GetNeedsSummaryAsync(new GetNeedsSummaryRequest { ServiceUserId = person.ServiceUserId });
        var list = await s.CaseManagerAssessments.ListAssessmentsAsync(new ListAssessmentsRequest { ServiceUserId = person.ServiceUserId });
        var paged = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await s.CaseManagerAssessments.ListAssessmentsAsync(new ListAssessmentsRequest { ServiceUserId = person.ServiceUserId, PageSize = 1, PageToken = token });
            Assert.Equal(list.Assessments.Count, page.TotalSize);
            paged.AddRange(page.Assessments.Select(a => a.AssessmentId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(list.Assessments.Select(a => a.AssessmentId), paged);

        Assert.True(second.IsReassessment);
        Assert.Equal(first.AssessmentId, second.SupersedesAssessmentId);
        Assert.Equal((AssessmentStatus.Superseded, second.AssessmentId), (firstNow.Status, firstNow.SupersededByAssessmentId));
        Assert.Equal(NeedLevel.High, firstNow.Domains.Single(d => d.Domain == NeedDomain.DrugUse).Need);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(concurrent.SupersedesAssessmentId, second.AssessmentId);
        var drugs = summary.Domains.Single(d => d.Domain == NeedDomain.DrugUse);
        Assert.Equal([NeedLevel.High, NeedLevel.Moderate], drugs.Points.Select(p => p.Need));
        Assert.Equal(NeedTrend.Improved, drugs.Trend);
        Assert.Equal(NeedTrend.Unchanged, summary.Domains.Single(d => d.Domain == NeedDomain.HousingAndAccommodation).Trend);
        Assert.Equal([3, 2], summary.Tiers.Select(t => t.Tier));
        Assert.Equal([AssessmentStatus.Superseded, AssessmentStatus.Completed, AssessmentStatus.InProgress], list.Assessments.Select(a => a.Status));
    }

    [Fact]
    public async Task TheAnonymityGuardsQuery_FindsARegisteredPersonsName_WithoutSayingWho()
    {
        await _scenario.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person("Catherine", "Johnstone", "1985-03-15", Chi("1503851230")) });
        const string text = "Kate Johnstone was refused a tenancy; CHI 150385 1230.";

        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor("coordinator-1", ActorKind.Staff, null, new HashSet<string> { Roles.RehabilitationCoordinator }));
        var spans = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindIdentifyingTextQuery(text));

        Assert.Equal([("Kate Johnstone", IdentifyingKinds.Name), ("150385 1230", IdentifyingKinds.Identifier)], spans.Select(x => (text.Substring(x.Start, x.Length), x.Kind)));
    }

    [Fact]
    public async Task APartnersRead_AsksTheSharingDecisionOnce_ForEveryCategory_AndLeavesOneRecordOfIt()
    {
        var s = _scenario;
        var person = await s.CaseManagerPeople.RegisterServiceUserAsync(new RegisterServiceUserRequest { Details = Person() });
        var started = await s.CaseManagerAssessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        await s.NhsConsentAsync(person.ServiceUserId);

        var seen = await s.NhsAssessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = started.AssessmentId });

        var byNhs = (await _host.AuditAsync()).Where(r => r.ActorId == "nhs-cmht-system").ToList();
        var decision = Assert.Single(byNhs, r => r.Operation == "Protocols.SharingDecisionsQuery");
        Assert.DoesNotContain(byNhs, r => r.Operation == "Protocols.MaySeeQuery");
        Assert.Equal(person.ServiceUserId, decision.ServiceUserId);
        Assert.Contains("assessment.mental-health", decision.Basis, StringComparison.Ordinal);
        Assert.False(seen.RiskFlagsWithheld);
    }

    private const string DisclosureBasisOwnRecord = "own-record";

    private async Task<IntegratedCare.Assessment.V1.Assessment> CompleteAsync(string serviceUserId, NeedLevel drugs, NeedLevel housing)
    {
        var client = _scenario.CaseManagerAssessments;
        var started = await client.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = serviceUserId });
        var domains = new ContributeDomainsRequest { AssessmentId = started.AssessmentId, ExpectedVersion = started.Version };
        foreach (var domain in Enum.GetValues<NeedDomain>().Where(d => d != NeedDomain.Unspecified))
        {
            domains.Domains.Add(Domain(domain, domain switch { NeedDomain.DrugUse => drugs, NeedDomain.HousingAndAccommodation => housing, _ => NeedLevel.Low }));
        }

        var contributed = await client.ContributeDomainsAsync(domains);
        return await client.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Morag Campbell" });
    }

    private async Task<List<OutboxMessage>> OutboxAsync(string type)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains(type)).ToListAsync();
    }

    private async Task<int> StoredPeopleAsync()
    {
        await using var connection = _folder.OpenReadOnly();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {_folder.Table("assessment_service_users")}";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private sealed class RecordingHandler(ConcurrentQueue<AssessmentCompletedIntegrationEvent> deliveries) : INotificationHandler<AssessmentCompletedIntegrationEvent>
    {
        public Task Handle(AssessmentCompletedIntegrationEvent notification, CancellationToken cancellationToken)
        {
            deliveries.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
