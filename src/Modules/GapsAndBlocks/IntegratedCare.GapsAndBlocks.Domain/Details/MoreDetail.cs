namespace IntegratedCare.GapsAndBlocks.Domain.Details;

/// <summary>
/// More detail on a form, which may identify the person: given only under the person's recorded consent,
/// kept apart from the form, and shown to the area's co-ordinator and the case manager's agency alone —
/// never to the sub-group or NDRIC, never in a pack or a report.
/// </summary>
internal sealed class MoreDetail
{
    private MoreDetail()
    {
    }

    public Guid DetailId { get; private set; }

    public Guid FormId { get; private set; }

    public string Question { get; private set; } = string.Empty;

    public string AskedBy { get; private set; } = string.Empty;

    public DateTimeOffset AskedAt { get; private set; }

    public Guid? ServiceUserId { get; private set; }

    public Guid? ConsentId { get; private set; }

    public string Answer { get; private set; } = string.Empty;

    public string AnsweredBy { get; private set; } = string.Empty;

    public DateTimeOffset? AnsweredAt { get; private set; }

    public static MoreDetail Ask(Guid formId, string question, string by, DateTimeOffset now) =>
        new() { DetailId = Guid.NewGuid(), FormId = formId, Question = question.Trim(), AskedBy = by, AskedAt = now };

    /// <summary>The case manager answers under a consent in force that their agency recorded for the person.</summary>
    public void Give(Guid serviceUserId, Guid consentId, string answer, string by, DateTimeOffset now)
    {
        ServiceUserId = serviceUserId;
        ConsentId = consentId;
        Answer = answer.Trim();
        AnsweredBy = by;
        AnsweredAt = now;
    }
}

internal interface IMoreDetailRepository
{
    Task<MoreDetail?> FindAsync(Guid detailId, CancellationToken cancellationToken);

    /// <summary>A page of the form's questions, oldest first, and how many there are.</summary>
    Task<(IReadOnlyList<MoreDetail> Details, int Total)> ForFormAsync(Guid formId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the questions asked by one staff member (<paramref name="askedBy"/>), or asked on the forms
    /// one case manager drafted for their agency (<paramref name="formAuthor"/>), oldest first; the open
    /// ones only unless <paramref name="includeAnswered"/>.
    /// </summary>
    Task<(IReadOnlyList<MoreDetail> Details, int Total)> AskedAsync(
        string? askedBy, (string CaseManagerId, Guid AgencyId)? formAuthor, bool includeAnswered, int offset, int limit, CancellationToken cancellationToken);

    void Add(MoreDetail detail);
}
