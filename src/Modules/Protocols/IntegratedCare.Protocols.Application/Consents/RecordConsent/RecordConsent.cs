using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.RecordConsent;

/// <summary>Records a person's consent (or refusal), taken by a worker or partner system of the caller's agency.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem, Roles.SystemAdmin)]
[Audit(AuditAction.Create, "consent")]
public sealed record RecordConsentCommand(
    string ServiceUserId,
    ConsentMethod? Method,
    bool Refused,
    IReadOnlyList<ConsentProvisionInput> Provisions,
    DateTimeOffset? ExpiresAt, string? RequestId = null) : ICommand<ConsentDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class RecordConsentValidator : AbstractValidator<RecordConsentCommand>
{
    public const int MaxAgencies = 100;
    public const int MaxAgencyTypes = 20;
    public const int MaxCategories = 50;
    public const int MaxPurposes = 10;

    public RecordConsentValidator(TimeProvider clock)
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        // A caller's mistake, refused before anything is looked up: not a state of the consent.
        RuleFor(x => x.ExpiresAt).Must(e => e is not { } at || at > clock.GetUtcNow()).WithMessage("must be in the future, or left out");
        RuleFor(x => x.Method).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known method");
        RuleFor(x => x.Provisions).NotEmpty().When(x => !x.Refused).WithMessage("must hold at least one provision")
            .Must(p => p.Count <= 50).WithMessage("must hold at most 50 provisions");
        RuleForEach(x => x.Provisions).ChildRules(provision =>
        {
            provision.RuleFor(p => p.Type).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known provision type");
            provision.RuleFor(p => p.DataCategories).NotEmpty().WithMessage("must name at least one category")
                .Must(c => c.Count <= MaxCategories).WithMessage($"must name at most {MaxCategories} categories");
            provision.RuleFor(p => p.AgencyIds).Must(a => a.Count <= MaxAgencies).WithMessage($"must name at most {MaxAgencies} agencies")
                .Must(a => a.Distinct().Count() == a.Count).WithMessage("must not name an agency twice");
            provision.RuleFor(p => p.AgencyTypes).Must(a => a.Count <= MaxAgencyTypes).WithMessage($"must name at most {MaxAgencyTypes} agency types");
            provision.RuleFor(p => p.Purposes).Must(a => a.Count <= MaxPurposes).WithMessage($"must name at most {MaxPurposes} purposes");
            provision.RuleForEach(p => p.DataCategories).Must(c => DataCategoryCodes.TryParse(c, out _))
                .WithMessage($"must be one of {string.Join(", ", DataCategoryCodes.All)}");
            provision.RuleFor(p => p).Must(p => p.AgencyIds.Count + p.AgencyTypes.Count > 0)
                .OverridePropertyName("AgencyIds").WithMessage("name at least one agency or agency type");
            provision.RuleForEach(p => p.AgencyIds).MustBeId();
            provision.RuleForEach(p => p.AgencyTypes).IsInEnum().WithMessage("is not a known agency type");
            provision.RuleForEach(p => p.Purposes).IsInEnum().WithMessage("is not a known purpose");
        });
    }
}

internal sealed class RecordConsentHandler(
    IConsentRepository consents,
    IAgencyRepository agencies,
    IMediator mediator,
    ICurrentActor currentActor,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<RecordConsentCommand, ConsentDto>
{
    public async Task<ConsentDto> Handle(RecordConsentCommand request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var recordingAgency = await RecordingAgencyAsync(actor, cancellationToken);

        // A stranger agency is told the person does not exist, whatever it sends: a consent is given to
        // an agency in a care relationship with the person.
        var relationship = await CareRelationships.RequireAsync(mediator, request.ServiceUserId, recordingAgency.Value, cancellationToken);
        audit.ServiceUser(request.ServiceUserId);
        if (request.Provisions.Any(p => p.Type == ProvisionType.Permit))
        {
            EnsureMayRecordPermit(request, actor, relationship, recordingAgency);
        }

        var provisions = new List<ConsentProvision>();
        for (var i = 0; i < request.Provisions.Count; i++)
        {
            var input = request.Provisions[i];
            var agencyIds = input.AgencyIds.Select(a => new AgencyId(Guid.Parse(a))).ToList();
            var provision = i;
            RequestValidationException.ThrowIfAnyMissing(
                agencyIds, await agencies.MissingAsync(agencyIds, cancellationToken), j => $"provisions[{provision}].agency_ids[{j}]", "no agency has this id");

            provisions.Add(new ConsentProvision(
                input.Type!.Value,
                input.DataCategories.Select(c => DataCategoryCodes.TryParse(c, out var category) ? category : default).Distinct().ToList(),
                agencyIds.Select(a => a.Value).Distinct().ToList(),
                input.AgencyTypes.Distinct().ToList(),
                input.Purposes.Distinct().ToList()));
        }

        var now = clock.GetUtcNow();
        var consent = Consent.Record(Guid.Parse(request.ServiceUserId), recordingAgency, actor.Id, request.Method!.Value, request.Refused, provisions, request.ExpiresAt, now);
        consents.Add(consent);
        audit.Resource(consent.Id.ToString());
        audit.ServiceUser(consent.ServiceUserId.ToString("D"));
        return ConsentDto.From(consent, now);
    }

    /// <summary>
    /// A permit lets data leave the agencies that hold it, so it is taken by a person, not a system:
    /// staff of the agency that registered the person or leads their assessment or plan. No agency names
    /// itself as a recipient. A refusal or a deny, which only stops sharing, any agency in a care
    /// relationship may record.
    /// </summary>
    private static void EnsureMayRecordPermit(RecordConsentCommand request, Actor actor, CareRelationship relationship, AgencyId recordingAgency)
    {
        if (actor.Kind != ActorKind.Staff)
        {
            throw new ForbiddenException("A permit is recorded by the agency's staff with the person; a partner system may record a refusal or a deny only.");
        }

        if (!relationship.HoldsRecord)
        {
            throw new ForbiddenException(
                "Only the agency that registered the person or leads their assessment or care plan may record a permit; this agency may record a refusal or a deny.");
        }

        for (var i = 0; i < request.Provisions.Count; i++)
        {
            var provision = request.Provisions[i];
            for (var j = 0; j < provision.AgencyIds.Count; j++)
            {
                if (provision.Type == ProvisionType.Permit && Guid.TryParse(provision.AgencyIds[j], out var id) && id == recordingAgency.Value)
                {
                    throw new RequestValidationException($"provisions[{i}].agency_ids[{j}]", "is the recording agency: no agency grants itself access to a person's data");
                }
            }
        }
    }

    /// <summary>The caller's own agency, which must exist and be active: a consent is always taken by someone.</summary>
    private async Task<AgencyId> RecordingAgencyAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(actor.AgencyId, out var agencyGuid))
        {
            throw new ForbiddenException("Recording a consent needs a token that names the caller's agency.");
        }

        var agency = await agencies.FindAsync(new AgencyId(agencyGuid), cancellationToken);
        return agency is { Status: AgencyStatus.Active }
            ? agency.Id
            : throw new ForbiddenException("The caller's agency is unknown or inactive.");
    }
}
