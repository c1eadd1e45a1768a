namespace IntegratedCare.BuildingBlocks.Application.Text;

/// <summary>
/// Whether a run of digits is a person's identifier or phone number, by the schemes' own rules: CHI and
/// NHS numbers by their modulus-11 check digit (and a CHI's date of birth), PPS numbers by their
/// modulus-23 check letter, phone numbers by the UK and Irish numbering plans. Ordinary numbers (counts,
/// dates, references) rarely pass a check digit, so they are not flagged.
/// </summary>
public static class IdentifierShapes
{
    /// <summary>A valid NHS number (ten digits, modulus 11).</summary>
    public static bool IsNhs(string digits) => digits.Length == 10 && Modulus11(digits);

    /// <summary>A valid CHI number: DDMMYY of a real date, then four digits, the last a modulus-11 check digit.</summary>
    public static bool IsChi(string digits)
    {
        if (digits.Length != 10 || !Modulus11(digits))
        {
            return false;
        }

        var day = int.Parse(digits.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= 31;
    }

    /// <summary>A valid PPS number: seven digits and a check letter, with an optional second letter (A, B, H, W).</summary>
    public static bool IsPps(string digits, string letters)
    {
        if (digits.Length != 7 || letters.Length is < 1 or > 2)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (digits[i] - '0') * (8 - i);
        }

        if (letters.Length == 2)
        {
            var second = char.ToUpperInvariant(letters[1]);
            sum += (second == 'W' ? 0 : second - 'A' + 1) * 9;
        }

        var check = sum % 23;
        var expected = check == 0 ? 'W' : (char)('A' + check - 1);
        return char.ToUpperInvariant(letters[0]) == expected;
    }

    /// <summary>
    /// A UK or Irish phone number: national (0 then 9 or 10 digits; Dublin's 01 numbers have 7 after it),
    /// or international with 44 or 353 (a "00" or "+" prefix, a "(0)" kept or not).
    /// </summary>
    public static bool IsPhone(string digits) => Domain.Contact.PhoneNumbers.IsNational(Domain.Contact.PhoneNumbers.National(digits));

    private static bool Modulus11(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (digits[i] is < '0' or > '9')
            {
                return false;
            }

            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => digits[9] == '0',
            10 => false,
            _ => digits[9] - '0' == check,
        };
    }
}
