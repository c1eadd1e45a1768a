using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegratedCare.BuildingBlocks.Application.Errors;

namespace IntegratedCare.BuildingBlocks.Application.Paging;

/// <summary>
/// Opaque page tokens (AIP-158 style). A token is bound to the filter it was issued for, so a caller
/// cannot carry a position from one listing into another.
/// </summary>
public static class PageToken
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int PageSize(int requested) =>
        requested <= 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);

    public static string Encode(int offset, string filter) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"v1:{offset}:{Fingerprint(filter)}")));

    /// <summary>The offset a token points at; an empty token is the first page.</summary>
    public static int Decode(string? token, string filter, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            if (parts.Length == 3 && parts[0] == "v1"
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && parts[2] == Fingerprint(filter))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new RequestValidationException(field, "is not a token this listing issued, or the filter changed since");
    }

    private static string Fingerprint(string filter) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filter)), 0, 8);
}

/// <summary>One page of a listing and the token for the next, empty on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalSize)
{
    /// <summary>The page that starts at <paramref name="offset"/>, with a next token while more remain.</summary>
    public static Page<T> At(IReadOnlyList<T> items, int offset, int total, string filter) =>
        new(items, offset + items.Count < total ? PageToken.Encode(offset + items.Count, filter) : string.Empty, total);
}
