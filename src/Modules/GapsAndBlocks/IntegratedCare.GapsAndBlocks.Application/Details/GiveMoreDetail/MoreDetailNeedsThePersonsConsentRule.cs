using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.GapsAndBlocks.Application.Details.GiveMoreDetail;

public sealed class MoreDetailNeedsThePersonsConsentRule(ConsentStatusResult? consent, Guid serviceUserId, Guid caseManagerAgency) : IBusinessRule
{
    public bool IsBroken() => consent is not { InForce: true, Permits: true } || consent.ServiceUserId != serviceUserId || consent.RecordingAgencyId != caseManagerAgency;

    public string Message => "More detail needs the person's consent: a consent in force that permits sharing, for this person, recorded by the case manager's agency.";
}
