using AutoMapper;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Application.Plans.AcceptAction;
using IntegratedCare.CarePlan.Application.Plans.ActivateCarePlan;
using IntegratedCare.CarePlan.Application.Plans.AddAction;
using IntegratedCare.CarePlan.Application.Plans.AddGoal;
using IntegratedCare.CarePlan.Application.Plans.AssignLeadCaseManager;
using IntegratedCare.CarePlan.Application.Plans.CodeVariance;
using IntegratedCare.CarePlan.Application.Plans.DeclineAction;
using IntegratedCare.CarePlan.Application.Plans.ExitCarePlan;
using IntegratedCare.CarePlan.Application.Plans.GetCarePlan;
using IntegratedCare.CarePlan.Application.Plans.HandVarianceToGapsAndBlocks;
using IntegratedCare.CarePlan.Application.Plans.ListCarePlanVersions;
using IntegratedCare.CarePlan.Application.Plans.ListCarePlans;
using IntegratedCare.CarePlan.Application.Plans.ListOverdueReviews;
using IntegratedCare.CarePlan.Application.Plans.MoveToStage;
using IntegratedCare.CarePlan.Application.Plans.PutCarePlanOnHold;
using IntegratedCare.CarePlan.Application.Plans.ReadCarePlanChanges;
using IntegratedCare.CarePlan.Application.Plans.RecordParticipation;
using IntegratedCare.CarePlan.Application.Plans.RecordReview;
using IntegratedCare.CarePlan.Application.Plans.ReportProgress;
using IntegratedCare.CarePlan.Application.Plans.RevokeCarePlan;
using IntegratedCare.CarePlan.Application.Plans.SetReviewInterval;
using IntegratedCare.CarePlan.Application.Plans.GetOutcomeReport;
using IntegratedCare.CarePlan.Application.Plans.GetWaitingTimesReport;
using IntegratedCare.CarePlan.Application.Plans.GetTreatmentOutcomes;
using IntegratedCare.CarePlan.Application.Plans.RecordTreatmentOutcomes;
using IntegratedCare.CarePlan.Application.Plans.UpdateGoal;
using IntegratedCare.CarePlan.V1;
using MediatR;

namespace IntegratedCare.CarePlan.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class CarePlanGrpcService(GrpcMediator grpc, IMapper mapper, CarePlanFeedSignal signal) : CarePlanService.CarePlanServiceBase
{
    private const int FeedBatch = 100;

    public override Task<V1.CarePlan> GetCarePlan(GetCarePlanRequest request, ServerCallContext context) =>
        grpc.SendAsync<GetCarePlanQuery, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<ListCarePlansResponse> ListCarePlans(ListCarePlansRequest request, ServerCallContext context) =>
        grpc.SendAsync<ListCarePlansQuery, Page<CarePlanDto>, ListCarePlansResponse>(request, context);

    public override Task<ListCarePlanVersionsResponse> ListCarePlanVersions(ListCarePlanVersionsRequest request, ServerCallContext context) =>
        grpc.SendAsync<ListCarePlanVersionsQuery, Page<CarePlanVersionDto>, ListCarePlanVersionsResponse>(request, context);

    public override Task<V1.CarePlan> RecordParticipation(RecordParticipationRequest request, ServerCallContext context) =>
        grpc.SendAsync<RecordParticipationCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> AddGoal(AddGoalRequest request, ServerCallContext context) =>
        grpc.SendAsync<AddGoalCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> UpdateGoal(UpdateGoalRequest request, ServerCallContext context) =>
        grpc.SendAsync<UpdateGoalCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> ActivateCarePlan(ActivateCarePlanRequest request, ServerCallContext context) =>
        grpc.SendAsync<ActivateCarePlanCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> PutCarePlanOnHold(PutCarePlanOnHoldRequest request, ServerCallContext context) =>
        grpc.SendAsync<PutCarePlanOnHoldCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> RevokeCarePlan(RevokeCarePlanRequest request, ServerCallContext context) =>
        grpc.SendAsync<RevokeCarePlanCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> AssignLeadCaseManager(AssignLeadCaseManagerRequest request, ServerCallContext context) =>
        grpc.SendAsync<AssignLeadCaseManagerCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> AddAction(AddActionRequest request, ServerCallContext context) =>
        grpc.SendAsync<AddActionCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> AcceptAction(AcceptActionRequest request, ServerCallContext context) =>
        grpc.SendAsync<AcceptActionCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> DeclineAction(DeclineActionRequest request, ServerCallContext context) =>
        grpc.SendAsync<DeclineActionCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> ReportProgress(ReportProgressRequest request, ServerCallContext context) =>
        grpc.SendAsync<ReportProgressCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> CodeVariance(CodeVarianceRequest request, ServerCallContext context) =>
        grpc.SendAsync<CodeVarianceCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> HandVarianceToGapsAndBlocks(HandVarianceToGapsAndBlocksRequest request, ServerCallContext context) =>
        grpc.SendAsync<HandVarianceToGapsAndBlocksCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> SetReviewInterval(SetReviewIntervalRequest request, ServerCallContext context) =>
        grpc.SendAsync<SetReviewIntervalCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> RecordReview(RecordReviewRequest request, ServerCallContext context) =>
        grpc.SendAsync<RecordReviewCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> RecordTreatmentOutcomes(RecordTreatmentOutcomesRequest request, ServerCallContext context) =>
        grpc.SendAsync<RecordTreatmentOutcomesCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<TreatmentOutcomes> GetTreatmentOutcomes(GetTreatmentOutcomesRequest request, ServerCallContext context) =>
        grpc.SendAsync<GetTreatmentOutcomesQuery, TreatmentOutcomesDto, TreatmentOutcomes>(request, context);

    public override Task<OutcomeReport> GetOutcomeReport(GetOutcomeReportRequest request, ServerCallContext context) =>
        grpc.SendAsync<GetOutcomeReportQuery, OutcomeReportDto, OutcomeReport>(request, context);

    public override Task<WaitingTimesReport> GetWaitingTimesReport(GetWaitingTimesReportRequest request, ServerCallContext context) =>
        grpc.SendAsync<GetWaitingTimesReportQuery, WaitingTimesReportDto, WaitingTimesReport>(request, context);

    public override Task<ListOverdueReviewsResponse> ListOverdueReviews(ListOverdueReviewsRequest request, ServerCallContext context) =>
        grpc.SendAsync<ListOverdueReviewsQuery, Page<OverdueReviewDto>, ListOverdueReviewsResponse>(request, context);

    public override Task<V1.CarePlan> MoveToStage(MoveToStageRequest request, ServerCallContext context) =>
        grpc.SendAsync<MoveToStageCommand, CarePlanDto, V1.CarePlan>(request, context);

    public override Task<V1.CarePlan> ExitCarePlan(ExitCarePlanRequest request, ServerCallContext context) =>
        grpc.SendAsync<ExitCarePlanCommand, CarePlanDto, V1.CarePlan>(request, context);

    /// <summary>
    /// Reads the feed in rounds (each an audited request) and waits between them for the next committed
    /// change, or a short poll for changes another host process made. Ends when the caller goes.
    /// </summary>
    public override async Task FollowCarePlanChanges(FollowCarePlanChangesRequest request, IServerStreamWriter<CarePlanChange> responseStream, ServerCallContext context)
    {
        var cancellation = context.CancellationToken;
        var after = request.AfterPosition;
        // An idle follower costs nothing: it waits for a plan change to commit (or for its token to expire,
        // when the next round ends the stream), and runs no query, writes no audit record, meanwhile.
        var expiresIn = TokenLifetime(context);
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var changed = signal.Changed;
                // Each round in its own scope: a consent withdrawn since the last round holds for the next change sent.
                var batch = await grpc.SendFreshAsync(new ReadCarePlanChangesQuery(after, FeedBatch), context);
                foreach (var change in batch.Changes)
                {
                    await responseStream.WriteAsync(mapper.Map<CarePlanChange>(change), cancellation);
                }

                // "From now" (-1) resolving to the latest position is not a move: there is nothing more to read yet.
                var moved = after >= 0 && batch.ResumeAfter != after;
                after = batch.ResumeAfter;
                if (!moved)
                {
                    await Task.WhenAny(changed, Task.Delay(expiresIn(), cancellation));
                }
            }
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            // The follower went away or its deadline passed: whatever the interrupted round threw (a
            // cancelled command, a rolled-back transaction), the stream simply ends. It resumes from the
            // last position it received.
        }
    }

    /// <summary>How long until the caller's token expires (checked against the wall clock, as the validator does).</summary>
    private static Func<TimeSpan> TokenLifetime(ServerCallContext context)
    {
        var exp = context.GetHttpContext().User.FindFirst("exp")?.Value;
        var expires = long.TryParse(exp, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MaxValue;
        return () =>
        {
            var left = expires - DateTimeOffset.UtcNow;
            return left <= TimeSpan.Zero ? TimeSpan.Zero : left > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : left + TimeSpan.FromMilliseconds(50);
        };
    }
}
