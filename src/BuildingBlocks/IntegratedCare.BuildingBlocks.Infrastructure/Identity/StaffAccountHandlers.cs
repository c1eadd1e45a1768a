using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Identity;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Identity;

internal sealed class CreateStaffAccountHandler(PlatformDbContext db, IAgencyDirectory agencies, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateStaffAccountCommand, StaffAccountDto>
{
    public async Task<StaffAccountDto> Handle(CreateStaffAccountCommand request, CancellationToken cancellationToken)
    {
        var agencyId = string.IsNullOrEmpty(request.AgencyId) ? null : request.AgencyId.ToLowerInvariant();
        if (agencyId is not null && !await agencies.IsActiveAgencyAsync(agencyId, cancellationToken))
        {
            throw new RequestValidationException("agency_id", "names no active agency");
        }

        var normalized = StaffAccountRow.Normalize(request.UserName);
        if (await db.StaffAccounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
        {
            throw new AlreadyExistsException("A staff account with this user name exists already.");
        }

        var account = new StaffAccountRow
        {
            Id = Guid.NewGuid(),
            UserName = request.UserName.Trim(),
            NormalizedUserName = normalized,
            DisplayName = request.DisplayName.Trim(),
            AgencyId = agencyId,
            Roles = string.Join(' ', request.Roles.Distinct(StringComparer.Ordinal)),
            PasswordHash = StaffSignIn.Hash(request.Password),
            CreatedAt = clock.GetUtcNow(),
            SecurityStamp = Guid.NewGuid(),
        };
        db.StaffAccounts.Add(account);
        audit.Resource(account.Id.ToString());
        return account.ToDto();
    }
}

internal sealed class ListStaffAccountsHandler(PlatformDbContext db) : IRequestHandler<ListStaffAccountsQuery, IReadOnlyList<StaffAccountDto>>
{
    public async Task<IReadOnlyList<StaffAccountDto>> Handle(ListStaffAccountsQuery request, CancellationToken cancellationToken) =>
        (await db.StaffAccounts.AsNoTracking().OrderBy(a => a.NormalizedUserName).ToListAsync(cancellationToken))
            .Select(a => a.ToDto()).ToList();
}

internal sealed class ChangeStaffAccountHandler(PlatformDbContext db, ICurrentActor current, IAuditScope audit)
    : IRequestHandler<ChangeStaffAccountCommand, StaffAccountDto>
{
    public async Task<StaffAccountDto> Handle(ChangeStaffAccountCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(request.StaffAccountId);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("staff-account", request.StaffAccountId);
        audit.Resource(account.Id.ToString());
        if (account.Version != request.ExpectedVersion)
        {
            throw new ConcurrencyConflictException("staff-account", request.StaffAccountId, request.ExpectedVersion, account.Version);
        }

        var self = current.Required.Id == account.Id.ToString();
        switch (request.Change)
        {
            case StaffAccountChange.Unlock:
                account.LockedUntil = null;
                account.FailedSignIns = 0;
                break;
            case StaffAccountChange.Disable:
                Rule.Check(new AdministratorsMayNotDisableThemselvesRule(self));
                account.Disabled = true;
                break;
            case StaffAccountChange.Enable:
                account.Disabled = false;
                break;
            case StaffAccountChange.ResetPassword:
                account.PasswordHash = StaffSignIn.Hash(request.NewPassword);
                account.FailedSignIns = 0;
                account.LockedUntil = null;
                break;
            case StaffAccountChange.SetRoles:
                Rule.Check(new AdministratorsMayNotDisableThemselvesRule(self && !request.Roles.Contains(Application.Security.Roles.SystemAdmin)));
                account.Roles = string.Join(' ', request.Roles.Distinct(StringComparer.Ordinal));
                break;
        }

        // Any change ends the account's open sessions: they re-check the stamp (see StaffSignIn).
        account.SecurityStamp = Guid.NewGuid();
        account.Version++;
        return account.ToDto();
    }
}

/// <summary>An administrator cannot lock themselves out of administration: another administrator must.</summary>
internal sealed class AdministratorsMayNotDisableThemselvesRule(bool selfLockout) : IBusinessRule
{
    public string Message => "An administrator may not disable their own account or remove their own system-admin role.";

    public bool IsBroken() => selfLockout;
}
