using System.Globalization;
using System.Text;

namespace IntegratedCare.Assessment.Domain.ServiceUsers;

/// <summary>
/// Name comparison that tolerates the ways one person's name gets written differently: accents, case,
/// apostrophes and hyphens (O'Brien, OBrien), Mac and Mc, and small spelling slips (Jonstone, Johnstone).
/// </summary>
internal static class NameMatching
{
    /// <summary>Lower-case letters only, accents removed: "Ó Súilleabháin" and "O'Suilleabhain" both give "osuilleabhain".</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        var key = builder.ToString();
        return key.StartsWith("mac", StringComparison.Ordinal) && key.Length > 4 ? "mc" + key[3..] : key;
    }

    /// <summary>American Soundex of a name key: a letter and three digits, equal for names that sound alike.</summary>
    public static string Soundex(string key)
    {
        if (key.Length == 0)
        {
            return string.Empty;
        }

        var result = new StringBuilder(4);
        result.Append(char.ToUpperInvariant(key[0]));
        var previous = Code(key[0]);
        for (var i = 1; i < key.Length && result.Length < 4; i++)
        {
            var c = key[i];
            var code = Code(c);
            if (code != '0' && code != previous)
            {
                result.Append(code);
            }

            // 'h' and 'w' do not separate letters with the same code; vowels do.
            if (c is not ('h' or 'w'))
            {
                previous = code;
            }
        }

        return result.ToString().PadRight(4, '0');
    }

    /// <summary>How alike two names are, 0 to 1: the Jaro-Winkler similarity of their keys, or 0.9 when they sound alike.</summary>
    public static double Similarity(string? a, string? b)
    {
        var x = Key(a);
        var y = Key(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }

        if (x == y)
        {
            return 1;
        }

        var jaroWinkler = JaroWinkler(x, y);
        return Soundex(x) == Soundex(y) ? Math.Max(jaroWinkler, 0.9) : jaroWinkler;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps ("Dohrety").</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    public static double JaroWinkler(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[j])
            {
                j++;
            }

            if (a[i] != b[j])
            {
                transpositions++;
            }

            j++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    private static char Code(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
