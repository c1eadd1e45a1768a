using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;

namespace IntegratedCare.Protocols.Domain.InterAgency;

public sealed record InterAgencyProtocolId(Guid Value) : ITypedId
{
    public static InterAgencyProtocolId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

public enum InterAgencyProtocolStatus
{
    Draft = 1,
    Active = 2,
    Expired = 3,
}

public enum ResponseTimeUnit
{
    /// <summary>Monday to Friday except public holidays, in the receiving area's jurisdiction.</summary>
    WorkingDays = 1,
    CalendarDays = 2,
}

/// <summary>How long the receiving party has to answer a referral.</summary>
public sealed record ResponseTime(int Amount, ResponseTimeUnit Unit)
{
    /// <summary>
    /// The end of the last day the receiver has, in its area's calendar, as a UTC instant. Working days skip
    /// weekends and the jurisdiction's public holidays; a count in calendar days whose last day is not a
    /// working day ends on the next working day.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset requestedAt, WorkingCalendar calendar)
    {
        var today = calendar.Today(requestedAt);
        var last = Unit == ResponseTimeUnit.WorkingDays ? calendar.AddWorkingDays(today, Amount) : calendar.AddDays(today, Amount);
        return calendar.EndOf(last);
    }
}

/// <summary>An organisational contact to escalate to when the protocol is not kept.</summary>
public sealed record EscalationContact(string Role, string Email, string Phone);

/// <summary>What an inter-agency protocol says, as created or updated.</summary>
public sealed record InterAgencyProtocolTerms(
    string Name,
    IReadOnlyList<AgencyType> PartyTypes,
    IReadOnlyList<AgencyId> PartyAgencies,
    string ReferralCriteria,
    ResponseTime ResponseTime,
    EscalationContact EscalationContact,
    DateOnly ReviewDate);

/// <summary>
/// An agreement between service areas (e.g. housing/homelessness and addiction services) on how they
/// refer people to each other: who is party, on what criteria, and how fast the receiver answers.
/// </summary>
public sealed class InterAgencyProtocol : AggregateRoot<InterAgencyProtocolId>
{
    private List<AgencyType> _partyTypes = [];
    private List<Guid> _partyAgencies = [];

    private InterAgencyProtocol()
        : base(null!)
    {
        Name = string.Empty;
        ReferralCriteria = string.Empty;
        ResponseTime = null!;
        EscalationContact = null!;
    }

    private InterAgencyProtocol(InterAgencyProtocolId id, DateTimeOffset now)
        : base(id)
    {
        Name = string.Empty;
        ReferralCriteria = string.Empty;
        ResponseTime = null!;
        EscalationContact = null!;
        CreatedAt = now;
        Status = InterAgencyProtocolStatus.Draft;
    }

    public string Name { get; private set; }

    public IReadOnlyList<AgencyType> PartyTypes => _partyTypes;

    public IReadOnlyList<AgencyId> PartyAgencies => _partyAgencies.Select(a => new AgencyId(a)).ToList();

    public string ReferralCriteria { get; private set; }

    public ResponseTime ResponseTime { get; private set; }

    public EscalationContact EscalationContact { get; private set; }

    public DateOnly ReviewDate { get; private set; }

    public InterAgencyProtocolStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static InterAgencyProtocol Create(InterAgencyProtocolTerms terms, DateTimeOffset now)
    {
        var protocol = new InterAgencyProtocol(InterAgencyProtocolId.New(), now);
        protocol.Apply(terms);
        return protocol;
    }

    public void Update(long expectedVersion, InterAgencyProtocolTerms terms)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new ExpiredProtocolCannotChangeRule(this));
        Apply(terms);
        Touch();
    }

    public void Activate(long expectedVersion)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new ProtocolMustBeDraftToActivateRule(this));
        Status = InterAgencyProtocolStatus.Active;
        Touch();
    }

    public void Expire(long expectedVersion)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new ExpiredProtocolCannotChangeRule(this));
        Status = InterAgencyProtocolStatus.Expired;
        Touch();
    }

    /// <summary>Past its review date: still in force, but flagged for the parties to review.</summary>
    public bool ReviewIsOverdue(DateOnly today) => ReviewDate < today;

    public bool CoversParty(AgencyId agency, AgencyType type) => _partyAgencies.Contains(agency.Value) || _partyTypes.Contains(type);

    private void Apply(InterAgencyProtocolTerms terms)
    {
        CheckRule(new ProtocolNeedsTwoPartiesRule(terms));
        CheckRule(new ResponseTimeMustBePositiveRule(terms.ResponseTime));
        Name = terms.Name.Trim();
        _partyTypes = terms.PartyTypes.Distinct().ToList();
        _partyAgencies = terms.PartyAgencies.Select(a => a.Value).Distinct().ToList();
        ReferralCriteria = terms.ReferralCriteria.Trim();
        ResponseTime = terms.ResponseTime;
        EscalationContact = terms.EscalationContact;
        ReviewDate = terms.ReviewDate;
    }
}

internal sealed class ProtocolNeedsTwoPartiesRule(InterAgencyProtocolTerms terms) : IBusinessRule
{
    public bool IsBroken() => terms.PartyTypes.Distinct().Count() + terms.PartyAgencies.Distinct().Count() < 2;

    public string Message => "An inter-agency protocol has at least two parties (agency types or agencies).";
}

internal sealed class ResponseTimeMustBePositiveRule(ResponseTime responseTime) : IBusinessRule
{
    public bool IsBroken() => responseTime.Amount is < 1 or > 365;

    public string Message => "A response time is 1 to 365 days.";
}

internal sealed class ProtocolMustBeDraftToActivateRule(InterAgencyProtocol protocol) : IBusinessRule
{
    public bool IsBroken() => protocol.Status != InterAgencyProtocolStatus.Draft;

    public string Message => $"Protocol {protocol.Id} is {protocol.Status}, not a draft.";
}

internal sealed class ExpiredProtocolCannotChangeRule(InterAgencyProtocol protocol) : IBusinessRule
{
    public bool IsBroken() => protocol.Status == InterAgencyProtocolStatus.Expired;

    public string Message => $"Protocol {protocol.Id} has expired.";
}

internal interface IInterAgencyProtocolRepository
{
    Task<InterAgencyProtocol?> FindAsync(InterAgencyProtocolId id, CancellationToken cancellationToken);

    void Add(InterAgencyProtocol protocol);
}
