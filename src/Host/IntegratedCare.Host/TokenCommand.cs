using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Host;

/// <summary>
/// <c>token</c>: mints a bearer token signed with the embedded default's local key, so a newcomer can
/// call the API in a minute. Not available when an external authority issues tokens.
/// </summary>
internal static class TokenCommand
{
    public const string Name = "token";

    private const string Usage = """
        usage: token --role <role> [--role <role> ...] [--agency <agency-id>] [--subject <id>]
                     [--kind staff|agency-system] [--lifetime <hh:mm:ss>] [--Section:Key=value ...]
        roles: case-manager, line-manager, rehabilitation-coordinator, subgroup-member,
               national-coordinator, agency-system, agency-admin, system-admin
        """;

    public static int Run(string[] args)
    {
        var roles = new List<string>();
        string? agency = null;
        string? subject = null;
        var kind = ActorKind.Staff;
        TimeSpan? lifetime = null;
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                // Configuration overrides, as the host takes them: --Authentication:SigningKeyPath=/path
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':', StringComparison.Ordinal):
                    configuration.Add(setting);
                    break;
                case "--role" when value is not null: roles.Add(value); i++; break;
                case "--agency" when value is not null: agency = value; i++; break;
                case "--subject" when value is not null: subject = value; i++; break;
                case "--kind" when value is "staff": kind = ActorKind.Staff; i++; break;
                case "--kind" when value is "agency-system": kind = ActorKind.AgencySystem; i++; break;
                case "--lifetime" when value is not null && TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero:
                    lifetime = parsed; i++; break;
                default:
                    return Fail($"unexpected argument '{args[i]}'");
            }
        }

        if (roles.Count == 0)
        {
            return Fail("name at least one --role");
        }

        var builder = WebApplication.CreateSlimBuilder([.. configuration]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddSingleton<LocalSigningKey>();
        builder.Services.AddSingleton<LocalTokenIssuer>();
        using var services = builder.Services.BuildServiceProvider();
        if (services.GetRequiredService<IOptions<AuthOptions>>().Value.UsesExternalAuthority)
        {
            return Fail("Authentication:Authority is set: tokens come from that authority, not from this host");
        }

        try
        {
            var issuer = services.GetRequiredService<LocalTokenIssuer>();
            Console.WriteLine(issuer.Mint(subject ?? $"local-{roles[0]}", kind, agency, roles, lifetime));
            return 0;
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"token: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
