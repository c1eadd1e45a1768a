using FluentValidation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.AreasCoordinatedBy;

internal sealed class AreasCoordinatedByValidator : AbstractValidator<AreasCoordinatedByQuery>
{
    public AreasCoordinatedByValidator() => RuleFor(x => x.StaffId).NotEmpty().WithMessage("is required").MaximumLength(200).WithMessage("must be at most 200 characters");
}

internal sealed class AreasCoordinatedByHandler(IAreaRepository areas) : IRequestHandler<AreasCoordinatedByQuery, IReadOnlyList<AreaProfile>>
{
    public async Task<IReadOnlyList<AreaProfile>> Handle(AreasCoordinatedByQuery request, CancellationToken cancellationToken) =>
        (await areas.CoordinatedByAsync(request.StaffId, cancellationToken))
            .Select(a => new AreaProfile(a.Id.Value, a.Name, a.TimeZone, a.Coordinator.StaffId, a.Jurisdiction))
            .ToList();
}
