using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.GapsAndBlocks.Application.Details;
using IntegratedCare.GapsAndBlocks.Application.Details.AskForMoreDetail;
using IntegratedCare.GapsAndBlocks.Application.Details.GiveMoreDetail;
using IntegratedCare.GapsAndBlocks.Application.Details.ListMoreDetail;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Application.Forms.CheckFormText;
using IntegratedCare.GapsAndBlocks.Application.Forms.CreateForm;
using IntegratedCare.GapsAndBlocks.Application.Forms.GetForm;
using IntegratedCare.GapsAndBlocks.Application.Forms.ListForms;
using IntegratedCare.GapsAndBlocks.Application.Forms.MoveForm;
using IntegratedCare.GapsAndBlocks.Application.Forms.UpdateForm;
using IntegratedCare.GapsAndBlocks.Application.Meetings;
using IntegratedCare.GapsAndBlocks.Application.Meetings.GetMeetingPack;
using IntegratedCare.GapsAndBlocks.Application.Meetings.ListMeetings;
using IntegratedCare.GapsAndBlocks.Application.Meetings.RecordMinutes;
using IntegratedCare.GapsAndBlocks.Application.Meetings.ScheduleMeeting;
using IntegratedCare.GapsAndBlocks.Application.Reports;
using IntegratedCare.GapsAndBlocks.Application.Reports.GetPlanningReport;
using IntegratedCare.GapsBlocks.V1;

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class GapsBlocksGrpcService(GrpcMediator mediator) : GapsBlocksService.GapsBlocksServiceBase
{
    public override Task<Form> CreateForm(CreateFormRequest request, ServerCallContext context) =>
        mediator.SendAsync<CreateFormCommand, FormDto, Form>(request, context);

    public override Task<Form> UpdateForm(UpdateFormRequest request, ServerCallContext context) =>
        mediator.SendAsync<UpdateFormCommand, FormDto, Form>(request, context);

    public override Task<Form> GetForm(GetFormRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetFormQuery, FormDto, Form>(request, context);

    public override Task<ListFormsResponse> ListForms(ListFormsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListFormsQuery, Page<FormDto>, ListFormsResponse>(request, context);

    public override Task<CheckFormTextResponse> CheckFormText(CheckFormTextRequest request, ServerCallContext context) =>
        mediator.SendAsync<CheckFormTextQuery, IReadOnlyList<Application.Forms.IdentifyingFinding>, CheckFormTextResponse>(request, context);

    public override Task<Form> Attest(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.Attest, context);

    public override Task<Form> Endorse(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.Endorse, context);

    public override Task<Form> ReturnForm(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.Return, context);

    public override Task<Form> ResolveByCoordinator(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.ResolveByCoordinator, context);

    public override Task<Form> RaiseToSubGroup(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.RaiseToSubGroup, context);

    public override Task<Form> ResolveBySubGroup(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.ResolveBySubGroup, context);

    public override Task<Form> ReferToNdric(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.ReferToNdric, context);

    public override Task<Form> RecordNdricDecision(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.RecordNdricDecision, context);

    public override Task<Form> ReportBack(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.ReportBack, context);

    public override Task<Form> AcknowledgeForSubGroup(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.AcknowledgeForSubGroup, context);

    public override Task<Form> AcknowledgeAsCaseManager(LadderStepRequest request, ServerCallContext context) => Step(request, LadderStep.AcknowledgeAsCaseManager, context);

    public override Task<Meeting> ScheduleMeeting(ScheduleMeetingRequest request, ServerCallContext context) =>
        mediator.SendAsync<ScheduleMeetingCommand, MeetingDto, Meeting>(request, context);

    public override Task<ListMeetingsResponse> ListMeetings(ListMeetingsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListMeetingsQuery, IReadOnlyList<MeetingDto>, ListMeetingsResponse>(request, context);

    public override Task<MeetingPack> GetMeetingPack(GetMeetingPackRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetMeetingPackQuery, MeetingPackDto, MeetingPack>(request, context);

    public override Task<MeetingPack> RecordMinutes(RecordMinutesRequest request, ServerCallContext context) =>
        mediator.SendAsync<RecordMinutesCommand, MeetingPackDto, MeetingPack>(request, context);

    public override Task<PlanningReport> GetPlanningReport(GetPlanningReportRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetPlanningReportQuery, PlanningReportDto, PlanningReport>(request, context);

    public override Task<MoreDetail> AskForMoreDetail(AskForMoreDetailRequest request, ServerCallContext context) =>
        mediator.SendAsync<AskForMoreDetailCommand, MoreDetailDto, MoreDetail>(request, context);

    public override Task<MoreDetail> GiveMoreDetail(GiveMoreDetailRequest request, ServerCallContext context) =>
        mediator.SendAsync<GiveMoreDetailCommand, MoreDetailDto, MoreDetail>(request, context);

    public override Task<ListMoreDetailResponse> ListMoreDetail(ListMoreDetailRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListMoreDetailQuery, Page<MoreDetailDto>, ListMoreDetailResponse>(request, context);

    public override Task<ListHandedVariancesResponse> ListHandedVariances(ListHandedVariancesRequest request, ServerCallContext context) =>
        mediator.SendAsync<Application.Variances.ListHandedVariances.ListHandedVariancesQuery, Page<Application.Variances.HandedVarianceDto>, ListHandedVariancesResponse>(request, context);

    /// <summary>Each ladder RPC is one step of the same request; the step comes from the method called.</summary>
    private Task<Form> Step(LadderStepRequest request, LadderStep step, ServerCallContext context) =>
        mediator.SendAsync<MoveFormCommand, FormDto, Form>(new StepCall(request, step), context);
}

/// <summary>A ladder RPC's message with the step its method names.</summary>
internal sealed record StepCall(LadderStepRequest Request, LadderStep Step);
