using IntegratedCare.BuildingBlocks.Contracts;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain.Calendar;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.CreateArea;

/// <summary>Areas are the national map the ladder climbs: only a system administrator draws it.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "area")]
public sealed record CreateAreaCommand(string Name, AreaKind? Kind, string TimeZone, RehabilitationCoordinatorInput? RehabilitationCoordinator, Jurisdiction? Jurisdiction = null, string? RequestId = null)
    : ICommand<AreaDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand, IAreaInput;

internal sealed class CreateAreaValidator : AbstractValidator<CreateAreaCommand>
{
    public CreateAreaValidator() => AreaInput.AddRules(this);
}

internal sealed class CreateAreaHandler(IAreaRepository areas, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateAreaCommand, AreaDto>
{
    public async Task<AreaDto> Handle(CreateAreaCommand request, CancellationToken cancellationToken)
    {
        var nameIsTaken = await areas.NameIsTakenAsync(request.Name.Trim(), null, cancellationToken);
        var area = Area.Create(request.Name, request.Kind!.Value, AreaInput.JurisdictionOf(request), AreaInput.Coordinator(request), nameIsTaken, clock.GetUtcNow());
        areas.Add(area);
        audit.Resource(area.Id.ToString());
        return AreaDto.From(area);
    }
}
