using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using static GapsAndBlocks.Tests.TestForms;

namespace GapsAndBlocks.Tests;

/// <summary>The escalation ladder: every rung's steps taken from their own stage, refused from every other.</summary>
public sealed class LadderTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(3);

    public static TheoryData<string, FormStage> StepsFromOtherStages()
    {
        var data = new TheoryData<string, FormStage>();
        foreach (var (step, from) in Steps)
        {
            foreach (var stage in Enum.GetValues<FormStage>().Where(s => s != from))
            {
                data.Add(step, stage);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("Attest", FormStage.AwaitingEndorsement, StageHolder.LineManager, "attested", "Staff team", "cm")]
    [InlineData("Endorse", FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator, "endorsed", "Warrants attention", "lm")]
    [InlineData("Return", FormStage.Draft, StageHolder.CaseManager, "returned", "Say more", "lm")]
    [InlineData("ResolveByCoordinator", FormStage.Closed, StageHolder.Nobody, "resolved by the co-ordinator", "Found a place", "co")]
    [InlineData("RaiseToSubGroup", FormStage.AtSubGroup, StageHolder.SubGroup, "raised at the sub-group", "Needs the sub-group", "co")]
    [InlineData("ResolveBySubGroup", FormStage.Closed, StageHolder.Nobody, "resolved by the sub-group", "Agreed places", "sg")]
    [InlineData("ReferToNdric", FormStage.AtNdric, StageHolder.NationalCoordinator, "referred to NDRIC", "National gap", "sg")]
    [InlineData("RecordNdricDecision", FormStage.ReportingBack, StageHolder.RehabilitationCoordinator, "NDRIC decided actions", "Commission places", "nc")]
    [InlineData("ReportBack", FormStage.AwaitingAcknowledgement, StageHolder.SubGroup, "reported back", "Reported", "co")]
    public void EachRung_MovesTheFormOn_RecordingWhoWhenAndWhy_AndStartsTheNewStagesClock(string step, FormStage to, StageHolder holder, string action, string comment, string by)
    {
        var from = Steps[step];
        var form = At(from);
        var (version, transitions) = (form.Version, form.Transitions.Count);

        Take(form, step, Later);

        Assert.Equal((to, holder, version + 1), (form.Stage, form.Holder, form.Version));
        Assert.Equal(transitions + 1, form.Transitions.Count);
        Assert.Equal(new Transition(from, to, action, by, Later, comment), form.Transitions[^1]);
        var expectedDue = to is FormStage.Draft or FormStage.Closed ? (DateTimeOffset?)null : Due;
        Assert.Equal((Later, expectedDue, false, 0), (form.StageEnteredAt, form.StageDueAt, form.StageOverdueNoted, form.ConsecutiveDeferrals));
        Assert.Equal(to == FormStage.Closed, form.ClosedAt is not null);

        // The new rung's holder hears of it (the notifications inbox): one event, ids and codes only.
        Assert.Equal(new FormEnteredStage(form.Id, form.AreaId, form.AgencyId, form.CaseManagerId, to, holder, expectedDue, Later), Assert.Single(form.DomainEvents));
    }

    [Theory]
    [MemberData(nameof(StepsFromOtherStages))]
    public void EveryStep_IsRefusedFromEveryOtherStage_AndChangesNothing(string step, FormStage stage)
    {
        var form = At(stage);
        var before = (form.Stage, form.Version, form.Transitions.Count, form.StageDueAt, form.StageEnteredAt, form.ClosedAt, form.Content);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => Take(form, step, Later));

        Assert.Equal(nameof(FormMustBeAtStageRule), refused.Rule);
        Assert.Contains($"is at {stage}, not {Steps[step]}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, (form.Stage, form.Version, form.Transitions.Count, form.StageDueAt, form.StageEnteredAt, form.ClosedAt, form.Content));
    }

    [Fact]
    public void ADraft_IsHeldByTheCaseManager_WithNoDueDate_AndCarriesItsContentsCategoryAndKind()
    {
        var variance = Guid.NewGuid();

        var form = GapsBlocksForm.Draft(Area, Agency, "cm", Content() with { Category = FormCategory.Literacy, Kind = FormKind.ProcessBlock }, variance, Now);

        Assert.Equal((FormStage.Draft, StageHolder.CaseManager, (DateTimeOffset?)null, 0L), (form.Stage, form.Holder, form.StageDueAt, form.Version));
        Assert.Equal((FormCategory.Literacy, FormKind.ProcessBlock, (Guid?)variance), (form.Category, form.Kind, form.LinkedVarianceId));
        Assert.Equal((Area, Agency, "cm", Now, Now), (form.AreaId, form.AgencyId, form.CaseManagerId, form.CreatedAt, form.StageEnteredAt));
        Assert.Empty(form.Transitions);
        Assert.False(form.IsOverdueAt(Now.AddYears(1)));
    }

    [Fact]
    public void EditingADraft_ReplacesItsContent_CategoryKindAndLink_WithoutATransition()
    {
        var form = Drafted();
        var content = Content(5) with { Category = FormCategory.MentalHealth, Kind = FormKind.ServiceGap };

        form.Edit(0, content, Guid.Empty, Later);

        Assert.Equal((content, FormCategory.MentalHealth, FormKind.ServiceGap, (Guid?)Guid.Empty, 1L), (form.Content, form.Category, form.Kind, form.LinkedVarianceId, form.Version));
        Assert.Empty(form.Transitions);
    }

    [Theory]
    [InlineData(0, "One line.")]
    [InlineData(6, "One line.")]
    [InlineData(1, "One\nTwo\nThree\nFour")]
    [InlineData(1, "One\r\nTwo\r\nThree\r\nFour")]
    public void AnIncompleteForm_IsNeitherDraftedNorEditedIn(int actions, string overview)
    {
        var content = Content(actions, overview);
        Assert.Equal(nameof(FormContentIsCompleteRule), Refused(() => GapsBlocksForm.Draft(Area, Agency, "cm", content, null, Now)));

        var form = Drafted();
        var before = form.Content;
        Assert.Equal(nameof(FormContentIsCompleteRule), Refused(() => form.Edit(0, content, Guid.NewGuid(), Now)));
        Assert.Equal((before, (Guid?)null, 0L), (form.Content, form.LinkedVarianceId, form.Version));
    }

    [Theory]
    [InlineData(1, "One line.")]
    [InlineData(5, "One line.")]
    [InlineData(3, "One\nTwo\nThree")]
    public void AFormOfOneToFiveActionsAndAThreeLineOverview_IsComplete(int actions, string overview)
    {
        var form = GapsBlocksForm.Draft(Area, Agency, "cm", Content(actions, overview), null, Now);

        Assert.Equal(actions, form.Content.Actions.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void AStepAgainstAnotherVersion_IsAConflict_AndChangesNothing(long offset)
    {
        var form = At(FormStage.WithCoordinator);
        var version = form.Version;

        var conflict = Assert.Throws<ConcurrencyConflictException>(() => Take(form, "RaiseToSubGroup", version + offset, Later));

        Assert.Equal((nameof(GapsBlocksForm), version + offset, version), (conflict.Aggregate, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal((FormStage.WithCoordinator, version, false), (form.Stage, form.Version, form.ReachedSubGroup));
    }

    [Fact]
    public void AStaleVersion_IsReportedBeforeTheWrongStage()
    {
        var form = At(FormStage.Closed);

        Assert.Throws<ConcurrencyConflictException>(() => Take(form, "Attest", form.Version - 1, Later));
    }

    [Fact]
    public void TheWholeClimb_KeepsEveryTransitionInOrder_AndClosesAtNdricWithItsActions()
    {
        var form = At(FormStage.Closed);

        Assert.Equal(
            [
                (FormStage.Draft, FormStage.AwaitingEndorsement, "attested"),
                (FormStage.AwaitingEndorsement, FormStage.WithCoordinator, "endorsed"),
                (FormStage.WithCoordinator, FormStage.AtSubGroup, "raised at the sub-group"),
                (FormStage.AtSubGroup, FormStage.AtNdric, "referred to NDRIC"),
                (FormStage.AtNdric, FormStage.ReportingBack, "NDRIC decided actions"),
                (FormStage.ReportingBack, FormStage.AwaitingAcknowledgement, "reported back"),
                (FormStage.AwaitingAcknowledgement, FormStage.AwaitingAcknowledgement, "acknowledged by the sub-group"),
                (FormStage.AwaitingAcknowledgement, FormStage.AwaitingAcknowledgement, "acknowledged by the case manager"),
                (FormStage.AwaitingAcknowledgement, FormStage.Closed, "closed"),
            ],
            form.Transitions.Select(t => (t.From, t.To, t.Action)));
        Assert.Equal(((ResolutionLevel?)ResolutionLevel.Ndric, "Commission places", "Commission places"), (form.ResolvedAt, form.Resolution, form.NdricActions));
        Assert.Equal(((DateTimeOffset?)Now, (DateTimeOffset?)Now, true, 8L), (form.ClosedAt, form.SubmittedAt, form.ReachedSubGroup, form.Version));
        Assert.Equal((StageHolder.Nobody, (DateTimeOffset?)null), (form.Holder, form.StageDueAt));
    }

    [Theory]
    [InlineData("ResolveByCoordinator", ResolutionLevel.Coordinator, "Found a place", false)]
    [InlineData("ResolveBySubGroup", ResolutionLevel.SubGroup, "Agreed places", true)]
    public void AResolutionLowerDown_ClosesAtThatLevel_WithWhatWasDone(string step, ResolutionLevel level, string resolution, bool reachedSubGroup)
    {
        var form = At(Steps[step]);

        Take(form, step, Later);

        Assert.Equal(((ResolutionLevel?)level, resolution, string.Empty, (DateTimeOffset?)Later), (form.ResolvedAt, form.Resolution, form.NdricActions, form.ClosedAt));
        Assert.Equal((reachedSubGroup, false, false), (form.ReachedSubGroup, form.SubGroupAcknowledged, form.CaseManagerAcknowledged));
    }

    [Fact]
    public void AReturnedForm_GoesBackToTheCaseManagerWithNoDueDate_AndIsSubmittedOnlyWhenEndorsed()
    {
        var form = At(FormStage.AwaitingEndorsement);

        Take(form, "Return", Later);
        var returned = (form.Holder, form.StageDueAt, form.SubmittedAt);
        Take(form, "Edit", Later);
        Take(form, "Attest", Later.AddDays(1));
        Take(form, "Endorse", Later.AddDays(2));
        Take(form, "RaiseToSubGroup", Later.AddDays(3));

        Assert.Equal((StageHolder.CaseManager, (DateTimeOffset?)null, (DateTimeOffset?)null), returned);
        Assert.Equal(["attested", "returned", "attested", "endorsed", "raised at the sub-group"], form.Transitions.Select(t => t.Action));
        Assert.Equal((DateTimeOffset?)Later.AddDays(2), form.SubmittedAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheReport_IsAcknowledgedByBothParties_InEitherOrder_BeforeTheFormCloses(bool subGroupFirst)
    {
        var form = At(FormStage.AwaitingAcknowledgement);
        var due = form.StageDueAt;

        form.Acknowledge(form.Version, subGroupFirst, subGroupFirst ? "sg" : "cm", Later);
        var halfway = (form.Stage, form.StageDueAt, form.ClosedAt, form.SubGroupAcknowledged, form.CaseManagerAcknowledged);
        form.Acknowledge(form.Version, !subGroupFirst, subGroupFirst ? "cm" : "sg", Later.AddDays(1));

        Assert.Equal((FormStage.AwaitingAcknowledgement, due, (DateTimeOffset?)null, subGroupFirst, !subGroupFirst), halfway);
        Assert.Equal((FormStage.Closed, (DateTimeOffset?)Later.AddDays(1), true, true), (form.Stage, form.ClosedAt, form.SubGroupAcknowledged, form.CaseManagerAcknowledged));
        Assert.Equal(new Transition(FormStage.AwaitingAcknowledgement, FormStage.Closed, "closed", subGroupFirst ? "cm" : "sg", Later.AddDays(1), string.Empty), form.Transitions[^1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void APartyAcknowledgesOnce(bool bySubGroup)
    {
        var form = At(FormStage.AwaitingAcknowledgement);
        form.Acknowledge(form.Version, bySubGroup, "first", Later);
        var (version, transitions) = (form.Version, form.Transitions.Count);

        Assert.Equal(nameof(AcknowledgedOnceRule), Refused(() => form.Acknowledge(version, bySubGroup, "again", Later.AddDays(1))));
        Assert.Equal((FormStage.AwaitingAcknowledgement, version, transitions, (DateTimeOffset?)null), (form.Stage, form.Version, form.Transitions.Count, form.ClosedAt));
    }

    [Theory]
    [InlineData(FormStage.Draft, StageHolder.CaseManager)]
    [InlineData(FormStage.AwaitingEndorsement, StageHolder.LineManager)]
    [InlineData(FormStage.WithCoordinator, StageHolder.RehabilitationCoordinator)]
    [InlineData(FormStage.AtSubGroup, StageHolder.SubGroup)]
    [InlineData(FormStage.AtNdric, StageHolder.NationalCoordinator)]
    [InlineData(FormStage.ReportingBack, StageHolder.RehabilitationCoordinator)]
    [InlineData(FormStage.AwaitingAcknowledgement, StageHolder.SubGroup)]
    [InlineData(FormStage.Closed, StageHolder.Nobody)]
    public void EachStage_HasOneHolder(FormStage stage, StageHolder holder)
    {
        Assert.Equal(holder, GapsBlocksForm.HolderOf(stage));
        Assert.Equal(holder, At(stage).Holder);
    }

    [Theory]
    [InlineData(FormStage.AtSubGroup)]
    [InlineData(FormStage.AtNdric)]
    public void AFormBeforeACommittee_IsDeferredWhereItIs_AndFlaggedAtTheSecondDeferralInARow(FormStage stage)
    {
        var form = At(stage);
        var (due, entered, version) = (form.StageDueAt, form.StageEnteredAt, form.Version);

        form.Defer("meeting-1", "  Papers late ", Later);
        var once = form.DeferredTwice;
        form.Defer("meeting-2", "Chair absent", Later.AddDays(28));

        Assert.Equal((false, true, 2), (once, form.DeferredTwice, form.ConsecutiveDeferrals));
        Assert.Equal((stage, due, entered, version + 2), (form.Stage, form.StageDueAt, form.StageEnteredAt, form.Version));
        Assert.Equal(new Transition(stage, stage, "deferred", "meeting-1", Later, "Papers late"), form.Transitions[^2]);
    }

    [Theory]
    [InlineData(FormStage.Draft)]
    [InlineData(FormStage.AwaitingEndorsement)]
    [InlineData(FormStage.WithCoordinator)]
    [InlineData(FormStage.ReportingBack)]
    [InlineData(FormStage.AwaitingAcknowledgement)]
    [InlineData(FormStage.Closed)]
    public void AFormNotBeforeACommittee_IsNotDeferred(FormStage stage)
    {
        var form = At(stage);
        var (version, transitions) = (form.Version, form.Transitions.Count);

        Assert.Equal(nameof(OnlyAFormBeforeACommitteeIsDeferredRule), Refused(() => form.Defer("meeting", "x", Later)));
        Assert.Equal((0, version, transitions), (form.ConsecutiveDeferrals, form.Version, form.Transitions.Count));
    }

    [Fact]
    public void MovingOn_EndsTheRunOfDeferrals()
    {
        var form = At(FormStage.AtSubGroup);
        form.Defer("m1", "x", Later);
        form.Defer("m2", "x", Later);

        Take(form, "ReferToNdric", Later.AddDays(1));
        var moved = (form.ConsecutiveDeferrals, form.DeferredTwice);
        form.Defer("ndric-1", "x", Later.AddDays(2));

        Assert.Equal((0, false), moved);
        Assert.Equal((1, false), (form.ConsecutiveDeferrals, form.DeferredTwice));
    }

    [Fact]
    public void AResolutionAndReferralTrimTheirText()
    {
        var form = At(FormStage.AtNdric);
        form.RecordNdricDecision(form.Version, "nc", "\n  Fund twelve places \t", Due, Later);

        Assert.Equal("Fund twelve places", form.NdricActions);
        Assert.Equal("Fund twelve places", form.Transitions[^1].Comment);
    }
}
