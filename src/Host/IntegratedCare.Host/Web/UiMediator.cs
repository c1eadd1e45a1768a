using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Host.Web;

/// <summary>What a page gets back from a request: the result, or a message and the fields at fault.</summary>
public sealed record UiResult<T>(T? Value, string? Error, IReadOnlyDictionary<string, string> FieldErrors, string? Reason = null, IReadOnlyDictionary<string, string>? Details = null)
{
    public bool Ok => Error is null;

    public string? FieldError(string field) => FieldErrors.TryGetValue(field, out var reason) ? reason : null;
}

/// <summary>
/// The web UI's one way into the modules: each call runs in a scope of its own, as the signed-in staff
/// member, through the same mediator pipeline (authorisation, validation, audit, one transaction) as a
/// gRPC call. A page never holds a DbContext across a circuit's lifetime.
/// </summary>
public sealed partial class UiMediator(
    IServiceScopeFactory scopes,
    AuthenticationStateProvider authentication,
    IOptions<AuthOptions> options,
    ILogger<UiMediator> logger)
{
    /// <summary>
    /// Every page of a listing (for a dashboard that shows all of it, such as a caseload): asks page after
    /// page with the token each gave, and stops at the last. A refusal or a failure on any page is the
    /// result, never an empty list: a page that says "nothing here" when it could not look is lying.
    /// </summary>
    public async Task<UiResult<List<T>>> AllPagesAsync<T>(Func<string, IRequest<Page<T>>> page, CancellationToken cancellationToken = default)
    {
        var all = new List<T>();
        var token = string.Empty;
        do
        {
            var next = await SendAsync(page(token), cancellationToken);
            if (!next.Ok)
            {
                return new UiResult<List<T>>(null, next.Error, next.FieldErrors, next.Reason, next.Details);
            }

            all.AddRange(next.Value!.Items);
            token = next.Value.NextPageToken ?? string.Empty;
        }
        while (token.Length > 0);
        return new UiResult<List<T>>(all, null, Empty);
    }

    public async Task<UiResult<T>> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var actor = ClaimsActor.From(state.User, options.Value);
        if (actor is null || actor.Kind != ActorKind.Staff || WebSession.HasExpired(state.User, DateTimeOffset.UtcNow))
        {
            return Failed<T>("Your session has ended. Sign in again.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var current = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        current.Set(actor);
        try
        {
            var value = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
            return new UiResult<T>(value, null, Empty);
        }
        catch (RequestValidationException ex)
        {
            var fields = ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(e => e.Reason)));
            return new UiResult<T>(default, "Please correct the fields marked below: " + string.Join("; ", ex.Errors.Select(e => $"{Humanise(e.Field)} {e.Reason}")), fields);
        }
        catch (BusinessRuleViolationException ex)
        {
            // A rule's message names the record by its id for the API's callers; on the screen the id says nothing.
            return new UiResult<T>(default, Guids().Replace(ex.Message, string.Empty).Replace("  ", " ", StringComparison.Ordinal), Empty, ex.Rule, ex.Details.ToDictionary());
        }
        catch (ForbiddenException ex)
        {
            // Never an internal id on the screen: a message that carries one is said without it.
            return Failed<T>("You may not do this: " + Guids().Replace(ex.Message, "this record"));
        }
        catch (UnauthenticatedException)
        {
            return Failed<T>("Your session has ended. Sign in again.");
        }
        catch (NotFoundException ex)
        {
            return Failed<T>(ex.Message);
        }
        catch (AlreadyExistsException ex)
        {
            return Failed<T>(ex.Message);
        }
        catch (ConcurrencyConflictException)
        {
            return Failed<T>("Someone else changed this record while you were working on it. Reload the page to see their change, then apply yours again.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Unexpected failure in {Request} (correlation {CorrelationId})", typeof(T).Name, current.CorrelationId);
            return Failed<T>($"Something went wrong on our side. Quote reference {current.CorrelationId} to support.");
        }
    }

    /// <summary>
    /// A wire field name as a person reads it: <c>details.name.given_name</c> → "Name given name",
    /// <c>form.actions[1].what</c> → "Actions 2 what". The request's own wrapper (details, form, terms) is dropped.
    /// </summary>
    public static string Humanise(string field)
    {
        var parts = field.Split('.').ToList();
        if (parts.Count > 1 && parts[0] is "details" or "form" or "terms")
        {
            parts.RemoveAt(0);
        }

        // A part the next one repeats says nothing more: name.given_name is "Given name", not "Name given name".
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            if (parts[i + 1].EndsWith("_" + parts[i], StringComparison.Ordinal))
            {
                parts.RemoveAt(i);
            }
        }

        var text = System.Text.RegularExpressions.Regex.Replace(string.Join(' ', parts), @"\[(\d+)\]", m => " " + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1))
            .Replace('_', ' ').Trim();
        return text.Length == 0 ? field : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex Guids();

    private static UiResult<T> Failed<T>(string message) => new(default, message, Empty);
}
