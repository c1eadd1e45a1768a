using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.Protocols.Application.Referrals;
using IntegratedCare.Protocols.Application.Referrals.ActOnReferral;
using IntegratedCare.Protocols.Application.Referrals.GetReferral;
using IntegratedCare.Protocols.Application.Referrals.ListReferrals;
using IntegratedCare.Protocols.Application.Referrals.MakeReferral;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class ReferralGrpcService(GrpcMediator mediator) : ReferralService.ReferralServiceBase
{
    public override Task<Referral> MakeReferral(MakeReferralRequest request, ServerCallContext context) =>
        mediator.SendAsync<MakeReferralCommand, ReferralDto, Referral>(request, context);

    public override Task<Referral> GetReferral(GetReferralRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetReferralQuery, ReferralDto, Referral>(request, context);

    public override Task<ListReferralsResponse> ListReferrals(ListReferralsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListReferralsQuery, Page<ReferralDto>, ListReferralsResponse>(request, context);

    public override Task<Referral> ReceiveReferral(ReceiveReferralRequest request, ServerCallContext context) => Act(request, context);

    public override Task<Referral> AcceptReferral(AcceptReferralRequest request, ServerCallContext context) => Act(request, context);

    public override Task<Referral> RejectReferral(RejectReferralRequest request, ServerCallContext context) => Act(request, context);

    public override Task<Referral> CompleteReferral(CompleteReferralRequest request, ServerCallContext context) => Act(request, context);

    public override Task<Referral> CancelReferral(CancelReferralRequest request, ServerCallContext context) => Act(request, context);

    private Task<Referral> Act(object request, ServerCallContext context) =>
        mediator.SendAsync<ActOnReferralCommand, ReferralDto, Referral>(request, context);
}
