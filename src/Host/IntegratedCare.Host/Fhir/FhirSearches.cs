using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;
using static IntegratedCare.Host.Fhir.FhirHosting;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// The searches: each runs the module's own listing (so the sharing decision and audit are the listing's) and
/// narrows its page by the parameters the listing does not take (<c>status</c>, <c>owner</c>, <c>_lastUpdated</c>);
/// a narrowed page may hold fewer than <c>_count</c> (never more), and its <c>next</c> link still goes on. A Patient
/// search has one page (the register's own search caps its matches); every other search is paged.
/// </summary>
internal static class FhirSearches
{
    public static void Map(RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "identifier", "family", "given", "birthdate", "_lastUpdated");
            var matches = await send.Send(FhirPatients.Search(search), http.RequestAborted);
            var people = matches.Select(m => m.ServiceUser).OfType<IntegratedCare.Assessment.Application.ServiceUsers.ServiceUserDto>()
                .Select(p => Stamped(FhirPatients.ToPatient(p), p.Version, p.UpdatedAt));
            return Write(search.Bundle("Patient", people.Where(search.Updated), string.Empty), StatusCodes.Status200OK);
        })));

        fhir.MapGet("/CarePlan", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "patient", "status", "_lastUpdated");
            var statuses = search.Codes("status", FhirCarePlans.Statuses);
            var page = await send.Send(FhirCarePlans.Search(search.Reference("patient", "Patient"), search.Count, search.PageToken), http.RequestAborted);
            var plans = page.Items.Select(p => (Hl7.Fhir.Model.CarePlan)Stamped(FhirCarePlans.ToCarePlan(p), p.Version, p.UpdatedAt))
                .Where(p => (statuses.Count == 0 || statuses.Contains(p.Status!.Value)) && search.Updated(p));
            return Write(search.Bundle("CarePlan", plans, page.NextPageToken), StatusCodes.Status200OK);
        })));

        fhir.MapGet("/AuditEvent", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "patient", "_as_of");
            var patient = search.Reference("patient", "Patient") ?? throw new RequestValidationException("patient", "is required: the person whose disclosure log (Patient/<id>)");
            var page = await send.Send(FhirAuditEvents.Search(patient, search.Count, search.PageToken, search.Instant("_as_of")), http.RequestAborted);
            search.Carry("_as_of", page.AsOf);
            return Write(search.Bundle("AuditEvent", page.Entries.Select(FhirAuditEvents.ToAuditEvent), page.NextPageToken), StatusCodes.Status200OK);
        })));

        fhir.MapGet("/Consent", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "patient", "_lastUpdated");
            var patient = search.Reference("patient", "Patient") ?? throw new RequestValidationException("patient", "is required: the person whose consents (Patient/<id>)");
            var page = await send.Send(FhirConsents.Search(patient, search.Count, search.PageToken), http.RequestAborted);
            var consents = page.Items.Select(c => Stamped(FhirConsents.ToConsent(c), c.Version, FhirConsents.Updated(c)));
            return Write(search.Bundle("Consent", consents.Where(search.Updated), page.NextPageToken), StatusCodes.Status200OK);
        })));

        fhir.MapGet("/Observation", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "patient", "_lastUpdated");
            var patient = search.Reference("patient", "Patient") ?? throw new RequestValidationException("patient", "is required: the person whose assessments and reviews (Patient/<id>)");

            // The person's assessments (each read as GetAssessment reads it), then their plans' reviews.
            var (observations, next) = await FhirSearch.PageAcrossAsync(search.PageToken, search.Count,
                new FhirSearch.Listing('a', async token =>
                {
                    var assessments = await send.Send(FhirObservations.Assessments(patient, search.Count, token), http.RequestAborted);
                    var read = new List<Resource>();
                    foreach (var summary in assessments.Items)
                    {
                        // Listed (the caller may identify the person) yet with nothing in it the caller may see: left out, as a review with no score left is.
                        try
                        {
                            var assessment = await send.Send(FhirObservations.ReadAssessment(summary.AssessmentId), http.RequestAborted);
                            if (assessment.Domains.Count > 0)
                            {
                                read.Add(Stamped(FhirObservations.FromAssessment(assessment), assessment.Version, assessment.UpdatedAt));
                            }
                        }
                        catch (ForbiddenException)
                        {
                        }
                    }

                    return (read, assessments.NextPageToken);
                }),
                PlanListing('p', send, http, patient, search.Count, p => FhirObservations.FromReviews(p).Select(o => Stamped(o, p.Version, p.UpdatedAt))));
            return Write(search.Bundle("Observation", observations.Where(search.Updated), next), StatusCodes.Status200OK);
        })));

        fhir.MapGet("/Task", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "owner", "patient", "status", "_lastUpdated");
            var owner = search.Reference("owner", "Organization");
            var patient = search.Reference("patient", "Patient");
            var statuses = search.Codes("status", FhirReferrals.TaskStatuses);
            var ours = AgencyOf(http);

            // The plans' actions the caller may see, then the referrals to its agency (which it owns), then those from it.
            var (tasks, next) = await FhirSearch.PageAcrossAsync(search.PageToken, search.Count,
                PlanListing('p', send, http, patient, search.Count, p => p.Actions.Select(a => Stamped(FhirCarePlans.ToTask(p, a), p.Version, p.UpdatedAt))),
                ReferralListing('i', incoming: true, owner is not null && owner != ours, send, http, patient, search.Count, FhirReferrals.ToTask),
                ReferralListing('o', incoming: false, owner is not null && owner == ours, send, http, patient, search.Count, FhirReferrals.ToTask));
            var matching = tasks.Cast<Hl7.Fhir.Model.Task>()
                .Where(t => (statuses.Count == 0 || statuses.Contains(t.Status!.Value)) && (owner is null || t.Owner?.Reference == $"Organization/{owner}") && search.Updated(t));
            return Write(search.Bundle("Task", matching, next), StatusCodes.Status200OK);
        })));

        fhir.MapGet("/ServiceRequest", (Delegate)((HttpContext http) => RunAsync(http, async send =>
        {
            var search = FhirSearch.Of(http, "performer", "requester", "patient", "status", "_lastUpdated");
            var performer = search.Reference("performer", "Organization");
            var requester = search.Reference("requester", "Organization");
            var patient = search.Reference("patient", "Patient");
            var statuses = search.Codes("status", FhirReferrals.RequestStatuses);
            var ours = AgencyOf(http);

            // The referrals to the caller's agency, then those from it: an agency sees only its own.
            var (requests, next) = await FhirSearch.PageAcrossAsync(search.PageToken, search.Count,
                ReferralListing('i', incoming: true, performer is not null && performer != ours, send, http, patient, search.Count, FhirReferrals.ToServiceRequest),
                ReferralListing('o', incoming: false, requester is not null && requester != ours, send, http, patient, search.Count, FhirReferrals.ToServiceRequest));
            var matching = requests.Cast<ServiceRequest>().Where(r =>
                (statuses.Count == 0 || statuses.Contains(r.Status!.Value))
                && (performer is null || r.Performer.Any(p => p.Reference == $"Organization/{performer}"))
                && (requester is null || r.Requester?.Reference == $"Organization/{requester}")
                && search.Updated(r));
            return Write(search.Bundle("ServiceRequest", matching, next), StatusCodes.Status200OK);
        })));
    }

    /// <summary>The plans the caller may see (of one person, or all) a page at a time, each as the resources it gives.</summary>
    private static FhirSearch.Listing PlanListing(
        char letter, IMediator send, HttpContext http, string? patient, int count, Func<IntegratedCare.CarePlan.Application.Plans.CarePlanDto, IEnumerable<Resource>> map) =>
        new(letter, async token =>
        {
            var plans = await send.Send(FhirCarePlans.Search(patient, count, token), http.RequestAborted);
            return (plans.Items.SelectMany(map).ToList(), plans.NextPageToken);
        });

    /// <summary>The caller's agency's referrals, to it or from it (of one person, if named), a page at a time, as <c>Task</c>s or <c>ServiceRequest</c>s.</summary>
    private static FhirSearch.Listing ReferralListing(
        char letter, bool incoming, bool skip, IMediator send, HttpContext http, string? patient, int count, Func<IntegratedCare.Protocols.Application.Referrals.ReferralDto, Resource> map) =>
        new(letter, async token =>
        {
            var referrals = await send.Send(FhirReferrals.Search(incoming, count, token), http.RequestAborted);
            return (referrals.Items.Where(r => patient is null || r.ServiceUserId == patient)
                .Select(r => Stamped(map(r), r.Version, FhirReferrals.Updated(r))).ToList(), referrals.NextPageToken);
        }, skip);

    /// <summary>The caller's agency (lower-case UUID), or null for a token that names none.</summary>
    private static string? AgencyOf(HttpContext http) =>
        Guid.TryParse(http.RequestServices.GetRequiredService<ICurrentActor>().Required.AgencyId, out var agency) ? agency.ToString("D") : null;
}
