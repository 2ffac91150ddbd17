using System.Text.RegularExpressions;
using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Reading;

/// <summary>
/// From detected digits to numbers, in reading order, the way a person reads a page of handwritten numbers.
/// <list type="number">
/// <item>Lines: digits are chained by mutual nearest right/left neighbours that are close, of similar height and
/// along a gentle slope (so lines rotated by about ±10° still chain, and two lines never merge: a digit of another
/// line is never the nearest along the slope). Lines read top to bottom, numbers left to right.</item>
/// <item>Numbers: a line splits where a gap is much wider than its typical gap between digits
/// (<see cref="NumberReaderOptions.SeparatorGap"/>). Separators (dashes, dots, brackets, spaces) are not digits, so
/// they show as modest gaps, which do not split.</item>
/// <item>Ends: a faint digit at either end of a number, scoring well below the number's other digits, is a stray
/// mark and is not glued on (<see cref="NumberReaderOptions.EndDigitScoreRatio"/>).</item>
/// <item>Formats (optional, <see cref="NumberReaderOptions.Formats"/>): when one reading of a number fits and
/// another does not — with or without a faint end digit, a doubtful digit or its alternative — the reading that
/// fits wins; numbers fitting none are flagged or dropped.</item>
/// <item>Length: groups shorter than <see cref="NumberReaderOptions.MinDigits"/> are not numbers (their digits stay
/// in the detections).</item>
/// </list>
/// Immutable; <see cref="Read"/> may run on several threads at once.
/// </summary>
public sealed class NumberReader
{
    /// <summary>The longest <see cref="NumberFormat.Length"/> accepted.</summary>
    internal const int MaxFormatLength = 32;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly CompiledFormat[] formats;

    /// <exception cref="ArgumentException">Some option is out of range; the message names each one and its value.</exception>
    public NumberReader(NumberReaderOptions? options = null)
    {
        Options = options ?? new NumberReaderOptions();
        var problems = Options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"number reader options have {problems.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems),
                nameof(options));
        }

        formats = Options.Formats.Select(f => new CompiledFormat(f, f.Pattern is null ? null : Anchored(f.Pattern))).ToArray();
    }

    public NumberReaderOptions Options { get; }

    /// <summary>The numbers among <paramref name="detections"/> (any order), in reading order.</summary>
    public IReadOnlyList<RecognizedNumber> Read(IReadOnlyList<Detection> detections)
    {
        var digits = detections.Where(d => d.Score >= Options.MinDigitScore && !d.Box.IsEmpty).ToList();
        var right = new int[digits.Count];
        var left = new int[digits.Count];
        for (var i = 0; i < digits.Count; i++)
        {
            right[i] = Nearest(digits, i, direction: +1);
            left[i] = Nearest(digits, i, direction: -1);
        }

        // Chains of mutual neighbours, each started from its leftmost digit.
        var lines = new List<List<Detection>>();
        for (var i = 0; i < digits.Count; i++)
        {
            if (left[i] >= 0 && right[left[i]] == i)
            {
                continue;
            }

            var chain = new List<Detection> { digits[i] };
            var current = i;
            while (right[current] >= 0 && left[right[current]] == current)
            {
                current = right[current];
                chain.Add(digits[current]);
            }

            lines.Add(chain);
        }

        var ordered = OrderLines(lines);
        var numbers = new List<RecognizedNumber>();
        for (var lineIndex = 0; lineIndex < ordered.Count; lineIndex++)
        {
            foreach (var group in SplitAtGaps(ordered[lineIndex]))
            {
                if (Interpret(group, lineIndex) is { } number)
                {
                    numbers.Add(number);
                }
            }
        }

        return numbers;
    }

    /// <summary>Why <paramref name="pattern"/> is not a valid regular expression, or null when it is.</summary>
    internal static string? PatternProblem(string pattern)
    {
        try
        {
            _ = Anchored(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static Regex Anchored(string pattern) =>
        new($"^(?:{pattern})\\z", RegexOptions.CultureInvariant, PatternTimeout);

    /// <summary>The nearest digit to the right (+1) or left (-1) of digit i that may follow it on one line, or -1.</summary>
    private int Nearest(List<Detection> digits, int i, int direction)
    {
        var a = digits[i].Box;
        var slope = Math.Tan(Options.MaxLineAngleDegrees * Math.PI / 180);
        var best = -1;
        var bestCost = double.MaxValue;
        for (var j = 0; j < digits.Count; j++)
        {
            if (j == i)
            {
                continue;
            }

            var b = digits[j].Box;
            var dx = (b.CenterX - a.CenterX) * direction;
            if (dx <= 0)
            {
                continue;
            }

            var height = (a.Height + b.Height) / 2;
            var ratio = Math.Max(a.Height, b.Height) / Math.Max(Math.Min(a.Height, b.Height), 1e-3f);
            var gap = direction > 0 ? b.X1 - a.X2 : a.X1 - b.X2;
            var dy = Math.Abs(b.CenterY - a.CenterY);
            if (ratio > Options.MaxHeightRatio || gap > Options.MaxNeighbourGap * height || dy > (slope * dx) + (0.25 * height))
            {
                continue;
            }

            // Prefer the closest along the line; vertical offset costs more than horizontal distance.
            var cost = dx + (3 * dy);
            if (cost < bestCost)
            {
                (best, bestCost) = (j, cost);
            }
        }

        return best;
    }

    /// <summary>Lines top to bottom by their centre height; a line's digits are already left to right.</summary>
    private static List<List<Detection>> OrderLines(List<List<Detection>> lines) =>
        lines.OrderBy(l => l.Average(d => d.Box.CenterY)).ThenBy(l => l[0].Box.X1).ToList();

    /// <summary>
    /// The line cut where a gap, in heights of the two digits beside it, exceeds
    /// <c>SeparatorGap + 2 × typical</c>; typical is the lower median of the line's gaps, within [0, MaxTypicalGap].
    /// The lower median, so that in a line of two numbers the one wide gap never counts as typical.
    /// </summary>
    private IEnumerable<List<Detection>> SplitAtGaps(List<Detection> line)
    {
        var gaps = new double[line.Count - 1];
        for (var k = 1; k < line.Count; k++)
        {
            gaps[k - 1] = RelativeGap(line[k - 1].Box, line[k].Box);
        }

        var typical = 0.0;
        if (gaps.Length > 0)
        {
            var sorted = gaps.Order().ToArray();
            typical = Math.Clamp(sorted[(sorted.Length - 1) / 2], 0, Options.MaxTypicalGap);
        }

        var threshold = Options.SeparatorGap + (2 * typical);
        var group = new List<Detection> { line[0] };
        for (var k = 1; k < line.Count; k++)
        {
            if (gaps[k - 1] > threshold)
            {
                yield return group;
                group = [];
            }

            group.Add(line[k]);
        }

        yield return group;
    }

    /// <summary>The blank between two neighbours' boxes, in their mean height.</summary>
    public static double RelativeGap(Box previous, Box next) =>
        (next.X1 - previous.X2) / Math.Max((previous.Height + next.Height) / 2.0, 1e-3);

    /// <summary>
    /// The number a group of digits reads as, or null when it is none: faint end digits dropped; with formats,
    /// the most likely reading that fits; too short, or fitting no format under <see cref="FormatMismatchPolicy.Drop"/>: null.
    /// </summary>
    private RecognizedNumber? Interpret(List<Detection> group, int line)
    {
        var trims = TrimFaintEnds(group);
        if (formats.Length > 0)
        {
            // Most trimmed first: the end digits stay only when the number fits no format without them.
            for (var t = trims.Count - 1; t >= 0; t--)
            {
                if (trims[t].Count >= Options.MinDigits && Fit(trims[t]) is { } fit)
                {
                    return ToNumber(fit.Digits, line) with { Format = fit.Format, FormatCorrections = fit.Corrections };
                }
            }

            if (Options.FormatMismatch == FormatMismatchPolicy.Drop)
            {
                return null;
            }
        }

        var digits = trims[^1];
        if (digits.Count < Options.MinDigits)
        {
            return null;
        }

        return ToNumber(digits, line) with
        {
            FitsFormat = formats.Length == 0,
            WithFaintEnds = trims.Take(trims.Count - 1).Reverse().Select(t => ToNumber(t, line)).ToList(),
        };
    }

    /// <summary>
    /// The group, then the group with its faintest failing end digit removed, and so on while an end digit's
    /// <see cref="DigitMass"/> is below <see cref="NumberReaderOptions.EndDigitScoreRatio"/> times the median of the
    /// others'.
    /// </summary>
    private List<List<Detection>> TrimFaintEnds(List<Detection> group)
    {
        var trims = new List<List<Detection>> { group };
        var current = group;
        while (current.Count > 1 && Options.EndDigitScoreRatio > 0)
        {
            var firstFaint = IsFaint(current, 0);
            var lastFaint = IsFaint(current, current.Count - 1);
            if (!firstFaint && !lastFaint)
            {
                break;
            }

            var dropFirst = firstFaint && (!lastFaint || DigitMass(current[0]) <= DigitMass(current[^1]));
            current = dropFirst ? current[1..] : current[..^1];
            trims.Add(current);
        }

        return trims;
    }

    private bool IsFaint(List<Detection> digits, int end)
    {
        var others = digits.Where((_, i) => i != end).Select(DigitMass).Order().ToArray();
        var median = others.Length % 2 == 1
            ? others[others.Length / 2]
            : (others[(others.Length / 2) - 1] + others[others.Length / 2]) / 2;
        return DigitMass(digits[end]) < Options.EndDigitScoreRatio * median;
    }

    /// <summary>
    /// How sure the reader is that a box is a digit at all, whichever: its score plus its alternatives' (at most 1).
    /// A box torn between a 1 (0.5) and a 7 (0.45) is surely a digit; without alternatives this is the score.
    /// </summary>
    private static double DigitMass(Detection detection) =>
        Math.Min(1.0, detection.Score + detection.Alternatives.Sum(a => (double)a.Score));

    /// <summary>
    /// The reading of <paramref name="digits"/> that fits a format: as detected, or else with the fewest digits
    /// changed to an alternative (at most <see cref="NumberReaderOptions.MaxFormatCorrections"/>), the most likely
    /// of those (the smallest sum of log(score / alternative score)); ties to the leftmost change.
    /// </summary>
    private FormatFit? Fit(List<Detection> digits)
    {
        var text = digits.Select(d => (char)('0' + d.Digit)).ToArray();
        if (FirstFitting(text) is { } format)
        {
            return new FormatFit(digits, format, 0);
        }

        // Per position, the alternatives a format may choose.
        var choices = digits.Select(d => d.Alternatives
            .Where(a => a.Digit is >= 0 and <= 9 && a.Digit != d.Digit && a.Score >= Options.MinAlternativeScore)
            .ToArray()).ToArray();
        for (var corrections = 1; corrections <= Options.MaxFormatCorrections; corrections++)
        {
            var bestCost = double.PositiveInfinity;
            (int Position, DigitAlternative Alternative)[]? bestChanges = null;
            NumberFormat? bestFormat = null;
            var changes = new (int Position, DigitAlternative Alternative)[corrections];
            Search(0, 0, 0.0);
            if (bestChanges is { } chosen)
            {
                var corrected = digits.ToList();
                foreach (var (position, alternative) in chosen)
                {
                    corrected[position] = ReadAs(digits[position], alternative);
                }

                return new FormatFit(corrected, bestFormat!, corrections);
            }

            void Search(int from, int depth, double cost)
            {
                if (depth == corrections)
                {
                    if (cost < bestCost && FirstFitting(text) is { } fitting)
                    {
                        (bestCost, bestChanges, bestFormat) = (cost, changes.ToArray(), fitting);
                    }

                    return;
                }

                for (var position = from; position < digits.Count; position++)
                {
                    foreach (var alternative in choices[position])
                    {
                        text[position] = (char)('0' + alternative.Digit);
                        changes[depth] = (position, alternative);
                        Search(position + 1, depth + 1, cost + Math.Log(Math.Max(digits[position].Score, 1e-6) / Math.Max(alternative.Score, 1e-6)));
                        text[position] = (char)('0' + digits[position].Digit);
                    }
                }
            }
        }

        return null;
    }

    private NumberFormat? FirstFitting(ReadOnlySpan<char> text)
    {
        foreach (var format in formats)
        {
            if ((format.Format.Length is not { } length || text.Length == length) && (format.Pattern is null || format.Pattern.IsMatch(text)))
            {
                return format.Format;
            }
        }

        return null;
    }

    /// <summary>The detection read as its alternative: the detector's first choice becomes one of its alternatives.</summary>
    private static Detection ReadAs(Detection detection, DigitAlternative alternative) =>
        new(alternative.Digit, alternative.Score, detection.Box)
        {
            Alternatives = detection.Alternatives
                .Where(a => a.Digit != alternative.Digit)
                .Append(new DigitAlternative(detection.Digit, detection.Score))
                .OrderByDescending(a => a.Score)
                .ToList(),
        };

    private static RecognizedNumber ToNumber(List<Detection> digits, int line) => RecognizedNumber.FromDigits(digits, line);

    private sealed record CompiledFormat(NumberFormat Format, Regex? Pattern);

    private sealed record FormatFit(List<Detection> Digits, NumberFormat Format, int Corrections);
}
