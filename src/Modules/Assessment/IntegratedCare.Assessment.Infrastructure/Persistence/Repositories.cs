using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.Assessment.Infrastructure.Persistence;

internal sealed class ServiceUserRepository(AssessmentDbContext db) : IServiceUserRepository
{
    public Task<ServiceUser?> FindAsync(ServiceUserId id, CancellationToken cancellationToken) =>
        db.ServiceUsers.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<bool> ExistsAsync(ServiceUserId id, CancellationToken cancellationToken) =>
        db.ServiceUsers.AnyAsync(p => p.Id == id, cancellationToken);

    public Task<bool> IdentifierIsTakenAsync(PersonIdentifier identifier, ServiceUserId? except, CancellationToken cancellationToken)
    {
        var others = db.ServiceUsers.Where(p => except == null || p.Id != except);
        return identifier.Scheme switch
        {
            IdentifierScheme.Chi => others.AnyAsync(p => p.Chi == identifier.Value, cancellationToken),
            IdentifierScheme.Nhs => others.AnyAsync(p => p.Nhs == identifier.Value, cancellationToken),
            IdentifierScheme.Pps => others.AnyAsync(p => p.Pps == identifier.Value, cancellationToken),
            _ => Task.FromResult(false),
        };
    }

    public async Task<IReadOnlyList<ServiceUser>> CandidatesAsync(
        string familyNameSoundex, IReadOnlyCollection<DateOnly> birthDates, IReadOnlyCollection<PersonIdentifier> identifiers, int limit, CancellationToken cancellationToken)
    {
        var dates = birthDates.ToList();
        var (chi, nhs, pps) = BySchemes(identifiers);
        return await db.ServiceUsers.AsNoTracking()
            .Where(p => (familyNameSoundex != string.Empty && p.FamilyNameSoundex == familyNameSoundex)
                || dates.Contains(p.DateOfBirth)
                || chi.Contains(p.Chi!) || nhs.Contains(p.Nhs!) || pps.Contains(p.Pps!))
            .OrderBy(p => p.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RegisteredName>> NamesWithFamilyKeysAsync(IReadOnlyCollection<string> familyNameKeys, CancellationToken cancellationToken)
    {
        var keys = familyNameKeys.ToList();
        return await db.ServiceUsers.AsNoTracking()
            .Where(p => keys.Contains(p.FamilyNameKey))
            .Select(p => new RegisteredName(p.GivenNameKey, p.FamilyNameKey, p.KnownAsKey))
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyCollection<string>> ContactKeysAmongAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Where(k => k.Length > 0).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var phones = await db.ServiceUsers.AsNoTracking().Where(p => wanted.Contains(p.PhoneKey)).Select(p => p.PhoneKey).ToListAsync(cancellationToken);
        var emails = await db.ServiceUsers.AsNoTracking().Where(p => wanted.Contains(p.EmailKey)).Select(p => p.EmailKey).ToListAsync(cancellationToken);
        return phones.Concat(emails).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<RegisteredName>> NamesOfAsync(IReadOnlyCollection<Guid> serviceUserIds, CancellationToken cancellationToken)
    {
        var ids = serviceUserIds.Select(id => new ServiceUserId(id)).ToList();
        return await db.ServiceUsers.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new RegisteredName(p.GivenNameKey, p.FamilyNameKey, p.KnownAsKey, p.Name.OtherNames))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RegisteredName>> NamesLikeAsync(
        IReadOnlyCollection<string> familyNameKeys, IReadOnlyCollection<string> soundexes, IReadOnlyCollection<string> givenNameKeys, CancellationToken cancellationToken)
    {
        var families = familyNameKeys.ToList();
        var codes = soundexes.ToList();
        var givens = givenNameKeys.ToList();
        return await db.ServiceUsers.AsNoTracking()
            .Where(p => families.Contains(p.FamilyNameKey) || codes.Contains(p.FamilyNameSoundex) || givens.Contains(p.GivenNameKey) || givens.Contains(p.KnownAsKey))
            .Select(p => new RegisteredName(p.GivenNameKey, p.FamilyNameKey, p.KnownAsKey, p.Name.OtherNames))
            .Distinct()
            .Take(5000)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyCollection<DateOnly>> BirthDatesAmongAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken)
    {
        var wanted = dates.ToList();
        return await db.ServiceUsers.AsNoTracking().Where(p => wanted.Contains(p.DateOfBirth)).Select(p => p.DateOfBirth).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyCollection<PersonIdentifier>> IdentifiersAmongAsync(IReadOnlyCollection<PersonIdentifier> identifiers, CancellationToken cancellationToken)
    {
        var (chi, nhs, pps) = BySchemes(identifiers);
        var held = await db.ServiceUsers.AsNoTracking()
            .Where(p => chi.Contains(p.Chi!) || nhs.Contains(p.Nhs!) || pps.Contains(p.Pps!))
            .Select(p => new { p.Chi, p.Nhs, p.Pps })
            .ToListAsync(cancellationToken);
        return held.SelectMany(h => new[]
            {
                h.Chi is null ? null : new PersonIdentifier(IdentifierScheme.Chi, h.Chi),
                h.Nhs is null ? null : new PersonIdentifier(IdentifierScheme.Nhs, h.Nhs),
                h.Pps is null ? null : new PersonIdentifier(IdentifierScheme.Pps, h.Pps),
            })
            .OfType<PersonIdentifier>()
            .Where(identifiers.Contains)
            .ToHashSet();
    }

    public async Task<Guid?> RegisteringAgencyAsync(ServiceUserId id, CancellationToken cancellationToken) =>
        await db.ServiceUsers.Where(p => p.Id == id).Select(p => (Guid?)p.RegisteringAgencyId).SingleOrDefaultAsync(cancellationToken);

    public void Add(ServiceUser person) => db.ServiceUsers.Add(person);

    private static (List<string> Chi, List<string> Nhs, List<string> Pps) BySchemes(IReadOnlyCollection<PersonIdentifier> identifiers) => (
        identifiers.Where(i => i.Scheme == IdentifierScheme.Chi).Select(i => i.Value).ToList(),
        identifiers.Where(i => i.Scheme == IdentifierScheme.Nhs).Select(i => i.Value).ToList(),
        identifiers.Where(i => i.Scheme == IdentifierScheme.Pps).Select(i => i.Value).ToList());
}

internal sealed class AssessmentRepository(AssessmentDbContext db) : IAssessmentRepository
{
    public Task<SingleSharedAssessment?> FindAsync(AssessmentId id, CancellationToken cancellationToken) =>
        db.Assessments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<IReadOnlyList<SingleSharedAssessment>> ForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken) =>
        await db.Assessments.Where(a => a.ServiceUserId == serviceUserId).OrderBy(a => a.StartedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<(IReadOnlyList<SingleSharedAssessment> Assessments, int Total)> PageForServiceUserAsync(
        Guid serviceUserId, int offset, int limit, CancellationToken cancellationToken)
    {
        var theirs = db.Assessments.AsNoTracking().Where(a => a.ServiceUserId == serviceUserId);
        var total = await theirs.CountAsync(cancellationToken);
        var page = await theirs.OrderBy(a => a.StartedAt).ThenBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page, total);
    }

    public Task<bool> AnyLedByAsync(Guid serviceUserId, Guid agencyId, CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.ServiceUserId == serviceUserId && a.LeadAgencyId == agencyId, cancellationToken);

    public void Add(SingleSharedAssessment assessment) => db.Assessments.Add(assessment);
}
