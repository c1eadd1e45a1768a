using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using IntegratedCare.BuildingBlocks.Application.Auditing;

namespace IntegratedCare.Host.Web;

/// <summary>
/// A person's disclosure log as a CSV file for a subject access request: one row per audit record, with
/// the names the reader may see beside the ids, in UTC.
/// </summary>
public static class DisclosureLogCsv
{
    /// <summary>A cell that begins like a formula (=, +, -, @) is escaped: the file is opened in spreadsheets.</summary>
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public sealed record Row(
        string OccurredAtUtc, string Who, string ActorId, string ActorKind, string Agency, string AgencyId, string Roles,
        string What, string Operation, string ResourceId, string Purpose, string Outcome, string Basis, string Detail, string CorrelationId);

    public static string Write(IEnumerable<AuditRecord> entries, Func<AuditRecord, string> who, Func<string?, string> agency)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Configuration))
        {
            csv.WriteRecords(entries.Select(e => new Row(
                e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), who(e), e.ActorId, e.ActorKind,
                e.AgencyId is null ? string.Empty : agency(e.AgencyId), e.AgencyId ?? string.Empty, e.Roles,
                Words.AuditWhat(e.Action, e.ResourceType), e.Operation, e.ResourceId ?? string.Empty, e.Purpose ?? string.Empty,
                Words.AuditOutcome(e.Outcome), e.Basis ?? string.Empty, e.OutcomeDetail ?? string.Empty, e.CorrelationId)));
        }

        return text.ToString();
    }
}
