using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Identity.Contracts;
using IntegratedCare.Identity.Domain.StaffAccounts;
using MediatR;

namespace IntegratedCare.Identity.Application.StaffAccounts.StaffWithRole;

internal sealed class StaffWithRoleValidator : AbstractValidator<StaffWithRoleQuery>
{
    public StaffWithRoleValidator()
    {
        RuleFor(x => x.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("is not a known role");
        RuleFor(x => x.AgencyIds).NotNull().WithMessage("is required").Must(a => a is null || a.Count <= 200).WithMessage("must name at most 200 agencies");
        RuleForEach(x => x.AgencyIds).MustBeId();
    }
}

internal sealed class StaffWithRoleHandler(IStaffAccountRepository accounts, IAuditScope audit) : IRequestHandler<StaffWithRoleQuery, IReadOnlyList<StaffMember>>
{
    private const int Limit = 500;

    public async Task<IReadOnlyList<StaffMember>> Handle(StaffWithRoleQuery request, CancellationToken cancellationToken)
    {
        audit.Resource(request.Role);
        var agencies = request.AgencyIds.Count == 0 ? null : request.AgencyIds.Select(a => Guid.Parse(a).ToString("D")).ToHashSet(StringComparer.Ordinal);
        var found = await accounts.EnabledWithRoleAsync(request.Role, agencies, cancellationToken);
        return found.Take(Limit).Select(a => new StaffMember(a.Id.ToString(), a.DisplayName, a.AgencyId, a.Roles, true)).ToList();
    }
}
