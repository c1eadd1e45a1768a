using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.GapsAndBlocks.Application.Details.GiveMoreDetail;

public sealed class MoreDetailNeedsThePersonsConsentRule(ConsentStatusResult? consent, Guid serviceUserId, Guid caseManagerAgency) : IBusinessRule
{
    public bool IsBroken() => consent is not { InForce: true, Permits: true } || consent.ServiceUserId != serviceUserId || consent.RecordingAgencyId != caseManagerAgency;

    public string Message => "More detail needs the person's consent: a consent in force that permits sharing, for this person, recorded by the case manager's agency.";
}
