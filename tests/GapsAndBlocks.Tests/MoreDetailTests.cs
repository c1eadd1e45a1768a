using IntegratedCare.GapsAndBlocks.Domain.Details;
using static GapsAndBlocks.Tests.TestForms;

namespace GapsAndBlocks.Tests;

/// <summary>More detail on a form: asked by the co-ordinator, given by the case manager under a consent, kept apart from the form.</summary>
public sealed class MoreDetailTests
{
    [Fact]
    public void AQuestion_IsAskedOfOneForm_Trimmed_AndIsUnanswered()
    {
        var form = Guid.NewGuid();

        var detail = MoreDetail.Ask(form, "  Which service refused?  ", "co", Now);

        Assert.Equal((form, "Which service refused?", "co", Now), (detail.FormId, detail.Question, detail.AskedBy, detail.AskedAt));
        Assert.Equal(((Guid?)null, (Guid?)null, string.Empty, string.Empty, (DateTimeOffset?)null), (detail.ServiceUserId, detail.ConsentId, detail.Answer, detail.AnsweredBy, detail.AnsweredAt));
        Assert.NotEqual(Guid.Empty, detail.DetailId);
    }

    [Fact]
    public void EachQuestion_HasItsOwnId()
    {
        var form = Guid.NewGuid();

        Assert.NotEqual(MoreDetail.Ask(form, "q", "co", Now).DetailId, MoreDetail.Ask(form, "q", "co", Now).DetailId);
    }

    [Fact]
    public void AnAnswer_NamesThePersonAndTheConsentItIsGivenUnder()
    {
        var detail = MoreDetail.Ask(Guid.NewGuid(), "Which service refused?", "co", Now);
        var (person, consent) = (Guid.NewGuid(), Guid.NewGuid());

        detail.Give(person, consent, "\n The hostel, twice. ", "cm", Now.AddDays(1));

        Assert.Equal(((Guid?)person, (Guid?)consent, "The hostel, twice.", "cm", (DateTimeOffset?)Now.AddDays(1)), (detail.ServiceUserId, detail.ConsentId, detail.Answer, detail.AnsweredBy, detail.AnsweredAt));
        Assert.Equal(("Which service refused?", "co", Now), (detail.Question, detail.AskedBy, detail.AskedAt));
    }

    [Fact]
    public void AnsweringAgain_ReplacesTheAnswerAndItsConsent()
    {
        // No rule guards a second answer: the later one, under its own consent, stands.
        var detail = MoreDetail.Ask(Guid.NewGuid(), "Which service refused?", "co", Now);
        detail.Give(Guid.NewGuid(), Guid.NewGuid(), "First", "cm", Now.AddDays(1));
        var (person, consent) = (Guid.NewGuid(), Guid.NewGuid());

        detail.Give(person, consent, "Second", "cm2", Now.AddDays(2));

        Assert.Equal(((Guid?)person, (Guid?)consent, "Second", "cm2", (DateTimeOffset?)Now.AddDays(2)), (detail.ServiceUserId, detail.ConsentId, detail.Answer, detail.AnsweredBy, detail.AnsweredAt));
    }
}
