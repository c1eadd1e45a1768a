using AutoMapper;
using IntegratedCare.CarePlan.Application.Plans.AddGoal;
using IntegratedCare.CarePlan.Infrastructure.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using Plans = IntegratedCare.CarePlan.Domain.Plans;
using V1 = IntegratedCare.CarePlan.V1;

namespace CarePlan.Tests;

public sealed class MappingTests
{
    private static readonly MapperConfiguration Configuration = new(cfg => cfg.AddProfile<CarePlanMappingProfile>(), NullLoggerFactory.Instance);

    [Fact]
    public void Profile_IsValid() => Configuration.AssertConfigurationIsValid();

    [Fact]
    public void UnspecifiedEnumsAndEmptyDates_BecomeNotGiven()
    {
        var command = Configuration.CreateMapper().Map<AddGoalCommand>(new V1.AddGoalRequest { CarePlanId = "x" });

        Assert.Null(command.Domain);
        Assert.Equal(string.Empty, command.TargetDate);
    }

    [Fact]
    public void DomainAndProtoEnums_AgreeByNameAndNumber()
    {
        AssertAgree<Plans.CarePlanStatus, V1.CarePlanStatus>();
        AssertAgree<Plans.ActionStatus, V1.ActionStatus>();
        AssertAgree<Plans.GoalLifecycle, V1.GoalLifecycle>();
        AssertAgree<Plans.GoalAchievement, V1.GoalAchievement>();
        AssertAgree<Plans.TeamMemberStatus, V1.TeamMemberStatus>();
        AssertAgree<Plans.PathwayStage, V1.PathwayStage>();
        AssertAgree<Plans.NeedDomain, V1.NeedDomain>();
        AssertAgree<Plans.VarianceReason, V1.VarianceReason>();
        AssertAgree<Plans.VarianceKind, V1.VarianceKind>();
    }

    private static void AssertAgree<TDomain, TProto>()
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            Assert.Equal(value.ToString(), Enum.ToObject(typeof(TProto), Convert.ToInt32(value, null)).ToString());
        }

        Assert.Equal(Enum.GetValues<TDomain>().Length + 1, Enum.GetValues<TProto>().Length);
    }
}

public sealed class CategoryTests
{
    [Fact]
    public void EveryNeedDomain_IsDisclosedUnderTheSameCategoryAsInTheAssessment() =>
        Assert.All(Enum.GetValues<Plans.NeedDomain>(), d => Assert.Equal(
            IntegratedCare.Protocols.Contracts.DataCategories.ForNeedDomain(d.ToString()),
            IntegratedCare.CarePlan.Application.Plans.Categories.Of(d)));
}
