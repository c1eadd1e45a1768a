using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.InterAgency;
using MediatR;

namespace IntegratedCare.Protocols.Application.InterAgency;

public sealed record EscalationContactInput(string Role, string Email, string Phone);

public sealed record ProtocolTermsInput(
    string Name,
    IReadOnlyList<AgencyType> PartyAgencyTypes,
    IReadOnlyList<string> PartyAgencyIds,
    string ReferralCriteria,
    int ResponseTimeAmount,
    ResponseTimeUnit? ResponseTimeUnit,
    EscalationContactInput? EscalationContact,
    string ReviewDate);

public sealed record InterAgencyProtocolDto(
    string ProtocolId,
    string Name,
    IReadOnlyList<AgencyType> PartyAgencyTypes,
    IReadOnlyList<string> PartyAgencyIds,
    string ReferralCriteria,
    int ResponseTimeAmount,
    ResponseTimeUnit ResponseTimeUnit,
    EscalationContactInput EscalationContact,
    string ReviewDate,
    bool ReviewOverdue,
    InterAgencyProtocolStatus Status,
    DateTimeOffset CreatedAt,
    long Version)
{
    public static InterAgencyProtocolDto From(InterAgencyProtocol p, DateTimeOffset now) => new(
        p.Id.ToString(), p.Name, p.PartyTypes, p.PartyAgencies.Select(a => a.ToString()).ToList(), p.ReferralCriteria,
        p.ResponseTime.Amount, p.ResponseTime.Unit, new EscalationContactInput(p.EscalationContact.Role, p.EscalationContact.Email, p.EscalationContact.Phone),
        p.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ReviewIsOverdue(DateOnly.FromDateTime(now.UtcDateTime)), p.Status, p.CreatedAt, p.Version);
}

/// <summary>Create and Update share their terms and their checks.</summary>
public interface IHasProtocolTerms
{
    ProtocolTermsInput Terms { get; }
}

internal static class ProtocolTerms
{
    public static void AddRules<T>(AbstractValidator<T> validator)
        where T : IHasProtocolTerms
    {
        validator.RuleFor(x => x.Terms).NotNull().WithMessage("is required");
        validator.When(x => x.Terms is not null, () =>
        {
            validator.RuleFor(x => x.Terms.Name).RequiredText(200).OverridePropertyName("name");
            validator.RuleForEach(x => x.Terms.PartyAgencyTypes).IsInEnum().WithMessage("is not a known agency type").OverridePropertyName("party_agency_types");
            validator.RuleForEach(x => x.Terms.PartyAgencyIds).MustBeId().OverridePropertyName("party_agency_ids");
            validator.RuleFor(x => x.Terms.ReferralCriteria).RequiredText(4000).OverridePropertyName("referral_criteria");
            validator.RuleFor(x => x.Terms.ResponseTimeAmount).InclusiveBetween(1, 365).WithMessage("must be 1 to 365 days").OverridePropertyName("response_time_amount");
            validator.RuleFor(x => x.Terms.ResponseTimeUnit).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known unit").OverridePropertyName("response_time_unit");
            validator.RuleFor(x => x.Terms.EscalationContact).NotNull().WithMessage("is required").OverridePropertyName("escalation_contact");
            validator.RuleFor(x => x.Terms.EscalationContact!.Role).RequiredText(200).When(x => x.Terms.EscalationContact is not null).OverridePropertyName("escalation_contact.role");
            validator.RuleFor(x => x.Terms.EscalationContact!.Email).RequiredEmail().When(x => x.Terms.EscalationContact is not null).OverridePropertyName("escalation_contact.email");
            validator.RuleFor(x => x.Terms.EscalationContact!.Phone).OptionalPhone().When(x => x.Terms.EscalationContact is not null).OverridePropertyName("escalation_contact.phone");
            validator.RuleFor(x => x.Terms.ReviewDate).Must(d => ParseDate(d) is not null)
                .WithMessage("must be a date in the form YYYY-MM-DD").OverridePropertyName("review_date");
        });
    }

    public static async Task<InterAgencyProtocolTerms> ToTermsAsync(ProtocolTermsInput input, IAgencyRepository agencies, CancellationToken cancellationToken)
    {
        var agencyIds = input.PartyAgencyIds.Select(a => new AgencyId(Guid.Parse(a))).ToList();
        RequestValidationException.ThrowIfAnyMissing(
            agencyIds, await agencies.MissingAsync(agencyIds, cancellationToken), i => $"party_agency_ids[{i}]", "no agency has this id");

        var contact = input.EscalationContact!;
        return new InterAgencyProtocolTerms(
            input.Name, input.PartyAgencyTypes, agencyIds, input.ReferralCriteria,
            new ResponseTime(input.ResponseTimeAmount, input.ResponseTimeUnit!.Value),
            new EscalationContact(contact.Role.Trim(), contact.Email.Trim(), (contact.Phone ?? string.Empty).Trim()),
            ParseDate(input.ReviewDate)!.Value);
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static async Task<InterAgencyProtocol> LoadAsync(IInterAgencyProtocolRepository protocols, string protocolId, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new InterAgencyProtocolId(Guid.Parse(protocolId));
        audit.Resource(id.ToString());
        return await protocols.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Protocol", id.ToString());
    }
}

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "protocol")]
public sealed record CreateProtocolCommand(ProtocolTermsInput Terms, string? RequestId = null) : ICommand<InterAgencyProtocolDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand, IHasProtocolTerms;

internal sealed class CreateProtocolValidator : AbstractValidator<CreateProtocolCommand>
{
    public CreateProtocolValidator() => ProtocolTerms.AddRules(this);
}

internal sealed class CreateProtocolHandler(IInterAgencyProtocolRepository protocols, IAgencyRepository agencies, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateProtocolCommand, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(CreateProtocolCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var protocol = InterAgencyProtocol.Create(await ProtocolTerms.ToTermsAsync(request.Terms, agencies, cancellationToken), now);
        protocols.Add(protocol);
        audit.Resource(protocol.Id.ToString());
        return InterAgencyProtocolDto.From(protocol, now);
    }
}

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "protocol")]
public sealed record UpdateProtocolCommand(string ProtocolId, long ExpectedVersion, ProtocolTermsInput Terms) : ICommand<InterAgencyProtocolDto>, IHasProtocolTerms;

internal sealed class UpdateProtocolValidator : AbstractValidator<UpdateProtocolCommand>
{
    public UpdateProtocolValidator()
    {
        RuleFor(x => x.ProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        ProtocolTerms.AddRules(this);
    }
}

internal sealed class UpdateProtocolHandler(IInterAgencyProtocolRepository protocols, IAgencyRepository agencies, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<UpdateProtocolCommand, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(UpdateProtocolCommand request, CancellationToken cancellationToken)
    {
        var protocol = await ProtocolTerms.LoadAsync(protocols, request.ProtocolId, audit, cancellationToken);
        protocol.Update(request.ExpectedVersion, await ProtocolTerms.ToTermsAsync(request.Terms, agencies, cancellationToken));
        return InterAgencyProtocolDto.From(protocol, clock.GetUtcNow());
    }
}

public enum ProtocolTransition
{
    Activate = 1,
    Expire = 2,
}

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "protocol")]
public sealed record ChangeProtocolStatusCommand(string ProtocolId, long ExpectedVersion, ProtocolTransition Transition) : ICommand<InterAgencyProtocolDto>;

internal sealed class ChangeProtocolStatusValidator : AbstractValidator<ChangeProtocolStatusCommand>
{
    public ChangeProtocolStatusValidator()
    {
        RuleFor(x => x.ProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
    }
}

internal sealed class ChangeProtocolStatusHandler(IInterAgencyProtocolRepository protocols, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<ChangeProtocolStatusCommand, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(ChangeProtocolStatusCommand request, CancellationToken cancellationToken)
    {
        var protocol = await ProtocolTerms.LoadAsync(protocols, request.ProtocolId, audit, cancellationToken);
        if (request.Transition == ProtocolTransition.Activate)
        {
            protocol.Activate(request.ExpectedVersion);
        }
        else
        {
            protocol.Expire(request.ExpectedVersion);
        }

        return InterAgencyProtocolDto.From(protocol, clock.GetUtcNow());
    }
}

[Authorize]
[Audit(AuditAction.Read, "protocol")]
public sealed record GetProtocolQuery(string ProtocolId) : IQuery<InterAgencyProtocolDto>;

internal sealed class GetProtocolValidator : AbstractValidator<GetProtocolQuery>
{
    public GetProtocolValidator() => RuleFor(x => x.ProtocolId).MustBeId();
}

internal sealed class GetProtocolHandler(IInterAgencyProtocolRepository protocols, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<GetProtocolQuery, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(GetProtocolQuery request, CancellationToken cancellationToken) =>
        InterAgencyProtocolDto.From(await ProtocolTerms.LoadAsync(protocols, request.ProtocolId, audit, cancellationToken), clock.GetUtcNow());
}

[Authorize]
[Audit(AuditAction.Read, "protocol")]
public sealed record ListProtocolsQuery(int PageSize, string PageToken) : IQuery<Page<InterAgencyProtocolDto>>;

public interface IInterAgencyProtocolReadStore
{
    Task<(IReadOnlyList<InterAgencyProtocol> Items, int Total)> ListAsync(int offset, int limit, CancellationToken cancellationToken);
}

internal sealed class ListProtocolsValidator : AbstractValidator<ListProtocolsQuery>
{
    public ListProtocolsValidator() => RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
}

internal sealed class ListProtocolsHandler(IInterAgencyProtocolReadStore store, TimeProvider clock) : IRequestHandler<ListProtocolsQuery, Page<InterAgencyProtocolDto>>
{
    private const string Filter = "protocols";

    public async Task<Page<InterAgencyProtocolDto>> Handle(ListProtocolsQuery request, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(request.PageToken, Filter);
        var (items, total) = await store.ListAsync(offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var now = clock.GetUtcNow();
        return Page<InterAgencyProtocolDto>.At(items.Select(p => InterAgencyProtocolDto.From(p, now)).ToList(), offset, total, Filter);
    }
}
