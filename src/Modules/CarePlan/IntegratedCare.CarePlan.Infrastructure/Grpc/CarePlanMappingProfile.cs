using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Mapping;
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
using IntegratedCare.CarePlan.Application.Plans.GetOutcomeReport;
using IntegratedCare.CarePlan.Application.Plans.GetWaitingTimesReport;
using IntegratedCare.CarePlan.Application.Plans.HandVarianceToGapsAndBlocks;
using IntegratedCare.CarePlan.Application.Plans.ListCarePlanVersions;
using IntegratedCare.CarePlan.Application.Plans.ListCarePlans;
using IntegratedCare.CarePlan.Application.Plans.ListOverdueReviews;
using IntegratedCare.CarePlan.Application.Plans.MoveToStage;
using IntegratedCare.CarePlan.Application.Plans.PutCarePlanOnHold;
using IntegratedCare.CarePlan.Application.Plans.RecordParticipation;
using IntegratedCare.CarePlan.Application.Plans.RecordReview;
using IntegratedCare.CarePlan.Application.Plans.ReportProgress;
using IntegratedCare.CarePlan.Application.Plans.RevokeCarePlan;
using IntegratedCare.CarePlan.Application.Plans.SetReviewInterval;
using IntegratedCare.CarePlan.Application.Plans.GetTreatmentOutcomes;
using IntegratedCare.CarePlan.Application.Plans.RecordTreatmentOutcomes;
using IntegratedCare.CarePlan.Application.Plans.UpdateGoal;
using Plans = IntegratedCare.CarePlan.Domain.Plans;
using V1 = IntegratedCare.CarePlan.V1;

namespace IntegratedCare.CarePlan.Infrastructure.Grpc;

/// <summary>Proto ↔ application types. Enum numbers match by design; UNSPECIFIED becomes "not given"; dates travel as YYYY-MM-DD.</summary>
internal sealed class CarePlanMappingProfile : ModuleProfile
{
    public CarePlanMappingProfile()
    {
        MapEnum<V1.CarePlanStatus, Plans.CarePlanStatus>();
        MapEnum<V1.ActionStatus, Plans.ActionStatus>();
        MapEnum<V1.GoalLifecycle, Plans.GoalLifecycle>();
        MapEnum<V1.GoalAchievement, Plans.GoalAchievement>();
        MapEnum<V1.TeamMemberStatus, Plans.TeamMemberStatus>();
        MapEnum<V1.PathwayStage, Plans.PathwayStage>();
        MapEnum<V1.NeedDomain, Plans.NeedDomain>();
        MapEnum<V1.VarianceReason, Plans.VarianceReason>();
        MapEnum<V1.VarianceKind, Plans.VarianceKind>();
        MapEnum<V1.TopOccasion, Plans.TopOccasion>();
        MapEnum<V1.TopSection, Plans.TopSection>();
        MapEnum<V1.TopChange, TopChange>();
        MapEnum<V1.OutcomeReportDimension, OutcomeReportDimension>();
        MapEnum<V1.WaitingTimesDimension, WaitingTimesDimension>();
        CreateMap<Plans.GoalAchievement?, V1.GoalAchievement>().ConvertUsing(a => a.HasValue ? (V1.GoalAchievement)(int)a.Value : V1.GoalAchievement.Unspecified);
        CreateMap<Plans.VarianceReason?, V1.VarianceReason>().ConvertUsing(r => r.HasValue ? (V1.VarianceReason)(int)r.Value : V1.VarianceReason.Unspecified);

        // Requests.
        CreateMap<V1.GetCarePlanRequest, GetCarePlanQuery>();
        CreateMap<V1.ListCarePlansRequest, ListCarePlansQuery>();
        CreateMap<V1.ListCarePlanVersionsRequest, ListCarePlanVersionsQuery>();
        CreateMap<V1.RecordParticipationRequest, RecordParticipationCommand>();
        CreateMap<V1.AddGoalRequest, AddGoalCommand>();
        CreateMap<V1.UpdateGoalRequest, UpdateGoalCommand>();
        CreateMap<V1.ActivateCarePlanRequest, ActivateCarePlanCommand>();
        CreateMap<V1.AddActionRequest, AddActionCommand>();
        CreateMap<V1.PutCarePlanOnHoldRequest, PutCarePlanOnHoldCommand>();
        CreateMap<V1.RevokeCarePlanRequest, RevokeCarePlanCommand>();
        CreateMap<V1.AssignLeadCaseManagerRequest, AssignLeadCaseManagerCommand>();
        CreateMap<V1.AcceptActionRequest, AcceptActionCommand>();
        CreateMap<V1.DeclineActionRequest, DeclineActionCommand>();
        CreateMap<V1.ReportProgressRequest, ReportProgressCommand>();
        CreateMap<V1.CodeVarianceRequest, CodeVarianceCommand>();
        CreateMap<V1.HandVarianceToGapsAndBlocksRequest, HandVarianceToGapsAndBlocksCommand>();
        CreateMap<V1.SetReviewIntervalRequest, SetReviewIntervalCommand>();
        CreateMap<V1.GoalProgress, GoalProgressInput>();
        CreateMap<V1.OutcomeScore, OutcomeScoreInput>();
        CreateMap<V1.RecordReviewRequest, RecordReviewCommand>();
        CreateMap<V1.ListOverdueReviewsRequest, ListOverdueReviewsQuery>();
        CreateMap<V1.MoveToStageRequest, MoveToStageCommand>();
        CreateMap<V1.ExitCarePlanRequest, ExitCarePlanCommand>();
        CreateMap<V1.TopSubstanceUse, TopSubstanceUseInput>();
        CreateMap<V1.TopCrime, TopCrimeInput>();
        // An unset rating stays unset (the validator names it); an unset part stays null (the validator refuses it): never a 500.
        CreateMap<V1.TopHealth?, TopHealthInput?>().ConvertUsing(h => h == null ? null : new TopHealthInput(
            h.HasPsychologicalHealth ? h.PsychologicalHealth : null, h.HasPhysicalHealth ? h.PhysicalHealth : null, h.HasQualityOfLife ? h.QualityOfLife : null));
        CreateMap<V1.TopHousing, TopHousingInput>();
        CreateMap<V1.TopWork, TopWorkInput>();
        CreateMap<V1.RecordTreatmentOutcomesRequest, RecordTreatmentOutcomesCommand>();
        CreateMap<V1.GetTreatmentOutcomesRequest, GetTreatmentOutcomesQuery>();
        CreateMap<V1.GetOutcomeReportRequest, GetOutcomeReportQuery>();
        CreateMap<V1.GetWaitingTimesReportRequest, GetWaitingTimesReportQuery>();

        // Replies.
        CreateMap<Plans.Participation, V1.Participation>();
        CreateMap<Plans.Goal, V1.Goal>();
        CreateMap<Plans.ProgressNote, V1.ProgressNote>();
        CreateMap<Plans.PlanAction, V1.PlanAction>();
        CreateMap<Plans.TeamMember, V1.TeamMember>();
        CreateMap<Plans.Variance, V1.Variance>();
        CreateMap<Plans.GoalProgress, V1.GoalProgress>();
        CreateMap<Plans.OutcomeScore, V1.OutcomeScore>();
        CreateMap<Plans.Review, V1.Review>();
        CreateMap<StageTimeDto, V1.StageTime>();
        // Its "other" substance would otherwise be taken for the proto's copy constructor's parameter.
        CreateMap<Plans.TopSubstanceUse, V1.TopSubstanceUse>().ConstructUsing(_ => new V1.TopSubstanceUse());
        CreateMap<Plans.TopCrime, V1.TopCrime>();
        CreateMap<Plans.TopHealth, V1.TopHealth>();
        CreateMap<Plans.TopHousing, V1.TopHousing>();
        CreateMap<Plans.TopWork, V1.TopWork>();
        CreateMap<Plans.TreatmentOutcomesProfile, V1.TreatmentOutcomesProfile>();
        CreateMap<TopValueDto, V1.TopValue>();
        CreateMap<TopItemTrendDto, V1.TopItemTrend>();
        CreateMap<TreatmentOutcomesDto, V1.TreatmentOutcomes>();
        CreateMap<OutcomeReportRow, V1.OutcomeReportRow>().ConvertUsing(r => Row(r));
        CreateMap<OutcomeReportDto, V1.OutcomeReport>();
        CreateMap<WaitingTimesRow, V1.WaitingTimesRow>().ConvertUsing(r => Row(r));
        CreateMap<WaitingTimesReportDto, V1.WaitingTimesReport>();
        CreateMap<CarePlanDto, V1.CarePlan>();
        CreateMap<Page<CarePlanDto>, V1.ListCarePlansResponse>().ForMember(d => d.CarePlans, o => o.MapFrom(s => s.Items));
        CreateMap<CarePlanVersionDto, V1.CarePlanVersion>();
        CreateMap<Page<CarePlanVersionDto>, V1.ListCarePlanVersionsResponse>().ForMember(d => d.Versions, o => o.MapFrom(s => s.Items));
        CreateMap<OverdueReviewDto, V1.OverdueReview>();
        CreateMap<Page<OverdueReviewDto>, V1.ListOverdueReviewsResponse>().ForMember(d => d.Reviews, o => o.MapFrom(s => s.Items));
        CreateMap<CarePlanChangeDto, V1.CarePlanChange>();
    }

    /// <summary>A suppressed cell stays unset (proto3 optional), so it cannot be mistaken for zero.</summary>
    private static V1.OutcomeReportRow Row(OutcomeReportRow r)
    {
        var row = new V1.OutcomeReportRow { Key = r.Key };
        if (r.People is { } people) { row.People = people; }
        if (r.UsingAtStart is { } usingAtStart) { row.UsingAtStart = usingAtStart; }
        if (r.UseImproved is { } useImproved) { row.UseImproved = useImproved; }
        if (r.InjectingAtStart is { } injecting) { row.InjectingAtStart = injecting; }
        if (r.InjectingImproved is { } injectingImproved) { row.InjectingImproved = injectingImproved; }
        if (r.HealthImproved is { } healthImproved) { row.HealthImproved = healthImproved; }
        if (r.ShareUseImproved is { } shareUse) { row.ShareUseImproved = shareUse; }
        if (r.ShareInjectingImproved is { } shareInjecting) { row.ShareInjectingImproved = shareInjecting; }
        if (r.ShareHealthImproved is { } shareHealth) { row.ShareHealthImproved = shareHealth; }
        return row;
    }

    private static V1.WaitingTimesRow Row(WaitingTimesRow r)
    {
        var row = new V1.WaitingTimesRow { Key = r.Key };
        if (r.Referred is { } referred) { row.Referred = referred; }
        if (r.Started is { } started) { row.Started = started; }
        if (r.WithinOneWeek is { } week) { row.WithinOneWeek = week; }
        if (r.OneToThreeWeeks is { } threeWeeks) { row.OneToThreeWeeks = threeWeeks; }
        if (r.ThreeToSixWeeks is { } sixWeeks) { row.ThreeToSixWeeks = sixWeeks; }
        if (r.OverSixWeeks is { } longer) { row.OverSixWeeks = longer; }
        if (r.WaitingOverThreeWeeks is { } waiting) { row.WaitingOverThreeWeeks = waiting; }
        if (r.MedianDaysToStart is { } median) { row.MedianDaysToStart = median; }
        if (r.ShareWithinStandard is { } share) { row.ShareWithinStandard = share; }
        return row;
    }
}
