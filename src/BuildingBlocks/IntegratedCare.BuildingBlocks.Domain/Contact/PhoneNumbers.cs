namespace IntegratedCare.BuildingBlocks.Domain.Contact;

/// <summary>UK and Irish phone numbers as national digits, however written: the one rule the register's keys and the anonymity guard share.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// The national form of a number's digits: a "00" prefix dropped, then 44 or 353 (with or without a
    /// kept "(0)") folded to a leading 0. Digits that are not international are returned as they are.
    /// </summary>
    public static string National(string digits)
    {
        var national = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits;
        if (national.StartsWith("44", StringComparison.Ordinal) && national.Length is 12 or 13)
        {
            return "0" + national[2..].TrimStart('0');
        }

        if (national.StartsWith("353", StringComparison.Ordinal) && national.Length is >= 10 and <= 13)
        {
            return "0" + national[3..].TrimStart('0');
        }

        return national;
    }

    /// <summary>Whether national digits have the shape of a UK or Irish number: 0, not 00, then 8 to 10 more digits.</summary>
    public static bool IsNational(string national) => national.Length is >= 9 and <= 11 && national[0] == '0' && national[1] != '0';
}
