using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Application.Consents.GetConsent;
using IntegratedCare.Protocols.Application.Consents.ListConsents;
using IntegratedCare.Protocols.Application.Consents.RecordConsent;
using IntegratedCare.Protocols.Application.Consents.WithdrawConsent;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class ConsentGrpcService(GrpcMediator mediator) : ConsentService.ConsentServiceBase
{
    public override Task<Consent> RecordConsent(RecordConsentRequest request, ServerCallContext context) =>
        mediator.SendAsync<RecordConsentCommand, ConsentDto, Consent>(request, context);

    public override Task<Consent> WithdrawConsent(WithdrawConsentRequest request, ServerCallContext context) =>
        mediator.SendAsync<WithdrawConsentCommand, ConsentDto, Consent>(request, context);

    public override Task<Consent> GetConsent(GetConsentRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetConsentQuery, ConsentDto, Consent>(request, context);

    public override Task<ListConsentsResponse> ListConsents(ListConsentsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListConsentsQuery, Page<ConsentDto>, ListConsentsResponse>(request, context);
}
