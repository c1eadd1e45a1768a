using System.Globalization;
using System.Text;

namespace IntegratedCare.BuildingBlocks.Application.Text;

/// <summary>
/// A text folded for matching what identifies a person, with each folded character's position in the
/// original, so findings are reported where the writer put them. Folding: Unicode compatibility forms
/// (full-width "＠" and "７" are "@" and "7"), case, accents, every kind of space and dash to one.
/// <see cref="Digits"/> then reads numbers however they are written: grouped or spaced, with dots,
/// slashes or brackets between, look-alike letters among digits (O for 0, l or I for 1) and number words
/// ("oh seven seven", "double four").
/// </summary>
public sealed class NormalisedText
{
    private readonly int[] _map;

    private NormalisedText(string original, string text, int[] map)
    {
        Original = original;
        Text = text;
        _map = map;
    }

    public string Original { get; }

    /// <summary>Lower case, no accents, compatibility-folded; one character per original character or fewer.</summary>
    public string Text { get; }

    public static NormalisedText Of(string original)
    {
        var text = new StringBuilder(original.Length);
        var map = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var unit = char.IsSurrogatePair(original, i) ? original.Substring(i, 2) : original[i].ToString();
            foreach (var c in unit.Normalize(NormalizationForm.FormKD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
                {
                    continue;
                }

                var folded = c switch
                {
                    _ when char.IsWhiteSpace(c) => ' ',
                    '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
                    '’' or '‘' or '`' => '\'',
                    _ => char.ToLowerInvariant(c),
                };
                text.Append(folded);
                map.Add(i);
            }

            i += unit.Length - 1;
        }

        return new NormalisedText(original, text.ToString(), [.. map]);
    }

    /// <summary>The original span of folded characters <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/>.</summary>
    public (int Start, int Length) SpanInOriginal(int start, int length)
    {
        if (_map.Length == 0)
        {
            return (0, 0);
        }

        var first = _map[Math.Clamp(start, 0, _map.Length - 1)];
        var last = _map[Math.Clamp(start + length - 1, 0, _map.Length - 1)];
        var end = last + (last + 1 < Original.Length && char.IsSurrogatePair(Original, last) ? 2 : 1);
        return (first, end - first);
    }

    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = "0", ["oh"] = "0", ["nought"] = "0", ["nil"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4",
        ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8", ["nine"] = "9",
    };

    /// <summary>
    /// Every run of digits in the text, read as a person writing a number would mean it: digits and digit
    /// words, with spaces, dots, dashes, slashes and brackets between them ignored, and O, o, l, I read as
    /// digits when they stand among digits. Each run carries its folded span; a run of one or two digits
    /// is left out (counts, tiers and days are not identifiers).
    /// </summary>
    public IReadOnlyList<DigitRun> Digits()
    {
        var runs = new List<DigitRun>();
        var tokens = Tokens();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsNumeric)
            {
                i++;
                continue;
            }

            var digits = new StringBuilder();
            var start = tokens[i].Start;
            var end = tokens[i].End;
            var j = i;
            var repeat = 1;
            for (; j < tokens.Count; j++)
            {
                var token = tokens[j];
                if (j > i && !OnlySeparators(tokens[j - 1].End, token.Start))
                {
                    break;
                }

                if (token.Value is "double" or "treble" or "triple")
                {
                    repeat = token.Value == "double" ? 2 : 3;
                    continue;
                }

                if (!token.IsNumeric)
                {
                    break;
                }

                for (var r = 0; r < repeat; r++)
                {
                    digits.Append(token.Digits);
                }

                repeat = 1;
                end = token.End;
            }

            if (digits.Length >= 3)
            {
                runs.Add(new DigitRun(digits.ToString(), start, end - start));
            }

            i = Math.Max(j, i + 1);
        }

        return runs;
    }

    private bool OnlySeparators(int from, int to)
    {
        if (to - from > 3)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (Text[k] is not (' ' or '.' or '-' or '/' or '(' or ')' or '+'))
            {
                return false;
            }
        }

        return true;
    }

    private List<Token> Tokens()
    {
        var tokens = new List<Token>();
        var k = 0;
        while (k < Text.Length)
        {
            if (!char.IsLetterOrDigit(Text[k]))
            {
                k++;
                continue;
            }

            var from = k;
            while (k < Text.Length && char.IsLetterOrDigit(Text[k]))
            {
                k++;
            }

            var value = Text[from..k];
            tokens.Add(new Token(value, from, k, Read(value)));
        }

        return tokens;
    }

    /// <summary>A token's digits: itself if all digits or look-alikes with at least one real digit; a number word's digit; else null.</summary>
    private static string? Read(string value)
    {
        if (NumberWords.TryGetValue(value, out var word))
        {
            return word;
        }

        var hasDigit = false;
        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    hasDigit = true;
                    digits.Append(c);
                    break;
                case 'o':
                    digits.Append('0');
                    break;
                case 'l' or 'i':
                    digits.Append('1');
                    break;
                default:
                    return null;
            }
        }

        return hasDigit ? digits.ToString() : null;
    }

    private sealed record Token(string Value, int Start, int End, string? Digits)
    {
        public bool IsNumeric => Digits is not null;
    }
}

/// <summary>A number as written, read as its digits, with where it is in the folded text.</summary>
public sealed record DigitRun(string Digits, int Start, int Length);
