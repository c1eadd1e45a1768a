using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// The FHIR R4 face (<c>/fhir/r4</c>, JSON): an adapter like the gRPC services and the staff UI. Each
/// interaction is a module's own request sent through the mediator as the bearer token's actor, so the sharing
/// decision, the authorisation and the audit record are exactly a gRPC call's; this only maps shapes.
/// </summary>
internal static class FhirHosting
{
    public const string Base = "/fhir/r4";

    public const string ContentType = "application/fhir+json";

    /// <summary>Strict: an element R4 does not define, or a value of the wrong type, is the caller's mistake (400).</summary>
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict);

    public static WebApplication MapFhirR4(this WebApplication app)
    {
        var fhir = app.MapGroup(Base).RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        app.MapGet($"{Base}/metadata", () => Write(FhirCapability.Statement(), StatusCodes.Status200OK)).AllowAnonymous();
        fhir.MapGet("/Patient/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            var person = await send.Send(FhirPatients.Read(FhirIds.Uuid(id, "Patient")), http.RequestAborted);
            return Versioned(FhirPatients.ToPatient(person), person.Version, person.UpdatedAt);
        }));
        FhirSearches.Map(fhir);
        fhir.MapGet("/Consent/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            var consent = await send.Send(FhirConsents.Read(FhirIds.Uuid(id, "Consent")), http.RequestAborted);
            return Versioned(FhirConsents.ToConsent(consent), consent.Version, FhirConsents.Updated(consent));
        }));
        fhir.MapGet("/Observation/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            if (FhirObservations.IsAssessment(id))
            {
                var assessment = await send.Send(FhirObservations.ReadAssessment(id), http.RequestAborted);
                return Versioned(FhirObservations.FromAssessment(assessment), assessment.Version, assessment.UpdatedAt);
            }

            var (planId, reviewId) = FhirIds.Split(id, "Observation");
            var plan = await send.Send(FhirCarePlans.Read(planId), http.RequestAborted);
            return Versioned(FhirObservations.Review(plan, reviewId, id), plan.Version, plan.UpdatedAt);
        }));
        fhir.MapGet("/CarePlan/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            var plan = await send.Send(FhirCarePlans.Read(FhirIds.Uuid(id, "CarePlan")), http.RequestAborted);
            return Versioned(FhirCarePlans.ToCarePlan(plan), plan.Version, plan.UpdatedAt);
        }));
        fhir.MapGet("/Goal/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            var (planId, goalId) = FhirIds.Split(id, "Goal");
            var plan = await send.Send(FhirCarePlans.Read(planId), http.RequestAborted);
            var goal = plan.Goals.SingleOrDefault(g => g.GoalId == goalId) ?? throw new NotFoundException("Goal", id);
            return Versioned(FhirCarePlans.ToGoal(plan, goal), plan.Version, plan.UpdatedAt);
        }));
        fhir.MapGet("/ServiceRequest/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            var referral = await send.Send(FhirReferrals.Read(FhirIds.Uuid(id, "ServiceRequest")), http.RequestAborted);
            return Versioned(FhirReferrals.ToServiceRequest(referral), referral.Version, FhirReferrals.Updated(referral));
        }));
        fhir.MapGet("/Task/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            if (FhirReferrals.IsReferral(id))
            {
                var referral = await send.Send(FhirReferrals.Read(id), http.RequestAborted);
                return Versioned(FhirReferrals.ToTask(referral), referral.Version, FhirReferrals.Updated(referral));
            }

            var (planId, actionId) = FhirIds.Split(id, "Task");
            var plan = await send.Send(FhirCarePlans.Read(planId), http.RequestAborted);
            var action = plan.Actions.SingleOrDefault(a => a.ActionId == actionId) ?? throw new NotFoundException("Task", id);
            return Versioned(FhirCarePlans.ToTask(plan, action), plan.Version, plan.UpdatedAt);
        }));
        fhir.MapPut("/Task/{id}", (string id, HttpContext http) => RunAsync(http, async send =>
        {
            var task = await ReadAsync<Hl7.Fhir.Model.Task>(http);
            if (task.Id != id)
            {
                throw new RequestValidationException("Task.id", "must be the id in the URL");
            }

            var expected = FhirIds.IfMatch(http.Request.Headers.IfMatch);
            if (FhirReferrals.IsReferral(id))
            {
                var referral = await send.Send(FhirReferrals.Answer(task, id, expected), http.RequestAborted);
                return Versioned(FhirReferrals.ToTask(referral), referral.Version, FhirReferrals.Updated(referral));
            }

            var (planId, actionId) = FhirIds.Split(id, "Task");
            var plan = await send.Send(FhirCarePlans.Answer(task, planId, actionId, expected), http.RequestAborted);
            var action = plan.Actions.FirstOrDefault(a => a.ActionId == actionId) ?? throw new NotFoundException("Task", id);
            return Versioned(FhirCarePlans.ToTask(plan, action), plan.Version, plan.UpdatedAt);
        }));

        // Anything else under the base: said in FHIR's words, not the staff UI's page or a bare status.
        fhir.Map("/{**rest}", (HttpContext http) => Write(FhirOutcomes.Outcome([FhirOutcomes.Issue(Hl7.Fhir.Model.OperationOutcome.IssueType.NotSupported,
                $"{http.Request.Method} on {ResourceTypeOf(http)} is not supported here: GET {Base}/metadata lists what is")]),
            HttpMethods.IsGet(http.Request.Method) ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed));
        return app;
    }

    /// <summary>
    /// A FHIR caller without a valid token gets a 401 it can read: an <c>OperationOutcome</c> (the bearer
    /// handler's own challenge, which audits the refusal, runs first).
    /// </summary>
    public static IServiceCollection AddFhirR4(this IServiceCollection services)
    {
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var challenge = options.Events.OnChallenge;
            options.Events.OnChallenge = async context =>
            {
                await challenge(context);
                if (context.Handled || !context.Request.Path.StartsWithSegments(Base, StringComparison.Ordinal))
                {
                    return;
                }

                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Write(FhirOutcomes.Outcome([FhirOutcomes.Issue(Hl7.Fhir.Model.OperationOutcome.IssueType.Login, context.AuthenticateFailure is null
                    ? "A bearer token is required (Authorization: Bearer <jwt>)."
                    : "The bearer token is not valid: expired, revoked, or not signed for this audience.")]), StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>One interaction: the token's actor, the request, and any refusal as an <c>OperationOutcome</c>.</summary>
    public static async Task<IResult> RunAsync(HttpContext http, Func<IMediator, Task<IResult>> interaction)
    {
        var services = http.RequestServices;
        var current = services.GetRequiredService<CurrentActor>();
        current.CorrelationId = http.TraceIdentifier;
        try
        {
            var actor = ClaimsActor.From(http.User, services.GetRequiredService<IOptions<AuthOptions>>().Value) ?? throw new UnauthenticatedException();
            current.Set(actor);
            return await interaction(services.GetRequiredService<IMediator>());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            var refusal = FhirOutcomes.From(ex, http.TraceIdentifier, http.Request.Headers.IfMatch.Count > 0, HttpMethods.IsPut(http.Request.Method));
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("IntegratedCare.Fhir");
            var route = RouteOf(http);

            // Storage as the gRPC path treats it: a full disk is recorded (health turns unhealthy) and both are critical.
            if (StorageHealth.IsFull(ex))
            {
                services.GetService<StorageHealth>()?.RecordFull();
                logger.LogCritical(ex, "Storage is full: FHIR {Method} {Route} was refused (correlation {CorrelationId}). Free disk space or raise Database:MaxSizeMegabytes.", http.Request.Method, route, http.TraceIdentifier);
            }
            else if (StorageHealth.IsUnavailable(ex))
            {
                logger.LogCritical(ex, "The disk failed under the database in FHIR {Method} {Route} (correlation {CorrelationId})", http.Request.Method, route, http.TraceIdentifier);
            }
            else if (refusal.Status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(ex, "FHIR {Method} {Route} failed; correlation id {CorrelationId}", http.Request.Method, route, http.TraceIdentifier);
            }
            else
            {
                logger.LogInformation("FHIR {Method} {Route} refused with {Status}", http.Request.Method, route, refusal.Status);
            }

            return Write(refusal.Outcome, refusal.Status);
        }
    }

    /// <summary>The resource type a path names (its first segment), or "this path": never an id from it.</summary>
    private static string ResourceTypeOf(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var segment = path.Length > Base.Length + 1 ? path[(Base.Length + 1)..].Split('/')[0] : string.Empty;
        return segment.Length is > 0 and <= 64 && segment.All(char.IsAsciiLetter) ? segment : "this path";
    }

    /// <summary>The route's template, never the path: a path carries the ids of people's records, and logs carry none.</summary>
    private static string RouteOf(HttpContext http) => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "fhir";

    /// <summary>The largest resource a partner may send: gRPC's message limit (<c>Grpc:MaxReceiveMessageSizeBytes</c>, 4 MiB).</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private static async Task<T> ReadAsync<T>(HttpContext http)
        where T : Resource
    {
        var mediaType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is not (ContentType or "application/json"))
        {
            throw new FhirRefusal(StatusCodes.Status415UnsupportedMediaType, "Content-Type", "must be application/fhir+json");
        }

        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw new FhirRefusal(StatusCodes.Status413PayloadTooLarge, "body", $"is over {MaxBodyBytes / (1024 * 1024)} MiB");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<Resource>(http.Request.Body, Json, http.RequestAborted) as T
                ?? throw new RequestValidationException("resourceType", $"must be {typeof(T).Name}");
        }
        catch (DeserializationFailedException ex)
        {
            throw new RequestValidationException([.. ex.Exceptions.Select(e => new FieldError("body", e.Message)).Take(20)]);
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException("body", $"is not FHIR JSON: {ex.Message}");
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new FhirRefusal(StatusCodes.Status413PayloadTooLarge, "body", $"is over {MaxBodyBytes / (1024 * 1024)} MiB");
        }
    }

    private static IResult Versioned(Resource resource, long version, DateTimeOffset lastUpdated) =>
        new FhirResult(Stamped(resource, version, lastUpdated), StatusCodes.Status200OK, $"W/\"{version}\"");

    /// <summary>The version (the ETag an update names) and when it was last changed (what <c>_lastUpdated</c> searches).</summary>
    public static Resource Stamped(Resource resource, long version, DateTimeOffset lastUpdated)
    {
        resource.Meta = new Meta
        {
            VersionId = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            LastUpdated = DateTimeOffset.FromUnixTimeMilliseconds(lastUpdated.ToUnixTimeMilliseconds()),
        };
        return resource;
    }

    public static IResult Write(Resource resource, int status) => new FhirResult(resource, status, null);

    private sealed class FhirResult(Resource resource, int status, string? etag) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = ContentType;
            if (etag is not null)
            {
                http.Response.Headers.ETag = etag;
            }

            return JsonSerializer.SerializeAsync(http.Response.Body, resource, Json, http.RequestAborted);
        }
    }
}
