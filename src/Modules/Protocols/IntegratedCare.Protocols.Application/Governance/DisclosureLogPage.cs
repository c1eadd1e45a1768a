using IntegratedCare.BuildingBlocks.Application.Auditing;

namespace IntegratedCare.Protocols.Application.Governance;

/// <summary>
/// A page of a person's disclosure log: the audit records about them as they were written (who, for which
/// agency, did what, when, on what basis, with what outcome; ids and codes only), and the instant the log
/// was read as of: pass it back with the next page token.
/// </summary>
public sealed record DisclosureLogPage(IReadOnlyList<AuditRecord> Entries, string NextPageToken, int TotalSize, DateTimeOffset AsOf);
