using System.Globalization;

namespace IntegratedCare.Assessment.Domain.ServiceUsers;

/// <summary>The national person identifiers the register holds; numbers match the proto enum.</summary>
public enum IdentifierScheme
{
    /// <summary>Community Health Index number (NHS Scotland): 10 digits, DDMMYY of birth first.</summary>
    Chi = 1,

    /// <summary>NHS number (England, Wales, Isle of Man): 10 digits.</summary>
    Nhs = 2,

    /// <summary>Personal Public Service number (Ireland): 7 digits, a check letter, maybe a second letter.</summary>
    Pps = 3,
}

/// <summary>An identifier in its canonical form: digits only, or upper-case digits and letters for PPS.</summary>
public sealed record PersonIdentifier(IdentifierScheme Scheme, string Value);

/// <summary>
/// The published check rules of each scheme. A wrong digit or letter in a person's identifier is the
/// commonest way two records of one person come to exist, so nothing that fails its check is stored.
/// </summary>
internal static class IdentifierRules
{
    /// <summary>Removes the spaces and hyphens people write identifiers with; PPS letters upper-cased.</summary>
    public static string Normalise(string raw) =>
        new string(raw.Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();

    /// <summary>Why <paramref name="raw"/> is not a valid identifier of <paramref name="scheme"/>, or null when it is.</summary>
    public static string? Problem(IdentifierScheme scheme, string raw, DateOnly? dateOfBirth = null)
    {
        var value = Normalise(raw);
        return scheme switch
        {
            IdentifierScheme.Chi => ChiProblem(value, dateOfBirth),
            IdentifierScheme.Nhs => NhsProblem(value),
            IdentifierScheme.Pps => PpsProblem(value),
            _ => "is not a known identifier scheme",
        };
    }

    /// <summary>
    /// CHI (NHS Scotland): ten digits; the first six are the date of birth as DDMMYY; the tenth is a
    /// modulus 11 check digit over the first nine, weighted 10 down to 2.
    /// </summary>
    private static string? ChiProblem(string value, DateOnly? dateOfBirth)
    {
        if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return "a CHI number is 10 digits";
        }

        var day = int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var year = int.Parse(value.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000 + year, month))
        {
            return "a CHI number starts with a date of birth as DDMMYY";
        }

        if (!Modulus11Holds(value))
        {
            return "the CHI check digit does not match";
        }

        return dateOfBirth is { } dob && (dob.Day != day || dob.Month != month || dob.Year % 100 != year)
            ? "the CHI number does not match the date of birth"
            : null;
    }

    /// <summary>NHS number: ten digits; the tenth is a modulus 11 check digit over the first nine, weighted 10 down to 2.</summary>
    private static string? NhsProblem(string value)
    {
        if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return "an NHS number is 10 digits";
        }

        return Modulus11Holds(value) ? null : "the NHS number check digit does not match";
    }

    /// <summary>
    /// The check of CHI and NHS numbers: 11 minus the weighted sum modulo 11 gives the check digit; 11
    /// means 0, and 10 means no valid number has these first nine digits.
    /// </summary>
    private static bool Modulus11Holds(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>
    /// PPS number (Ireland): seven digits, a check letter and optionally a second letter (A to W). The check
    /// letter is the weighted sum modulo 23 — digits weighted 8 down to 2, the second letter's position in
    /// the alphabet weighted 9 — as a letter, A = 1 … V = 22, W = 0.
    /// </summary>
    private static string? PpsProblem(string value)
    {
        if (value.Length is < 8 or > 9 || !value[..7].All(char.IsAsciiDigit) || !value[7..].All(c => c is >= 'A' and <= 'W'))
        {
            return "a PPS number is 7 digits and a check letter, optionally followed by a letter A to W";
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (value[i] - '0') * (8 - i);
        }

        if (value.Length == 9)
        {
            sum += (value[8] - 'A' + 1) * 9;
        }

        var remainder = sum % 23;
        var expected = remainder == 0 ? 'W' : (char)('A' + remainder - 1);
        return value[7] == expected ? null : "the PPS number check letter does not match";
    }
}
