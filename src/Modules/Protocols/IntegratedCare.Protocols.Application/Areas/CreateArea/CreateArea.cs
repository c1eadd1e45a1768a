using IntegratedCare.BuildingBlocks.Contracts;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.CreateArea;

public sealed record RehabilitationCoordinatorInput(string StaffId, string Name, string Email, string Phone);

/// <summary>Areas are the national map the ladder climbs: only a system administrator draws it.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "area")]
public sealed record CreateAreaCommand(string Name, AreaKind? Kind, string TimeZone, RehabilitationCoordinatorInput? RehabilitationCoordinator)
    : ICommand<AreaDto>;

internal sealed class CreateAreaValidator : AbstractValidator<CreateAreaCommand>
{
    public CreateAreaValidator()
    {
        RuleFor(x => x.Name).RequiredText(200);
        RuleFor(x => x.Kind).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known area kind");
        RuleFor(x => x.TimeZone).Must(Area.TimeZones.Contains)
            .WithMessage($"must be one of {string.Join(", ", Area.TimeZones)}");
        RuleFor(x => x.RehabilitationCoordinator).NotNull().WithMessage("is required");
        When(x => x.RehabilitationCoordinator is not null, () =>
        {
            RuleFor(x => x.RehabilitationCoordinator!.StaffId).RequiredText(200);
            RuleFor(x => x.RehabilitationCoordinator!.Name).RequiredText(200);
            RuleFor(x => x.RehabilitationCoordinator!.Email).RequiredEmail();
            RuleFor(x => x.RehabilitationCoordinator!.Phone).OptionalPhone();
        });
    }
}

internal sealed class CreateAreaHandler(IAreaRepository areas, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateAreaCommand, AreaDto>
{
    public async Task<AreaDto> Handle(CreateAreaCommand request, CancellationToken cancellationToken)
    {
        var input = request.RehabilitationCoordinator!;
        var coordinator = new RehabilitationCoordinator(input.StaffId.Trim(), input.Name.Trim(), input.Email.Trim(), (input.Phone ?? string.Empty).Trim());
        var nameIsTaken = await areas.NameIsTakenAsync(request.Name.Trim(), cancellationToken);
        var area = Area.Create(request.Name, request.Kind!.Value, request.TimeZone, coordinator, nameIsTaken, clock.GetUtcNow());
        areas.Add(area);
        audit.Resource(area.Id.ToString());
        return AreaDto.From(area);
    }
}
