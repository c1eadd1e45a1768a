using Grpc.Core;
using IntegratedCare.Assessment.Application.Assessments;
using IntegratedCare.Assessment.Application.Assessments.ClearRiskFlag;
using IntegratedCare.Assessment.Application.Assessments.CompleteAssessment;
using IntegratedCare.Assessment.Application.Assessments.ContributeDomains;
using IntegratedCare.Assessment.Application.Assessments.GetAssessment;
using IntegratedCare.Assessment.Application.Assessments.GetNeedsSummary;
using IntegratedCare.Assessment.Application.Assessments.ListAssessments;
using IntegratedCare.Assessment.Application.Assessments.RaiseRiskFlag;
using IntegratedCare.Assessment.Application.Assessments.StartAssessment;
using IntegratedCare.Assessment.Application.ServiceUsers;
using IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUser;
using IntegratedCare.Assessment.Application.ServiceUsers.RegisterServiceUser;
using IntegratedCare.Assessment.Application.ServiceUsers.SearchServiceUsers;
using IntegratedCare.Assessment.Application.ServiceUsers.UpdateServiceUser;
using IntegratedCare.Assessment.V1;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;

namespace IntegratedCare.Assessment.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class ServiceUserGrpcService(GrpcMediator mediator) : ServiceUserService.ServiceUserServiceBase
{
    public override Task<ServiceUser> RegisterServiceUser(RegisterServiceUserRequest request, ServerCallContext context) =>
        mediator.SendAsync<RegisterServiceUserCommand, ServiceUserDto, ServiceUser>(request, context);

    public override Task<ServiceUser> GetServiceUser(GetServiceUserRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetServiceUserQuery, ServiceUserDto, ServiceUser>(request, context);

    public override Task<ServiceUser> UpdateServiceUser(UpdateServiceUserRequest request, ServerCallContext context) =>
        mediator.SendAsync<UpdateServiceUserCommand, ServiceUserDto, ServiceUser>(request, context);

    public override Task<SearchServiceUsersResponse> SearchServiceUsers(SearchServiceUsersRequest request, ServerCallContext context) =>
        mediator.SendAsync<SearchServiceUsersQuery, IReadOnlyList<ServiceUserMatchDto>, SearchServiceUsersResponse>(request, context);
}

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class AssessmentGrpcService(GrpcMediator mediator) : AssessmentService.AssessmentServiceBase
{
    public override Task<V1.Assessment> StartAssessment(StartAssessmentRequest request, ServerCallContext context) =>
        mediator.SendAsync<StartAssessmentCommand, AssessmentDto, V1.Assessment>(request, context);

    public override Task<V1.Assessment> GetAssessment(GetAssessmentRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetAssessmentQuery, AssessmentDto, V1.Assessment>(request, context);

    public override Task<ListAssessmentsResponse> ListAssessments(ListAssessmentsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListAssessmentsQuery, Page<AssessmentSummaryDto>, ListAssessmentsResponse>(request, context);

    public override Task<V1.Assessment> ContributeDomains(ContributeDomainsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ContributeDomainsCommand, AssessmentDto, V1.Assessment>(request, context);

    public override Task<V1.Assessment> RaiseRiskFlag(RaiseRiskFlagRequest request, ServerCallContext context) =>
        mediator.SendAsync<RaiseRiskFlagCommand, AssessmentDto, V1.Assessment>(request, context);

    public override Task<V1.Assessment> ClearRiskFlag(ClearRiskFlagRequest request, ServerCallContext context) =>
        mediator.SendAsync<ClearRiskFlagCommand, AssessmentDto, V1.Assessment>(request, context);

    public override Task<V1.Assessment> CompleteAssessment(CompleteAssessmentRequest request, ServerCallContext context) =>
        mediator.SendAsync<CompleteAssessmentCommand, AssessmentDto, V1.Assessment>(request, context);

    public override Task<NeedsSummary> GetNeedsSummary(GetNeedsSummaryRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetNeedsSummaryQuery, NeedsSummaryDto, NeedsSummary>(request, context);
}
