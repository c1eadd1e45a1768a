using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Host.Web.Components;

/// <summary>
/// What every interactive page does around a request: shows progress, keeps the last error and the
/// fields it names, and hands back the value when it worked.
/// </summary>
public abstract class UiPage : ComponentBase
{
    [Inject]
    protected UiMediator Mediator { get; set; } = default!;

    [Inject]
    protected UiDirectory Directory { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IOptions<AuthOptions> AuthOptions { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> SignedInState { get; set; } = default!;

    /// <summary>Whether staff sign in through an external authority, so staff are known by its subjects, not by local accounts.</summary>
    protected bool SingleSignOn => AuthOptions.Value.UsesExternalAuthority;

    protected bool Working { get; private set; }

    protected string? Error { get; set; }

    protected IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    protected string? Reason { get; private set; }

    protected IReadOnlyDictionary<string, string> ErrorDetails { get; private set; } = new Dictionary<string, string>();

    /// <summary>The reason a field was refused, for the field's own error text (wire name, e.g. <c>details.date_of_birth</c>).</summary>
    protected string? FieldError(string field) => FieldErrors.TryGetValue(field, out var reason) ? reason : null;

    protected bool HasFieldError(string field) => FieldErrors.ContainsKey(field);

    /// <summary>
    /// Who is signed in, read from the session's claims as the pipeline reads them: what a page offers
    /// follows from it (the server still decides every request).
    /// </summary>
    protected async Task<Actor?> SignedInAsync() => ClaimsActor.From((await SignedInState).User, AuthOptions.Value);

    protected async Task<T?> SendAsync<T>(IRequest<T> request)
    {
        Working = true;
        Error = null;
        FieldErrors = new Dictionary<string, string>();
        StateHasChanged();
        try
        {
            var result = await Mediator.SendAsync(request);
            Error = result.Error;
            FieldErrors = result.FieldErrors;
            Reason = result.Reason;
            ErrorDetails = result.Details ?? new Dictionary<string, string>();
            return result.Ok ? result.Value : default;
        }
        finally
        {
            Working = false;
        }
    }

    /// <summary>A read whose failure is shown but does not clear an error the user still has to act on.</summary>
    protected async Task<T?> ReadAsync<T>(IRequest<T> request)
    {
        var result = await Mediator.SendAsync(request);
        if (!result.Ok)
        {
            Error = result.Error;
        }

        return result.Ok ? result.Value : default;
    }

    /// <summary>Every page of a listing; a failure is shown (the first one) and the list is empty.</summary>
    protected async Task<List<T>> ReadAllAsync<T>(Func<string, IRequest<BuildingBlocks.Application.Paging.Page<T>>> page)
    {
        var result = await Mediator.AllPagesAsync(page);
        if (!result.Ok)
        {
            Error ??= result.Error;
        }

        return result.Value ?? [];
    }

    /// <summary>
    /// A person's name for a list row, asked through the register as any read is (the sharing decision
    /// applied, the disclosure audited); null where the caller's agency may not see their identity.
    /// </summary>
    protected async Task<string?> SharedNameAsync(string serviceUserId) =>
        (await Mediator.SendAsync(new IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUser.GetServiceUserQuery(serviceUserId))).Value is { } person
            ? $"{person.Name.GivenName} {person.Name.FamilyName}"
            : null;

    /// <summary>
    /// The names of a list's people in one request (each disclosure audited on its own); a person whose
    /// identity the caller's agency may not see has no entry. A refusal is shown, and no one is named.
    /// </summary>
    protected async Task<IReadOnlyDictionary<string, string>> SharedNamesAsync(IEnumerable<string> serviceUserIds)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in serviceUserIds.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(200))
        {
            var found = await ReadAsync(new IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUserNames.GetServiceUserNamesQuery(chunk));
            foreach (var person in found ?? [])
            {
                names[person.ServiceUserId] = $"{person.GivenName} {person.FamilyName}";
            }
        }

        return names;
    }

    private readonly Dictionary<string, string?> _staffNames = [];

    /// <summary>
    /// A staff member's display name from their local account, asked once per page; null for an id no
    /// local account has (a partner system, an external sign-in), which the page then shows as it is.
    /// </summary>
    protected async Task<string?> StaffNameAsync(string staffId)
    {
        if (!_staffNames.TryGetValue(staffId, out var name))
        {
            _staffNames[staffId] = name = (await Mediator.SendAsync(new IntegratedCare.Identity.Contracts.StaffMemberQuery(staffId))).Value?.DisplayName;
        }

        return name;
    }
}
