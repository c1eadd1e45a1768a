using Google.Protobuf.WellKnownTypes;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegratedCare.IntegrationTests;

/// <summary>A consent with an expiry: past it, it reads inactive and its recipients are told, once.</summary>
public sealed class ConsentExpiryTests : IDisposable
{
    private readonly DataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AConsentPastItsExpiry_IsInactiveAndRaisesConsentExpiredOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new TestHost(_folder, new Dictionary<string, string?> { ["Protocols:DeadlineSweepInterval"] = "1.00:00:00" }, s => s.AddSingleton<TimeProvider>(clock));
        var scenario = new AgencyScenario(host);
        var area = await scenario.CreateAreaAsync();
        var (addiction, housing, _) = await scenario.RegisterPartnersAsync(area.AreaId);
        var consents = new ConsentService.ConsentServiceClient(host.Invoker(host.Token("cm-1", ActorKind.Staff, addiction.AgencyId, Roles.CaseManager)));
        var consent = await consents.RecordConsentAsync(new RecordConsentRequest
        {
            ServiceUserId = await scenario.RegisterPersonAsync(addiction.AgencyId),
            Method = ConsentMethod.Written,
            ExpiresAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow().AddDays(30)),
            Provisions = { new ConsentProvision { Type = ProvisionType.Permit, DataCategories = { DataCategories.AssessmentHousing }, AgencyIds = { housing.AgencyId } } },
        });

        clock.Advance(TimeSpan.FromDays(31));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await ExpiredEventsAsync(host)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No ConsentExpired event within 20 seconds.");
            await Task.Delay(50);
        }

        clock.Advance(TimeSpan.FromDays(3));
        var events = await ExpiredEventsAsync(host);
        var stored = await consents.GetConsentAsync(new GetConsentRequest { ConsentId = consent.ConsentId });
        Assert.Equal(ConsentStatus.Active, consent.Status);
        Assert.Equal(ConsentStatus.Inactive, stored.Status);
        var expired = Assert.Single(events);
        Assert.Equal((Guid.Parse(consent.ConsentId), Guid.Parse(housing.AgencyId)), (expired.ConsentId, Assert.Single(expired.AgencyIds)));
    }

    private static async Task<List<ConsentExpiredIntegrationEvent>> ExpiredEventsAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.StartsWith(typeof(ConsentExpiredIntegrationEvent).FullName!)).ToListAsync();
        return messages.Select(m => System.Text.Json.JsonSerializer.Deserialize<ConsentExpiredIntegrationEvent>(m.Payload)!).ToList();
    }
}
