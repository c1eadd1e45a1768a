using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Areas.CreateArea;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.UpdateArea;

/// <summary>Renames an area, changes its calendar, or hands it to a new rehabilitation co-ordinator.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "area")]
public sealed record UpdateAreaCommand(string AreaId, long ExpectedVersion, string Name, AreaKind? Kind, string TimeZone, RehabilitationCoordinatorInput? RehabilitationCoordinator, BuildingBlocks.Domain.Calendar.Jurisdiction? Jurisdiction = null)
    : ICommand<AreaDto>, IAreaInput;

internal sealed class UpdateAreaValidator : AbstractValidator<UpdateAreaCommand>
{
    public UpdateAreaValidator()
    {
        RuleFor(x => x.AreaId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        AreaInput.AddRules(this);
    }
}

internal sealed class UpdateAreaHandler(IAreaRepository areas, IAuditScope audit, TimeProvider clock) : IRequestHandler<UpdateAreaCommand, AreaDto>
{
    public async Task<AreaDto> Handle(UpdateAreaCommand request, CancellationToken cancellationToken)
    {
        var id = new AreaId(Guid.Parse(request.AreaId));
        audit.Resource(id.ToString());
        var area = await areas.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Area", id.ToString());
        var nameIsTaken = await areas.NameIsTakenAsync(request.Name.Trim(), id, cancellationToken);
        area.Update(request.ExpectedVersion, request.Name, request.Kind!.Value, AreaInput.JurisdictionOf(request), AreaInput.Coordinator(request), nameIsTaken, clock.GetUtcNow());
        return AreaDto.From(area);
    }
}
