using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegratedCare.Assessment.V1;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.Protocols.V1;
using NeedDomain = IntegratedCare.Assessment.V1.NeedDomain;

namespace IntegratedCare.WebTests;

/// <summary>
/// What partner agencies' systems and the administrator set up over gRPC, as they would, for the browser
/// tests to act on: the area's protocols, and people with plans that give the housing service work. Each
/// piece is made once per host and shared by the tests that need it.
/// </summary>
public sealed class PartnerSeed(HostUnderTest host) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.GrpcAddress);
    private readonly SemaphoreSlim _once = new(1, 1);
    private (Area Area, Agency Addiction, Agency Housing)? _directory;
    private bool _sharing;
    private InterAgencyProtocol? _protocol;

    /// <summary>The subject the seeded plans are led by: a case manager of the addiction service other than casey.</summary>
    public const string CaseManager = "seed-case-manager";

    public async Task<(Area Area, Agency Addiction, Agency Housing)> DirectoryAsync()
    {
        if (_directory is { } known)
        {
            return known;
        }

        var admin = new AgencyService.AgencyServiceClient(await AsAsync("--role", "system-admin"));
        var area = (await admin.ListAreasAsync(new ListAreasRequest())).Areas.Single(a => a.Name == "Dundee City");
        var agencies = (await admin.ListAgenciesAsync(new ListAgenciesRequest())).Agencies;
        _directory = (area, agencies.Single(a => a.Name == "Tayside Addiction Service"), agencies.Single(a => a.Name == "Dundee Housing Options"));
        return _directory.Value;
    }

    /// <summary>An active sharing protocol letting the housing service see, with the person's consent, their identity, housing assessment and care plan.</summary>
    public async Task SharingWithHousingAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_sharing)
            {
                return;
            }

            var (_, addiction, housing) = await DirectoryAsync();
            var admin = new InformationSharingService.InformationSharingServiceClient(await AsAsync("--role", "system-admin"));
            var draft = await admin.CreateSharingProtocolAsync(new CreateSharingProtocolRequest
            {
                Name = "Dundee Information Sharing Protocol",
                Rules =
                {
                    new[] { "identity", "assessment.housing", "care-plan" }.Select(c => new SharingRule
                    {
                        DataCategory = c, RecipientAgencyType = AgencyType.HousingAndHomelessness, Purpose = SharingPurpose.DirectCare, Basis = SharingBasis.Consent,
                    }),
                },
            });
            var version = draft.Version;
            foreach (var agency in new[] { addiction, housing })
            {
                var signer = new InformationSharingService.InformationSharingServiceClient(await AsAsync("--role", "agency-admin", "--agency", agency.AgencyId));
                version = (await signer.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = version, AgencyId = agency.AgencyId })).Version;
            }

            await admin.ActivateSharingProtocolAsync(new ActivateSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = version });
            _sharing = true;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>The area's active protocol for referrals between the addiction service and housing (five working days to answer).</summary>
    public async Task<InterAgencyProtocol> HousingProtocolAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_protocol is not null)
            {
                return _protocol;
            }

            var protocols = new ProtocolService.ProtocolServiceClient(await AsAsync("--role", "system-admin"));
            var draft = await protocols.CreateProtocolAsync(new CreateProtocolRequest
            {
                Name = "Dundee housing and addiction services protocol",
                PartyAgencyTypes = { AgencyType.SpecialistAddictionService, AgencyType.HousingAndHomelessness },
                ReferralCriteria = "A person in addiction treatment who is homeless or at risk of homelessness",
                ResponseTimeAmount = 5,
                ResponseTimeUnit = ResponseTimeUnit.WorkingDays,
                EscalationContact = new EscalationContact { Role = "Housing Options Team Leader", Email = "housing.lead@housing.example" },
                ReviewDate = DateTime.Today.AddYears(2).ToString("yyyy-MM-dd"),
            });
            return _protocol = await protocols.ActivateProtocolAsync(new ActivateProtocolRequest { ProtocolId = draft.ProtocolId, ExpectedVersion = draft.Version });
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>The person's written consent, recorded by the addiction service: the housing service may see their identity.</summary>
    public async Task<string> ConsentToHousingAsync(string person)
    {
        var (_, addiction, housing) = await DirectoryAsync();
        var consents = new ConsentService.ConsentServiceClient(await AsAsync("--role", "case-manager", "--agency", addiction.AgencyId, "--subject", CaseManager));
        return (await consents.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = person,
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "identity" }, AgencyIds = { housing.AgencyId } } },
        })).ConsentId;
    }

    /// <summary>A person the addiction service registered and nothing more: no consent, no plan, no other agency involved.</summary>
    public async Task<string> RegisteredPersonAsync(string given, string family, string born)
    {
        var (_, addiction, _) = await DirectoryAsync();
        var people = new ServiceUserService.ServiceUserServiceClient(await AsAsync("--role", "case-manager", "--agency", addiction.AgencyId, "--subject", CaseManager));
        return (await people.RegisterServiceUserAsync(new RegisterServiceUserRequest
        {
            Details = new ServiceUserDetails { Name = new PersonName { GivenName = given, FamilyName = family }, DateOfBirth = born },
        })).ServiceUserId;
    }

    /// <summary>
    /// A person the addiction service registered and assessed, who consented to the housing service seeing
    /// their identity, housing assessment and plan, and a draft plan giving housing one action per entry
    /// (what, and its due date in days from today, negative for one already past).
    /// </summary>
    public async Task<(string Person, string CarePlanId)> PlanWithHousingActionsAsync(string given, string family, string born, params (string What, int DueInDays)[] actions)
    {
        await SharingWithHousingAsync();
        var (_, addiction, housing) = await DirectoryAsync();
        var caseManager = await AsAsync("--role", "case-manager", "--agency", addiction.AgencyId, "--subject", CaseManager);
        var people = new ServiceUserService.ServiceUserServiceClient(caseManager);
        var person = await people.RegisterServiceUserAsync(new RegisterServiceUserRequest
        {
            Details = new ServiceUserDetails { Name = new PersonName { GivenName = given, FamilyName = family }, DateOfBirth = born },
        });
        await new ConsentService.ConsentServiceClient(caseManager).RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = person.ServiceUserId,
            Method = ConsentMethod.Written,
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { "identity", "assessment.housing", "care-plan" }, AgencyIds = { housing.AgencyId } } },
        });

        var assessments = new AssessmentService.AssessmentServiceClient(caseManager);
        var started = await assessments.StartAssessmentAsync(new StartAssessmentRequest { ServiceUserId = person.ServiceUserId });
        var contribute = new ContributeDomainsRequest { AssessmentId = started.AssessmentId, ExpectedVersion = started.Version };
        foreach (var domain in Enum.GetValues<NeedDomain>().Where(d => d != NeedDomain.Unspecified))
        {
            contribute.Domains.Add(new DomainInput { Domain = domain, Need = domain == NeedDomain.HousingAndAccommodation ? NeedLevel.High : NeedLevel.Low, Notes = "Assessed at interview" });
        }

        var contributed = await assessments.ContributeDomainsAsync(contribute);
        await assessments.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = started.AssessmentId, ExpectedVersion = contributed.Version, AssessorName = "Seed Case Manager" });

        var plans = new CarePlanService.CarePlanServiceClient(caseManager);
        var plan = await EventuallyAsync(async () => (await plans.ListCarePlansAsync(new ListCarePlansRequest { ServiceUserId = person.ServiceUserId })).CarePlans.SingleOrDefault());
        foreach (var (what, due) in actions)
        {
            plan = await plans.AddActionAsync(new AddActionRequest
            {
                CarePlanId = plan.CarePlanId, ExpectedVersion = plan.Version, AgencyId = housing.AgencyId, Tier = 1, What = what,
                DueDate = DateTime.Today.AddDays(due).ToString("yyyy-MM-dd"),
            });
        }

        return (person.ServiceUserId, plan.CarePlanId);
    }

    /// <summary>The plan as its lead case manager reads it over gRPC.</summary>
    public async Task<IntegratedCare.CarePlan.V1.CarePlan> PlanAsync(string carePlanId)
    {
        var (_, addiction, _) = await DirectoryAsync();
        var plans = new CarePlanService.CarePlanServiceClient(await AsAsync("--role", "case-manager", "--agency", addiction.AgencyId, "--subject", CaseManager));
        return await plans.GetCarePlanAsync(new GetCarePlanRequest { CarePlanId = carePlanId });
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read, int seconds = 30)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await read() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing came within {seconds} s.");
            }

            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
        _once.Dispose();
    }

    private async Task<CallInvoker> AsAsync(params string[] token)
    {
        var bearer = await host.MintAsync(token);
        return _channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {bearer}");
            return metadata;
        });
    }
}
