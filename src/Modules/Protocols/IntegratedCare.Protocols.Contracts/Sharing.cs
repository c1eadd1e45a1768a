using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>The codes of the data categories a disclosure is about. The proto documents the same list.</summary>
public static class DataCategories
{
    public const string Identity = "identity";
    public const string ContactDetails = "contact-details";
    public const string AssessmentDrugUse = "assessment.drug-use";
    public const string AssessmentAlcoholUse = "assessment.alcohol-use";
    public const string AssessmentPhysicalHealth = "assessment.physical-health";
    public const string AssessmentMentalHealth = "assessment.mental-health";
    public const string AssessmentHousing = "assessment.housing";
    public const string AssessmentEducation = "assessment.education";
    public const string AssessmentEmployment = "assessment.employment";
    public const string AssessmentFinance = "assessment.finance";
    public const string AssessmentFamilyAndChildren = "assessment.family-and-children";
    public const string AssessmentCriminalJustice = "assessment.criminal-justice";
    public const string AssessmentRelationships = "assessment.relationships";
    public const string CarePlan = "care-plan";
    public const string RiskFlags = "risk-flags";
    public const string HealthInformation = "health-information";
    public const string CriminalJusticeInformation = "criminal-justice-information";

    private static readonly IReadOnlyDictionary<string, string> ByNeedDomain = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DrugUse"] = AssessmentDrugUse,
        ["AlcoholUse"] = AssessmentAlcoholUse,
        ["PhysicalHealth"] = AssessmentPhysicalHealth,
        ["MentalHealth"] = AssessmentMentalHealth,
        ["HousingAndAccommodation"] = AssessmentHousing,
        ["EducationAndLiteracy"] = AssessmentEducation,
        ["EmploymentAndTraining"] = AssessmentEmployment,
        ["FinanceAndBenefits"] = AssessmentFinance,
        ["FamilyAndChildren"] = AssessmentFamilyAndChildren,
        ["CriminalJustice"] = AssessmentCriminalJustice,
        ["RelationshipsAndSocialSupport"] = AssessmentRelationships,
    };

    /// <summary>
    /// The category an SSA need domain is disclosed under, by the domain's name in the assessment
    /// vocabulary (e.g. "HousingAndAccommodation" → "assessment.housing"). Assessment and CarePlan both use it.
    /// </summary>
    public static string ForNeedDomain(string domain) =>
        ByNeedDomain.TryGetValue(domain, out var category) ? category : throw new ArgumentOutOfRangeException(nameof(domain), domain, "not a need domain");
}

/// <summary>Why data is disclosed.</summary>
public static class SharingPurposes
{
    public const string DirectCare = "direct-care";
    public const string Safeguarding = "safeguarding";
    public const string Planning = "planning";
}

/// <summary>
/// The sharing decision: may <paramref name="AgencyId"/> see <paramref name="Category"/> of this person's
/// data for <paramref name="Purpose"/>? Every module sends it before it discloses a person's data, and
/// audits the disclosure with the returned <see cref="MaySeeResult.Basis"/>. A legal override (e.g.
/// "child-protection") needs a reason and is always audited. Ids are in their canonical text form.
/// </summary>
[Authorize]
[Audit(AuditAction.Execute, "sharing-decision")]
public sealed record MaySeeQuery(
    string ServiceUserId,
    string AgencyId,
    string Category,
    string Purpose,
    string? OverrideBasis = null,
    string? OverrideReason = null) : IContractQuery<MaySeeResult>;

/// <summary>
/// Every category of one person's data at once, for one agency and purpose: the decision a module asks
/// once per request before it discloses anything of the person, from one load of the agency, the active
/// rules and the person's consents. One audit record lists what was permitted and on what basis.
/// </summary>
[Authorize]
[Audit(AuditAction.Execute, "sharing-decision")]
public sealed record SharingDecisionsQuery(string ServiceUserId, string AgencyId, string Purpose) : IContractQuery<SharingDecisions>;

/// <summary>
/// <see cref="SharingDecisionsQuery"/> for many people at once (a page of a list): one pipeline run, one
/// load of the agency and the rules, and one query for all the people's consents. The audit trail gets
/// one record per person, naming them, with that person's basis.
/// </summary>
[Authorize]
[Audit(AuditAction.Execute, "sharing-decision")]
public sealed record SharingDecisionsForPeopleQuery(IReadOnlyList<string> ServiceUserIds, string AgencyId, string Purpose)
    : IContractQuery<IReadOnlyDictionary<Guid, SharingDecisions>>;

/// <summary>Each category's decision (by its code), as <see cref="MaySeeQuery"/> would give it.</summary>
public sealed record SharingDecisions(IReadOnlyDictionary<string, MaySeeResult> ByCategory)
{
    public MaySeeResult For(string category) =>
        ByCategory.TryGetValue(category, out var decision) ? decision : throw new ArgumentOutOfRangeException(nameof(category), category, "not a data category");
}

/// <summary>Permit or deny, and the protocol rule and consent that decided it.</summary>
public sealed record MaySeeResult(bool Permitted, string Reason, Guid? ProtocolId, string? Rule, Guid? ConsentId, string Basis);

/// <summary>
/// A person withdrew a consent. Agencies it permitted (by id or by type) must stop relying on it; modules
/// that disclosed data under it tell those agencies.
/// </summary>
public sealed record ConsentWithdrawnIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ConsentId,
    Guid ServiceUserId,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<string> AgencyTypes) : IntegrationEvent(EventId, OccurredAt);

/// <summary>A consent reached its expiry: the agencies it permitted must stop relying on it.</summary>
public sealed record ConsentExpiredIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ConsentId,
    Guid ServiceUserId,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<string> AgencyTypes) : IntegrationEvent(EventId, OccurredAt);

/// <summary>
/// A referral was made from one agency to another: new work for the receiving agency's staff, to answer
/// by <c>DueAt</c>. Ids only; the person and what is shared stay behind the sharing decision.
/// </summary>
public sealed record ReferralMadeIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ReferralId,
    Guid FromAgencyId,
    Guid ToAgencyId,
    DateTimeOffset DueAt) : IntegrationEvent(EventId, OccurredAt);

/// <summary>
/// A referral went unanswered past its protocol's response time. Raised once per referral. CarePlan
/// records a variance on the person's open plan; GapsAndBlocks may take it up as a process block.
/// </summary>
public sealed record ReferralOverdueIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ReferralId,
    Guid ProtocolId,
    Guid ServiceUserId,
    Guid FromAgencyId,
    Guid ToAgencyId,
    DateTimeOffset DueAt) : IntegrationEvent(EventId, OccurredAt);

/// <summary>
/// Whether a consent is in force now, whose it is and which agency recorded it. Null when no consent has
/// the id. Used where a step needs the person's recorded consent (e.g. more detail on a gaps and blocks form).
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "consent")]
public sealed record ConsentStatusQuery(string ConsentId) : IContractQuery<ConsentStatusResult?>;

/// <param name="Permits">Whether the consent permits anything at all (a refusal or a deny-only consent does not).</param>
public sealed record ConsentStatusResult(Guid ConsentId, Guid ServiceUserId, Guid RecordingAgencyId, bool InForce, bool Permits = false);

/// <summary>
/// Whether an agency is in a care relationship with a person, and which: it registered them, leads their
/// assessment or care plan (it holds their record), is on their care team, or is party to an accepted or
/// completed referral about them. An agency in none of these learns nothing about the person, not even
/// that they exist: modules answer it NOT_FOUND.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-relationship")]
public sealed record CareRelationshipQuery(string ServiceUserId, string AgencyId) : IContractQuery<CareRelationship>;

/// <summary>
/// Whether an agency may know the person exists (<see cref="CareRelationship.KnowsOfPerson"/>), asked
/// the cheap way first: a consent in force that permits the agency something answers it without asking
/// the register and the plans.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-relationship")]
public sealed record KnowsOfPersonQuery(string ServiceUserId, string AgencyId) : IContractQuery<bool>;

/// <param name="PermittedByConsent">
/// Not a care relationship: a consent in force permits the agency some of the person's data, so it may
/// know the person exists. Such an agency is refused what it may not do (PERMISSION_DENIED), not told the
/// person is unknown.
/// </param>
public sealed record CareRelationship(
    bool PersonExists, bool Registered, bool LeadsAssessment, bool LeadsCarePlan, bool OnCareTeam, bool AcceptedReferral, bool PermittedByConsent = false)
{
    public static readonly CareRelationship None = new(false, false, false, false, false, false);

    /// <summary>Whether the agency may learn that the person exists: a care relationship, or a consent that permits it something.</summary>
    public bool KnowsOfPerson => Any || PermittedByConsent;

    /// <summary>The agency holds the person's record: it registered them or leads their assessment or plan.</summary>
    public bool HoldsRecord => Registered || LeadsAssessment || LeadsCarePlan;

    public bool Any => HoldsRecord || OnCareTeam || AcceptedReferral;

    /// <summary>For the audit trail: the kinds of relationship, as codes.</summary>
    public string Describe() => string.Join(",", new[]
    {
        Registered ? "registered" : null, LeadsAssessment ? "leads-assessment" : null, LeadsCarePlan ? "leads-care-plan" : null,
        OnCareTeam ? "care-team" : null, AcceptedReferral ? "accepted-referral" : null,
    }.Where(k => k is not null)) is { Length: > 0 } kinds ? kinds : "none";
}

/// <summary>
/// What a module knows of an agency's part in a person's care: the register (Assessment) knows whether
/// the person exists and who registered or assesses them; the plans (CarePlan) who leads or is on a care
/// team. Protocols combines every module's facts with its own referrals and consents into a
/// <see cref="CareRelationship"/>. The modules that hold the facts implement this and register it;
/// Protocols asks no other module's contract, so the modules' queries run one way (ADR 0008).
/// </summary>
public interface ICareRelationshipFacts
{
    Task<CareFacts> FactsAsync(Guid serviceUserId, Guid agencyId, CancellationToken cancellationToken);
}

/// <param name="PersonExists">Whether the person exists; null from a module that does not keep the register.</param>
public sealed record CareFacts(bool? PersonExists, bool Registered = false, bool LeadsAssessment = false, bool LeadsCarePlan = false, bool OnCareTeam = false);
