using Grpc.Core;
using IntegratedCare.Assessment.V1;
using IntegratedCare.CarePlan.V1;
using IntegratedCare.GapsBlocks.V1;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.AgencySimulator;

/// <summary>How a simulated agency behaves: how fast it answers, how often it declines, whether it reports progress.</summary>
public sealed record Behaviour(int AnswersReferralsAfterDays, double DeclinesActions, bool ReportsProgress, bool AnswersReferrals = true);

/// <summary>
/// One caller of the API with its own credentials: a partner agency's IT system, or a member of staff.
/// Every call it makes is recorded under its name.
/// </summary>
public sealed class SimulatedAgency
{
    public SimulatedAgency(string name, string subject, string agencyId, AgencyType type, Behaviour behaviour, CallInvoker invoker)
    {
        Name = name;
        Subject = subject;
        AgencyId = agencyId;
        Type = type;
        Behaviour = behaviour;
        People = new(invoker);
        Assessments = new(invoker);
        CarePlans = new(invoker);
        Referrals = new(invoker);
        Consents = new(invoker);
        Forms = new(invoker);
        Agencies = new(invoker);
        Sharing = new(invoker);
        Protocols = new(invoker);
    }

    public string Name { get; }

    /// <summary>The subject its token names: the audit trail's actor id.</summary>
    public string Subject { get; }

    public string AgencyId { get; }

    public AgencyType Type { get; }

    public Behaviour Behaviour { get; }

    public ServiceUserService.ServiceUserServiceClient People { get; }

    public AssessmentService.AssessmentServiceClient Assessments { get; }

    public CarePlanService.CarePlanServiceClient CarePlans { get; }

    public ReferralService.ReferralServiceClient Referrals { get; }

    public ConsentService.ConsentServiceClient Consents { get; }

    public GapsBlocksService.GapsBlocksServiceClient Forms { get; }

    public AgencyService.AgencyServiceClient Agencies { get; }

    public InformationSharingService.InformationSharingServiceClient Sharing { get; }

    public ProtocolService.ProtocolServiceClient Protocols { get; }

    /// <summary>Set when this agency's system answers its actions and referrals over FHIR R4 instead of gRPC.</summary>
    public FhirPartner? Fhir { get; init; }

    public override string ToString() => Name;
}
