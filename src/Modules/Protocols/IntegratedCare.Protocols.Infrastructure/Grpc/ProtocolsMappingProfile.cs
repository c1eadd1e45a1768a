using IntegratedCare.Protocols.Application.Allocations.ListAllocationQueue;
using IntegratedCare.Protocols.Application.Allocations.QueueForJointAllocation;
using IntegratedCare.Protocols.Application.Allocations.RecordAllocationMeeting;
using IntegratedCare.Protocols.Application.InterAgency.ChangeProtocolStatus;
using IntegratedCare.Protocols.Application.InterAgency.CreateProtocol;
using IntegratedCare.Protocols.Application.InterAgency.GetProtocol;
using IntegratedCare.Protocols.Application.InterAgency.ListProtocols;
using IntegratedCare.Protocols.Application.InterAgency.UpdateProtocol;
using IntegratedCare.Protocols.Application.Referrals.ActOnReferral;
using IntegratedCare.Protocols.Application.Referrals.GetReferral;
using IntegratedCare.Protocols.Application.Referrals.ListReferrals;
using IntegratedCare.Protocols.Application.Referrals.MakeReferral;
using IntegratedCare.Protocols.Application.Sharing.CheckDisclosure;
using IntegratedCare.BuildingBlocks.Infrastructure.Mapping;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.Protocols.Application.Agencies;
using IntegratedCare.Protocols.Application.Agencies.DeactivateAgency;
using IntegratedCare.Protocols.Application.Agencies.GetAgency;
using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Agencies.RegisterAgency;
using IntegratedCare.Protocols.Application.Agencies.UpdateAgency;
using IntegratedCare.Protocols.Application.Areas;
using IntegratedCare.Protocols.Application.Areas.CreateArea;
using IntegratedCare.Protocols.Application.Areas.GetArea;
using IntegratedCare.Protocols.Application.Areas.ListAreas;
using IntegratedCare.Protocols.Application.Areas.UpdateArea;
using IntegratedCare.Protocols.Application.Allocations;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Application.InterAgency;
using IntegratedCare.Protocols.Application.Referrals;
using IntegratedCare.Protocols.Application.Consents.GetConsent;
using IntegratedCare.Protocols.Application.Consents.ListConsents;
using IntegratedCare.Protocols.Application.Consents.RecordConsent;
using IntegratedCare.Protocols.Application.Consents.WithdrawConsent;
using IntegratedCare.Protocols.Application.Sharing;
using IntegratedCare.Protocols.Application.Sharing.ChangeSharingProtocolStatus;
using IntegratedCare.Protocols.Application.Sharing.CreateSharingProtocol;
using IntegratedCare.Protocols.Application.Sharing.GetSharingProtocol;
using IntegratedCare.Protocols.Application.Sharing.ListSharingProtocols;
using IntegratedCare.Protocols.Application.Sharing.SignSharingProtocol;
using IntegratedCare.Protocols.Contracts;
using Domain = IntegratedCare.Protocols.Domain;
using V1 = IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Proto ↔ application types. Enum numbers match by design; UNSPECIFIED becomes "not given".</summary>
internal sealed class ProtocolsMappingProfile : ModuleProfile
{
    public ProtocolsMappingProfile()
    {
        MapEnum<V1.AgencyType, Domain.Agencies.AgencyType>();
        MapEnum<V1.AgencyStatus, Domain.Agencies.AgencyStatus>();
        MapEnum<V1.AreaKind, Domain.Areas.AreaKind>();
        MapEnum<V1.Jurisdiction, BuildingBlocks.Domain.Calendar.Jurisdiction>();
        MapEnum<V1.SharingPurpose, Domain.Sharing.SharingPurpose>();
        MapEnum<V1.SharingBasis, Domain.Sharing.SharingBasis>();
        MapEnum<V1.SharingProtocolStatus, Domain.Sharing.SharingProtocolStatus>();
        MapEnum<V1.ConsentStatus, Domain.Consents.ConsentStatus>();
        MapEnum<V1.ConsentMethod, Domain.Consents.ConsentMethod>();
        MapEnum<V1.ProvisionType, Domain.Consents.ProvisionType>();
        MapEnum<V1.ProtocolStatus, Domain.InterAgency.InterAgencyProtocolStatus>();
        MapEnum<V1.ResponseTimeUnit, Domain.InterAgency.ResponseTimeUnit>();
        MapEnum<V1.ReferralStatus, Domain.Referrals.ReferralStatus>();
        MapEnum<V1.RejectionReason, Domain.Referrals.RejectionReason>();
        MapEnum<V1.ReferralDirection, ReferralDirection>();
        MapEnum<V1.AllocationStatus, Domain.Allocations.AllocationStatus>();
        MapEnum<V1.AllocationOutcome, AllocationOutcome>();

        // Agencies and areas.
        CreateMap<V1.AgencyContact, AgencyContactInput>();
        CreateMap<V1.RegisterAgencyRequest, RegisterAgencyCommand>();
        CreateMap<V1.GetAgencyRequest, GetAgencyQuery>();
        CreateMap<V1.ListAgenciesRequest, ListAgenciesQuery>();
        CreateMap<V1.UpdateAgencyRequest, UpdateAgencyCommand>();
        CreateMap<V1.DeactivateAgencyRequest, DeactivateAgencyCommand>();
        CreateMap<V1.RehabilitationCoordinator, RehabilitationCoordinatorInput>();
        CreateMap<V1.CreateAreaRequest, CreateAreaCommand>();
        CreateMap<V1.UpdateAreaRequest, UpdateAreaCommand>();
        CreateMap<V1.GetAreaRequest, GetAreaQuery>();
        CreateMap<V1.ListAreasRequest, ListAreasQuery>();
        CreateMap<AgencyContactDto, V1.AgencyContact>();
        CreateMap<AgencyDto, V1.Agency>();
        CreateMap<Page<AgencyDto>, V1.ListAgenciesResponse>().ForMember(d => d.Agencies, o => o.MapFrom(s => s.Items));
        CreateMap<RehabilitationCoordinatorDto, V1.RehabilitationCoordinator>();
        CreateMap<AreaDto, V1.Area>();
        CreateMap<Page<AreaDto>, V1.ListAreasResponse>().ForMember(d => d.Areas, o => o.MapFrom(s => s.Items));
        CreateMap<V1.ListHolidayCalendarsRequest, BuildingBlocks.Application.Calendar.ListHolidayCalendarsQuery>();
        CreateMap<V1.LoadHolidaysRequest, BuildingBlocks.Application.Calendar.LoadHolidaysCommand>();
        CreateMap<BuildingBlocks.Domain.Calendar.PublicHoliday, V1.PublicHoliday>();
        CreateMap<BuildingBlocks.Application.Calendar.HolidayCalendarDto, V1.HolidayCalendar>();
        CreateMap<IReadOnlyList<BuildingBlocks.Application.Calendar.HolidayCalendarDto>, V1.ListHolidayCalendarsResponse>()
            .ForMember(d => d.Calendars, o => o.MapFrom(s => s));

        // Information sharing.
        CreateMap<V1.SharingRule, SharingRuleInput>();
        CreateMap<V1.CreateSharingProtocolRequest, CreateSharingProtocolCommand>();
        CreateMap<V1.GetSharingProtocolRequest, GetSharingProtocolQuery>();
        CreateMap<V1.ListSharingProtocolsRequest, ListSharingProtocolsQuery>();
        CreateMap<V1.SignSharingProtocolRequest, SignSharingProtocolCommand>();
        CreateMap<V1.ActivateSharingProtocolRequest, ChangeSharingProtocolStatusCommand>().ConvertUsing(r =>
            new ChangeSharingProtocolStatusCommand(r.SharingProtocolId, r.ExpectedVersion, SharingProtocolTransition.Activate));
        CreateMap<V1.RetireSharingProtocolRequest, ChangeSharingProtocolStatusCommand>().ConvertUsing(r =>
            new ChangeSharingProtocolStatusCommand(r.SharingProtocolId, r.ExpectedVersion, SharingProtocolTransition.Retire));
        CreateMap<V1.CheckDisclosureRequest, CheckDisclosureQuery>().ForCtorParam("Category", o => o.MapFrom(s => s.DataCategory));
        CreateMap<SharingRuleDto, V1.SharingRule>();
        CreateMap<SharingProtocolDto, V1.SharingProtocol>();
        CreateMap<Page<SharingProtocolDto>, V1.ListSharingProtocolsResponse>().ForMember(d => d.SharingProtocols, o => o.MapFrom(s => s.Items));
        CreateMap<MaySeeResult, V1.DisclosureDecision>().ConvertUsing(r => new V1.DisclosureDecision
        {
            Permitted = r.Permitted,
            Reason = r.Reason,
            SharingProtocolId = r.ProtocolId.HasValue ? r.ProtocolId.Value.ToString("D") : string.Empty,
            Rule = r.Rule ?? string.Empty,
            ConsentId = r.ConsentId.HasValue ? r.ConsentId.Value.ToString("D") : string.Empty,
            Basis = r.Basis,
        });

        // Consent.
        CreateMap<V1.ConsentProvision, ConsentProvisionInput>();
        CreateMap<V1.RecordConsentRequest, RecordConsentCommand>();
        CreateMap<V1.WithdrawConsentRequest, WithdrawConsentCommand>();
        CreateMap<V1.GetConsentRequest, GetConsentQuery>();
        CreateMap<V1.ListConsentsRequest, ListConsentsQuery>();
        CreateMap<ConsentProvisionDto, V1.ConsentProvision>();
        CreateMap<ConsentDto, V1.Consent>();
        CreateMap<Page<ConsentDto>, V1.ListConsentsResponse>().ForMember(d => d.Consents, o => o.MapFrom(s => s.Items));

        MapProtocolsAndReferrals();

        // Joint allocation.
        CreateMap<V1.QueueForJointAllocationRequest, QueueForJointAllocationCommand>();
        CreateMap<V1.ListAllocationQueueRequest, ListAllocationQueueQuery>();
        CreateMap<V1.AllocationDecision, AllocationDecisionInput>();
        CreateMap<V1.RecordAllocationMeetingRequest, RecordAllocationMeetingCommand>();
        CreateMap<AllocationItemDto, V1.AllocationItem>();
        CreateMap<Page<AllocationItemDto>, V1.ListAllocationQueueResponse>().ForMember(d => d.Items, o => o.MapFrom(s => s.Items));
        CreateMap<AllocationMeetingDto, V1.AllocationMeeting>();
    }

    private void MapProtocolsAndReferrals()
    {
        CreateMap<V1.EscalationContact, EscalationContactInput>();
        CreateMap<V1.CreateProtocolRequest, ProtocolTermsInput>();
        CreateMap<V1.UpdateProtocolRequest, ProtocolTermsInput>();
        CreateMap<V1.CreateProtocolRequest, CreateProtocolCommand>().ForCtorParam("Terms", o => o.MapFrom(s => s));
        CreateMap<V1.UpdateProtocolRequest, UpdateProtocolCommand>().ForCtorParam("Terms", o => o.MapFrom(s => s));
        CreateMap<V1.ActivateProtocolRequest, ChangeProtocolStatusCommand>()
            .ConvertUsing(r => new ChangeProtocolStatusCommand(r.ProtocolId, r.ExpectedVersion, ProtocolTransition.Activate));
        CreateMap<V1.ExpireProtocolRequest, ChangeProtocolStatusCommand>()
            .ConvertUsing(r => new ChangeProtocolStatusCommand(r.ProtocolId, r.ExpectedVersion, ProtocolTransition.Expire));
        CreateMap<V1.GetProtocolRequest, GetProtocolQuery>();
        CreateMap<V1.ListProtocolsRequest, ListProtocolsQuery>();
        CreateMap<EscalationContactInput, V1.EscalationContact>();
        CreateMap<InterAgencyProtocolDto, V1.InterAgencyProtocol>();
        CreateMap<Page<InterAgencyProtocolDto>, V1.ListProtocolsResponse>().ForMember(d => d.Protocols, o => o.MapFrom(s => s.Items));

        CreateMap<V1.MakeReferralRequest, MakeReferralCommand>();
        CreateMap<V1.GetReferralRequest, GetReferralQuery>();
        CreateMap<V1.ListReferralsRequest, ListReferralsQuery>();
        CreateMap<V1.ReceiveReferralRequest, ActOnReferralCommand>()
            .ConvertUsing(r => new ActOnReferralCommand(r.ReferralId, r.ExpectedVersion, ReferralAction.Receive, null, string.Empty));
        CreateMap<V1.AcceptReferralRequest, ActOnReferralCommand>()
            .ConvertUsing(r => new ActOnReferralCommand(r.ReferralId, r.ExpectedVersion, ReferralAction.Accept, null, r.Note));
        CreateMap<V1.RejectReferralRequest, ActOnReferralCommand>()
            .ConvertUsing((r, _, context) => new ActOnReferralCommand(
                r.ReferralId, r.ExpectedVersion, ReferralAction.Reject, context.Mapper.Map<Domain.Referrals.RejectionReason?>(r.Reason), r.Note));
        CreateMap<V1.CompleteReferralRequest, ActOnReferralCommand>()
            .ConvertUsing(r => new ActOnReferralCommand(r.ReferralId, r.ExpectedVersion, ReferralAction.Complete, null, r.Outcome));
        CreateMap<V1.CancelReferralRequest, ActOnReferralCommand>()
            .ConvertUsing(r => new ActOnReferralCommand(r.ReferralId, r.ExpectedVersion, ReferralAction.Cancel, null, r.Reason));
        CreateMap<ReferralDto, V1.Referral>()
            .ForMember(d => d.RejectionReason, o => o.MapFrom(s => s.RejectionReason.HasValue ? (V1.RejectionReason)(int)s.RejectionReason.Value : V1.RejectionReason.Unspecified));
        CreateMap<Page<ReferralDto>, V1.ListReferralsResponse>().ForMember(d => d.Referrals, o => o.MapFrom(s => s.Items));
    }
}
