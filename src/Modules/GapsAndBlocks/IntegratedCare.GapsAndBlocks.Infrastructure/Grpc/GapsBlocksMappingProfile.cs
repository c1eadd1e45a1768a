using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Mapping;
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
using Meetings = IntegratedCare.GapsAndBlocks.Domain.Meetings;
using Forms = IntegratedCare.GapsAndBlocks.Domain.Forms;
using V1 = IntegratedCare.GapsBlocks.V1;

namespace IntegratedCare.GapsAndBlocks.Infrastructure.Grpc;

/// <summary>Proto ↔ application types. Enum numbers match by design; UNSPECIFIED becomes "not given"; dates travel as YYYY-MM-DD.</summary>
internal sealed class GapsBlocksMappingProfile : ModuleProfile
{
    public GapsBlocksMappingProfile()
    {
        MapEnum<V1.FormCategory, Forms.FormCategory>();
        MapEnum<V1.FormKind, Forms.FormKind>();
        MapEnum<V1.FormStage, Forms.FormStage>();
        MapEnum<V1.StageHolder, Forms.StageHolder>();
        MapEnum<V1.ResolutionLevel, Forms.ResolutionLevel>();
        CreateMap<Forms.ResolutionLevel?, V1.ResolutionLevel>().ConvertUsing(r => r.HasValue ? (V1.ResolutionLevel)(int)r.Value : V1.ResolutionLevel.Unspecified);

        CreateMap<V1.ActionStep, ActionStepInput>();
        CreateMap<V1.CaseManagerContact, CaseManagerContactInput>();
        CreateMap<V1.FormFields, FormInput>();
        CreateMap<V1.CreateFormRequest, CreateFormCommand>();
        CreateMap<V1.UpdateFormRequest, UpdateFormCommand>();
        CreateMap<V1.GetFormRequest, GetFormQuery>();
        CreateMap<V1.ListFormsRequest, ListFormsQuery>();
        CreateMap<V1.TextToCheck, TextToCheck>();
        CreateMap<V1.CheckFormTextRequest, CheckFormTextQuery>();
        CreateMap<StepCall, MoveFormCommand>().ConvertUsing(c => new MoveFormCommand(c.Request.FormId, c.Request.ExpectedVersion, c.Step, c.Request.Text));

        CreateMap<Forms.ActionStep, V1.ActionStep>();
        CreateMap<Forms.CaseManagerContact, V1.CaseManagerContact>();
        CreateMap<Forms.Transition, V1.Transition>();
        CreateMap<Forms.OverdueAlert, V1.OverdueAlert>();
        CreateMap<FormDto, V1.Form>()
            .ForMember(d => d.ProjectName, o => o.MapFrom(s => s.Content.ProjectName))
            .ForMember(d => d.FormDate, o => o.MapFrom(s => s.Content.FormDate))
            .ForMember(d => d.CaseManager, o => o.MapFrom(s => s.Content.CaseManager))
            .ForMember(d => d.Overview, o => o.MapFrom(s => s.Content.Overview))
            .ForMember(d => d.Actions, o => o.MapFrom(s => s.Content.Actions))
            .ForMember(d => d.CurrentSituation, o => o.MapFrom(s => s.Content.CurrentSituation))
            .ForMember(d => d.Recommendations, o => o.MapFrom(s => s.Content.Recommendations))
            .ForMember(d => d.Category, o => o.MapFrom(s => s.Content.Category))
            .ForMember(d => d.Kind, o => o.MapFrom(s => s.Content.Kind))
            .ForMember(d => d.AgenciesInvolved, o => o.MapFrom(s => s.Content.AgenciesInvolved));
        CreateMap<Page<FormDto>, V1.ListFormsResponse>().ForMember(d => d.Forms, o => o.MapFrom(s => s.Items));
        MapEnum<V1.MeetingKind, Meetings.MeetingKind>();
        MapEnum<V1.ItemDecision, Meetings.ItemDecision>();
        CreateMap<Meetings.ItemDecision?, V1.ItemDecision>().ConvertUsing(d => d.HasValue ? (V1.ItemDecision)(int)d.Value : V1.ItemDecision.Unspecified);
        CreateMap<V1.ScheduleMeetingRequest, ScheduleMeetingCommand>();
        CreateMap<V1.ListMeetingsRequest, ListMeetingsQuery>();
        CreateMap<V1.GetMeetingPackRequest, GetMeetingPackQuery>();
        CreateMap<V1.MinuteInput, MinuteInput>();
        CreateMap<V1.RecordMinutesRequest, RecordMinutesCommand>();
        CreateMap<Meetings.MinuteItem, V1.MinuteItem>();
        CreateMap<MeetingDto, V1.Meeting>();
        CreateMap<IReadOnlyList<MeetingDto>, V1.ListMeetingsResponse>().ForMember(d => d.Meetings, o => o.MapFrom(s => s));
        CreateMap<PackItem, V1.PackItem>();
        CreateMap<MeetingPackDto, V1.MeetingPack>();
        MapEnum<V1.ReportDimension, ReportDimension>();
        CreateMap<V1.GetPlanningReportRequest, GetPlanningReportQuery>();
        CreateMap<ReportRow, V1.ReportRow>().ConvertUsing(r => Row(r));
        CreateMap<PlanningReportDto, V1.PlanningReport>();
        CreateMap<V1.AskForMoreDetailRequest, AskForMoreDetailCommand>();
        CreateMap<V1.GiveMoreDetailRequest, GiveMoreDetailCommand>();
        CreateMap<V1.ListMoreDetailRequest, ListMoreDetailQuery>();
        CreateMap<MoreDetailDto, V1.MoreDetail>();
        CreateMap<Page<MoreDetailDto>, V1.ListMoreDetailResponse>().ForMember(d => d.Details, o => o.MapFrom(s => s.Items));
        CreateMap<V1.ListHandedVariancesRequest, Application.Variances.ListHandedVariances.ListHandedVariancesQuery>();
        CreateMap<Application.Variances.HandedVarianceDto, V1.HandedVariance>();
        CreateMap<Page<Application.Variances.HandedVarianceDto>, V1.ListHandedVariancesResponse>().ForMember(d => d.Variances, o => o.MapFrom(s => s.Items));
        CreateMap<IdentifyingFinding, V1.IdentifyingFinding>();
        CreateMap<IReadOnlyList<IdentifyingFinding>, V1.CheckFormTextResponse>().ForMember(d => d.Findings, o => o.MapFrom(s => s));
    }

    /// <summary>A suppressed cell stays unset (proto3 optional), so it cannot be mistaken for zero.</summary>
    private static V1.ReportRow Row(ReportRow r)
    {
        var row = new V1.ReportRow { Key = r.Key };
        if (r.Forms is { } forms) { row.Forms = forms; }
        if (r.Resolved is { } resolved) { row.Resolved = resolved; }
        if (r.ResolvedByCoordinator is { } coordinator) { row.ResolvedByCoordinator = coordinator; }
        if (r.ResolvedBySubGroup is { } subGroup) { row.ResolvedBySubGroup = subGroup; }
        if (r.ResolvedByNdric is { } ndric) { row.ResolvedByNdric = ndric; }
        if (r.Overdue is { } overdue) { row.Overdue = overdue; }
        if (r.MedianDaysToResolution is { } median) { row.MedianDaysToResolution = median; }
        if (r.ShareResolvedByCoordinator is { } byCoordinator) { row.ShareResolvedByCoordinator = byCoordinator; }
        if (r.ShareResolvedBySubGroup is { } bySubGroup) { row.ShareResolvedBySubGroup = bySubGroup; }
        if (r.ShareResolvedByNdric is { } byNdric) { row.ShareResolvedByNdric = byNdric; }
        return row;
    }
}
