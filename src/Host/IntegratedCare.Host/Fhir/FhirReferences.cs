using System.Globalization;
using Hl7.Fhir.Model;
using IntegratedCare.BuildingBlocks.Application.Errors;

namespace IntegratedCare.Host.Fhir;

/// <summary>What every mapping shares: references to the person and agencies, instants, our codes.</summary>
internal static class FhirReferences
{
    /// <summary>The person by the register's internal id: no name or number travels in a reference.</summary>
    public static ResourceReference Patient(string serviceUserId) => new($"Patient/{serviceUserId}");

    public static ResourceReference Organization(string agencyId) => new($"Organization/{Guid.Parse(agencyId):D}");

    public static ResourceReference Organization(Guid agencyId) => new($"Organization/{agencyId:D}");

    public static string? Instant(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary><c>PersonsChoice</c> → <c>persons-choice</c>.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary><c>PersonsChoice</c> → <c>Persons choice</c>.</summary>
    public static string Words(string name)
    {
        var kebab = Kebab(name).Replace('-', ' ');
        return char.ToUpperInvariant(kebab[0]) + kebab[1..];
    }

    /// <summary>
    /// The words a partner adds with its answer: the one note it sends without a <c>time</c>. The notes a GET
    /// returns all carry the time they were recorded, so a client that sends a task back unchanged but for its
    /// status adds no words, and an old note never passes for a new answer. More than one new note is refused.
    /// </summary>
    public static string NewNote(List<Annotation> notes)
    {
        var added = notes.Where(n => n.Time is null).ToList();
        return added.Count switch
        {
            0 => string.Empty,
            1 => added[0].Text ?? string.Empty,
            _ => throw new RequestValidationException("Task.note", "must add at most one note (without a time) to an answer"),
        };
    }

    /// <summary>The value whose code the concept carries in our system; a missing or unknown code names <c>Task.statusReason</c>.</summary>
    public static T Coded<T>(CodeableConcept? concept, string system, IReadOnlyDictionary<T, string> codes)
        where T : struct
    {
        var coding = concept?.Coding.FirstOrDefault(c => c.System == system)
            ?? throw new RequestValidationException("Task.statusReason", $"must carry a code from {system}: {string.Join(", ", codes.Values)}");
        foreach (var (value, code) in codes)
        {
            if (code == coding.Code)
            {
                return value;
            }
        }

        throw new RequestValidationException("Task.statusReason", $"'{coding.Code}' is not one of {string.Join(", ", codes.Values)}");
    }
}
