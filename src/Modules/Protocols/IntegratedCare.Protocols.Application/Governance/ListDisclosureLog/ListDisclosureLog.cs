using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Governance.ListDisclosureLog;

/// <summary>
/// A person's disclosure log, newest first: every read, refusal and change of their record that the audit
/// trail holds, by whom, for which agency and on what basis. For the agency that holds the person's record
/// (it registered them, or leads their assessment or plan): its information governance lead, and its case
/// and line managers. Any other agency is told nothing, not even that the person exists. Reading the log
/// is itself audited, as a disclosure of the person's data. <paramref name="RefusedOnly"/> keeps only the
/// refused attempts; <paramref name="AsOf"/> (from the first page) keeps later pages stable.
/// </summary>
[Authorize(Roles.InformationGovernance, Roles.CaseManager, Roles.LineManager)]
[Audit(AuditAction.Read, "disclosure-log")]
public sealed record ListDisclosureLogQuery(string ServiceUserId, bool RefusedOnly, int PageSize, string PageToken, DateTimeOffset? AsOf = null)
    : IQuery<DisclosureLogPage>;

internal sealed class ListDisclosureLogValidator : AbstractValidator<ListDisclosureLogQuery>
{
    public ListDisclosureLogValidator()
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
        RuleFor(x => x.AsOf).Must(a => a is null || a.Value.Year >= 2000).WithMessage("must be a real instant, or none for now");
        RuleFor(x => x.AsOf).NotNull().When(x => !string.IsNullOrEmpty(x.PageToken)).WithMessage("must be given with a page token: the instant the first page was read as of");
    }
}

internal sealed class ListDisclosureLogHandler(IAuditLog log, IMediator mediator, ICurrentActor currentActor, IAuditScope audit)
    : IRequestHandler<ListDisclosureLogQuery, DisclosureLogPage>
{
    public async Task<DisclosureLogPage> Handle(ListDisclosureLogQuery request, CancellationToken cancellationToken)
    {
        var serviceUserId = Guid.Parse(request.ServiceUserId).ToString("D");
        audit.Resource(serviceUserId);
        audit.ServiceUser(serviceUserId);
        var agency = CareRelationships.AgencyOf(currentActor.Required, "Reading a disclosure log");
        var relationship = await CareRelationships.RequireAsync(mediator, serviceUserId, agency, cancellationToken);
        if (!relationship.HoldsRecord)
        {
            throw new ForbiddenException("Only the agency holding the person's record reads their disclosure log.");
        }

        audit.Basis("holds-record: " + relationship.Describe());
        // Just before this read began: its own records (and those of the queries it asks) are not in the
        // listing it pages through, so the next page's offsets do not move because the first was read.
        var asOf = request.AsOf ?? audit.StartedAt.AddTicks(-1);
        var filter = string.Create(CultureInfo.InvariantCulture, $"disclosure-log|{serviceUserId}|{request.RefusedOnly}|{asOf.UtcTicks}");
        var offset = PageToken.Decode(request.PageToken, filter);
        var (records, total) = await log.ReadAsync(
            new AuditLogFilter(asOf, ServiceUserId: serviceUserId, Outcome: request.RefusedOnly ? AuditOutcome.Denied : null),
            offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var page = Page<AuditRecord>.At(records, offset, total, filter);
        return new DisclosureLogPage(page.Items, page.NextPageToken, page.TotalSize, asOf);
    }
}
