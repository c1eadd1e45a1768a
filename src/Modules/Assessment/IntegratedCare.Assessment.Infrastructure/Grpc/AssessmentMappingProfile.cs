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
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Mapping;
using Domain = IntegratedCare.Assessment.Domain;
using V1 = IntegratedCare.Assessment.V1;

namespace IntegratedCare.Assessment.Infrastructure.Grpc;

/// <summary>Proto ↔ application types. Enum numbers match by design; UNSPECIFIED becomes "not given".</summary>
internal sealed class AssessmentMappingProfile : ModuleProfile
{
    public AssessmentMappingProfile()
    {
        MapEnum<V1.IdentifierScheme, Domain.ServiceUsers.IdentifierScheme>();
        MapEnum<V1.MatchStrength, Domain.ServiceUsers.MatchStrength>();
        MapEnum<V1.NeedDomain, Domain.Assessments.NeedDomain>();
        MapEnum<V1.NeedLevel, Domain.Assessments.NeedLevel>();
        MapEnum<V1.RiskFlag, Domain.Assessments.RiskFlag>();
        MapEnum<V1.AssessmentStatus, Domain.Assessments.AssessmentStatus>();
        MapEnum<V1.NeedTrend, NeedTrend>();

        // The register.
        CreateMap<V1.PersonName, PersonNameInput>();
        CreateMap<V1.PersonIdentifier, PersonIdentifierInput>();
        CreateMap<V1.ContactDetails, ContactDetailsInput>();
        CreateMap<V1.Address, AddressInput>();
        CreateMap<V1.ServiceUserDetails, ServiceUserDetailsInput>();
        CreateMap<V1.RegisterServiceUserRequest, RegisterServiceUserCommand>();
        CreateMap<V1.GetServiceUserRequest, GetServiceUserQuery>();
        CreateMap<V1.UpdateServiceUserRequest, UpdateServiceUserCommand>();
        CreateMap<V1.SearchServiceUsersRequest, SearchServiceUsersQuery>();
        CreateMap<PersonNameInput, V1.PersonName>();
        CreateMap<PersonIdentifierDto, V1.PersonIdentifier>();
        CreateMap<ContactDetailsInput, V1.ContactDetails>();
        CreateMap<AddressInput, V1.Address>();
        CreateMap<ServiceUserDto, V1.ServiceUser>();
        CreateMap<ServiceUserMatchDto, V1.ServiceUserMatch>();
        CreateMap<IReadOnlyList<ServiceUserMatchDto>, V1.SearchServiceUsersResponse>().ForMember(d => d.Matches, o => o.MapFrom(s => s));

        // Assessments. proto3 "optional" ints arrive with a presence flag.
        CreateMap<V1.DomainInput, DomainInputDto>()
            .ForCtorParam(nameof(DomainInputDto.ChildrenInHousehold), o => o.MapFrom(s => s.HasChildrenInHousehold ? s.ChildrenInHousehold : (int?)null));
        CreateMap<V1.StartAssessmentRequest, StartAssessmentCommand>();
        CreateMap<V1.GetAssessmentRequest, GetAssessmentQuery>();
        CreateMap<V1.ListAssessmentsRequest, ListAssessmentsQuery>();
        CreateMap<V1.ContributeDomainsRequest, ContributeDomainsCommand>();
        CreateMap<V1.RaiseRiskFlagRequest, RaiseRiskFlagCommand>();
        CreateMap<V1.ClearRiskFlagRequest, ClearRiskFlagCommand>();
        CreateMap<V1.CompleteAssessmentRequest, CompleteAssessmentCommand>();
        CreateMap<V1.GetNeedsSummaryRequest, GetNeedsSummaryQuery>();
        CreateMap<DomainFindingDto, V1.DomainFinding>()
            .ForMember(d => d.ChildrenInHousehold, o =>
            {
                o.PreCondition(s => s.ChildrenInHousehold.HasValue);
                o.MapFrom(s => s.ChildrenInHousehold!.Value);
            });
        CreateMap<RiskFlagDto, V1.RiskFlagEntry>();
        CreateMap<AssessmentDto, V1.Assessment>();
        CreateMap<AssessmentSummaryDto, V1.AssessmentSummary>();
        CreateMap<Page<AssessmentSummaryDto>, V1.ListAssessmentsResponse>().ForMember(d => d.Assessments, o => o.MapFrom(s => s.Items));
        CreateMap<NeedPointDto, V1.NeedPoint>();
        CreateMap<DomainTrendDto, V1.DomainTrend>();
        CreateMap<TierPointDto, V1.TierPoint>();
        CreateMap<NeedsSummaryDto, V1.NeedsSummary>();
    }
}
