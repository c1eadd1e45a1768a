using System.Diagnostics;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.AgencySimulator;

/// <summary>A person the simulation registered, with what would identify them: no form or pack may contain it.</summary>
public sealed record SimPerson(string ServiceUserId, string GivenName, string FamilyName, string DateOfBirth, string Chi);

/// <summary>
/// A run: the system under test, the area and its six agencies with their staff, the story told as the
/// run goes, the calls recorded and the invariants checked.
/// </summary>
public sealed class Simulation(ISystemUnderTest system, TextWriter story, int seed = 20261123)
{
    public const string CoordinatorSubject = "rehabilitation-coordinator-1";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ISystemUnderTest System { get; } = system;

    public Recorder Recorder { get; } = new();

    public Invariants Invariants { get; } = new();

    public Random Random { get; } = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Names this run's area and agencies apart from earlier runs against the same host.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..6];

    public List<SimPerson> People { get; } = [];

    public DateTimeOffset Start { get; private set; }

    public string AreaId { get; private set; } = string.Empty;

    public string HousingProtocolId { get; private set; } = string.Empty;

    public SimulatedAgency Admin { get; private set; } = default!;

    public SimulatedAgency Addiction { get; private set; } = default!;

    public SimulatedAgency Housing { get; private set; } = default!;

    public SimulatedAgency GpPractice { get; private set; } = default!;

    public SimulatedAgency MentalHealth { get; private set; } = default!;

    public SimulatedAgency Voluntary { get; private set; } = default!;

    public SimulatedAgency CriminalJustice { get; private set; } = default!;

    public SimulatedAgency CaseManager { get; private set; } = default!;

    /// <summary>A case manager of an agency in the area that has no care relationship with anyone: it tries after every step.</summary>
    public SimulatedAgency Stranger { get; private set; } = default!;

    public SimulatedAgency LineManager { get; private set; } = default!;

    public SimulatedAgency Coordinator { get; private set; } = default!;

    public SimulatedAgency SubGroup { get; private set; } = default!;

    public SimulatedAgency National { get; private set; } = default!;

    public IReadOnlyList<SimulatedAgency> Partners => [Housing, GpPractice, MentalHealth, Voluntary, CriminalJustice];

    /// <summary>The data each partner type may see under the area's sharing protocol, given the person's consent.</summary>
    public static readonly IReadOnlyDictionary<AgencyType, string[]> CategoriesFor = new Dictionary<AgencyType, string[]>
    {
        [AgencyType.HousingAndHomelessness] = [DataCategories.Identity, DataCategories.AssessmentHousing, DataCategories.CarePlan],
        [AgencyType.NhsPrimaryCare] = [DataCategories.Identity, DataCategories.AssessmentPhysicalHealth, DataCategories.AssessmentAlcoholUse, DataCategories.RiskFlags, DataCategories.CarePlan],
        [AgencyType.NhsMentalHealth] = [DataCategories.Identity, DataCategories.AssessmentMentalHealth, DataCategories.AssessmentPhysicalHealth, DataCategories.RiskFlags, DataCategories.CarePlan],
        [AgencyType.VoluntarySector] = [DataCategories.Identity, DataCategories.AssessmentRelationships, DataCategories.AssessmentEmployment, DataCategories.CarePlan],
        [AgencyType.CriminalJustice] = [DataCategories.Identity, DataCategories.AssessmentCriminalJustice, DataCategories.CarePlan],
    };

    public string Day => System.MovesTime ? $"day {(System.Now - Start).TotalDays,3:0}" : DateTimeOffset.UtcNow.ToString("HH:mm:ss");

    public void Tell(string line) => story.WriteLine($"[{Day}] {line}");

    /// <summary>Runs one step of a scenario: the story says what happens, and invariants name the step that broke them.</summary>
    public async Task StepAsync(string step, Func<Task> action)
    {
        Invariants.Step = step;
        Tell(step);
        await action();
    }

    public Task PassAsync(int days)
    {
        if (System.MovesTime)
        {
            Tell($"… {days} day(s) pass");
        }

        return System.PassAsync(TimeSpan.FromDays(days));
    }

    /// <summary>Lets time pass until a day after <paramref name="due"/>: a deadline's length in days depends on the weekends and holidays it spans.</summary>
    public Task PassBeyondAsync(Google.Protobuf.WellKnownTypes.Timestamp due) =>
        PassAsync(Math.Max(1, (int)Math.Ceiling((due.ToDateTimeOffset() - System.Now).TotalDays) + 1));

    /// <summary>Waits (up to 20 s) for what the system does after a commit: the outbox, a deadline sweep.</summary>
    public async Task<T> EventuallyAsync<T>(string what, Func<Task<T?>> probe)
        where T : class
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{what} did not appear within 20 s (step: {Invariants.Step})");
    }

    public string Today(int plusDays = 0) => System.Now.AddDays(plusDays).ToString("yyyy-MM-dd");

    /// <summary>Today in the area's calendar (Europe/London), where meetings are dated: minutes are taken on or after the day.</summary>
    public string AreaToday() =>
        TimeZoneInfo.ConvertTime(System.Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The area, its six agencies (an addiction service, housing, a GP practice, a mental health team, a
    /// voluntary project and criminal justice social work), the sharing and referral protocols, and
    /// everyone's credentials.
    /// </summary>
    /// <param name="housingSpeaksFhir">Housing's system answers over FHIR R4 instead of gRPC.</param>
    public async Task SetUpAsync(bool housingSpeaksFhir = false)
    {
        Start = System.Now;
        Invariants.Step = "set-up";
        Admin = Caller("Administrator", "admin-1", ActorKind.Staff, string.Empty, AgencyType.Unspecified, Roles.SystemAdmin);
        var area = await Admin.Agencies.CreateAreaAsync(new CreateAreaRequest
        {
            Name = $"Simulated area {RunId}",
            Kind = AreaKind.CouncilArea,
            TimeZone = "Europe/London",
            Jurisdiction = Jurisdiction.Scotland,
            RehabilitationCoordinator = new RehabilitationCoordinator { StaffId = CoordinatorSubject, Name = "Area Co-ordinator", Email = "coordinator@area.example" },
        });
        AreaId = area.AreaId;

        async Task<string> Register(string name, AgencyType type) => (await Admin.Agencies.RegisterAgencyAsync(new RegisterAgencyRequest
        {
            Name = $"{name} {RunId}",
            Type = type,
            AreaIds = { AreaId },
            Contact = new AgencyContact { Email = $"{type.ToString().ToLowerInvariant()}@agency.example" },
        })).AgencyId;

        var addiction = await Register("Community Addiction Service", AgencyType.SpecialistAddictionService);
        Addiction = Caller("Addiction service system", "addiction-system", ActorKind.AgencySystem, addiction, AgencyType.SpecialistAddictionService, Roles.AgencySystem);
        Housing = Caller("Housing and homelessness service", "housing-system", ActorKind.AgencySystem, await Register("Housing Options", AgencyType.HousingAndHomelessness), AgencyType.HousingAndHomelessness, Roles.AgencySystem,
            new Behaviour(AnswersReferralsAfterDays: 3, DeclinesActions: 0.1, ReportsProgress: true), speaksFhir: housingSpeaksFhir);
        GpPractice = Caller("NHS GP practice", "gp-system", ActorKind.AgencySystem, await Register("Riverside Medical Practice", AgencyType.NhsPrimaryCare), AgencyType.NhsPrimaryCare, Roles.AgencySystem,
            new Behaviour(1, 0.05, ReportsProgress: true));
        MentalHealth = Caller("NHS mental health team", "cmht-system", ActorKind.AgencySystem, await Register("Community Mental Health Team", AgencyType.NhsMentalHealth), AgencyType.NhsMentalHealth, Roles.AgencySystem,
            new Behaviour(5, 0.2, ReportsProgress: true));
        Voluntary = Caller("Voluntary sector project", "voluntary-system", ActorKind.AgencySystem, await Register("Recovery Cafe Project", AgencyType.VoluntarySector), AgencyType.VoluntarySector, Roles.AgencySystem,
            new Behaviour(2, 0.0, ReportsProgress: false));
        CriminalJustice = Caller("Criminal justice social work", "cjsw-system", ActorKind.AgencySystem, await Register("Justice Social Work", AgencyType.CriminalJustice), AgencyType.CriminalJustice, Roles.AgencySystem,
            new Behaviour(4, 0.1, ReportsProgress: true));
        Stranger = Caller("Stranger agency (no care relationship with anyone)", "stranger-case-manager", ActorKind.Staff,
            await Register("Unconnected Project", AgencyType.VoluntarySector), AgencyType.VoluntarySector, Roles.CaseManager);
        CaseManager = Caller("Case manager", "case-manager-1", ActorKind.Staff, addiction, AgencyType.SpecialistAddictionService, Roles.CaseManager);
        LineManager = Caller("Line manager", "line-manager-1", ActorKind.Staff, addiction, AgencyType.SpecialistAddictionService, Roles.LineManager);
        Coordinator = Caller("Rehabilitation co-ordinator", CoordinatorSubject, ActorKind.Staff, addiction, AgencyType.SpecialistAddictionService, Roles.RehabilitationCoordinator);
        SubGroup = Caller("Sub-group member", "subgroup-member-1", ActorKind.Staff, addiction, AgencyType.SpecialistAddictionService, Roles.SubgroupMember);
        National = Caller("National co-ordinator", "national-coordinator-1", ActorKind.Staff, null, AgencyType.Unspecified, Roles.NationalCoordinator);

        var draft = await Admin.Sharing.CreateSharingProtocolAsync(new CreateSharingProtocolRequest
        {
            Name = "Simulated area information sharing protocol",
            Rules =
            {
                CategoriesFor.SelectMany(kv => kv.Value.Select(c => new SharingRule
                {
                    DataCategory = c, RecipientAgencyType = kv.Key, Purpose = SharingPurpose.DirectCare, Basis = SharingBasis.Consent,
                })),
            },
        });
        var version = draft.Version;
        foreach (var agency in new[] { Addiction }.Concat(Partners))
        {
            var signer = Caller($"{agency.Name} administrator", $"{agency.Subject}-admin", ActorKind.Staff, agency.AgencyId, agency.Type, Roles.AgencyAdmin);
            version = (await signer.Sharing.SignSharingProtocolAsync(new SignSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = version, AgencyId = agency.AgencyId })).Version;
        }

        await Admin.Sharing.ActivateSharingProtocolAsync(new ActivateSharingProtocolRequest { SharingProtocolId = draft.SharingProtocolId, ExpectedVersion = version });
        var protocol = await Admin.Protocols.CreateProtocolAsync(new CreateProtocolRequest
        {
            Name = "Addiction and housing services protocol",
            PartyAgencyTypes = { AgencyType.SpecialistAddictionService, AgencyType.HousingAndHomelessness },
            ReferralCriteria = "A person in treatment who is homeless or at risk of homelessness.",
            ResponseTimeAmount = 5,
            ResponseTimeUnit = ResponseTimeUnit.CalendarDays,
            EscalationContact = new EscalationContact { Role = "Housing Options Team Leader", Email = "housing.lead@agency.example" },
            ReviewDate = Today(365),
        });
        HousingProtocolId = (await Admin.Protocols.ActivateProtocolAsync(new ActivateProtocolRequest { ProtocolId = protocol.ProtocolId, ExpectedVersion = protocol.Version })).ProtocolId;
        Tell($"Set up {System.Description} (seed {Seed}): one area, six agencies, an active sharing protocol and a housing referral protocol (5 days).");
    }

    private SimulatedAgency Caller(string name, string subject, ActorKind kind, string? agencyId, AgencyType type, string role, Behaviour? behaviour = null, bool speaksFhir = false)
    {
        var token = System.Mint(subject, kind, string.IsNullOrEmpty(agencyId) ? null : agencyId, role);
        return new SimulatedAgency(name, subject, agencyId ?? string.Empty, type, behaviour ?? new Behaviour(1, 0, true), Recorder.Wrap(System.Invoker(token), name))
        {
            Fhir = speaksFhir
                ? new FhirPartner(System.Fhir(token) ?? throw new InvalidOperationException($"{System.Description} offers no FHIR endpoint to this harness"), agencyId!)
                : null,
        };
    }
}
