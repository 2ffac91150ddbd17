using DigitOcr.Boxes;
using DigitOcr.Postprocess;

namespace DigitOcr.Reading;

/// <summary>
/// From detected digits to numbers, in reading order. Digits are chained into lines by mutual nearest
/// right/left neighbours that are close, of similar height and along a gentle slope (so lines rotated by about
/// ±10° still chain, and two lines never merge: a digit of another line is never the nearest along the slope);
/// each line splits into numbers at gaps wider than <see cref="NumberReaderOptions.NumberGap"/> digit heights;
/// lines read top to bottom, numbers left to right. Separators (dashes, dots, brackets) are not digits, so they
/// are simply not there.
/// </summary>
public sealed class NumberReader(NumberReaderOptions? options = null)
{
    public NumberReaderOptions Options { get; } = options ?? new NumberReaderOptions();

    public IReadOnlyList<RecognizedNumber> Read(IReadOnlyList<Detection> detections)
    {
        var digits = detections.Where(d => d.Score >= Options.MinDigitScore && !d.Box.IsEmpty).ToList();
        var right = new int[digits.Count];
        var left = new int[digits.Count];
        Array.Fill(right, -1);
        Array.Fill(left, -1);
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
            foreach (var group in SplitAtGaps(ordered[lineIndex]).Where(g => g.Count >= Options.MinDigits))
            {
                numbers.Add(ToNumber(group, lineIndex));
            }
        }

        return numbers;
    }

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

    private IEnumerable<List<Detection>> SplitAtGaps(List<Detection> line)
    {
        var group = new List<Detection> { line[0] };
        for (var k = 1; k < line.Count; k++)
        {
            var previous = line[k - 1].Box;
            var next = line[k].Box;
            var height = (previous.Height + next.Height) / 2;
            if (next.X1 - previous.X2 > Options.NumberGap * height)
            {
                yield return group;
                group = [];
            }

            group.Add(line[k]);
        }

        yield return group;
    }

    private static RecognizedNumber ToNumber(List<Detection> digits, int line)
    {
        var box = digits.Skip(1).Aggregate(digits[0].Box, (acc, d) =>
            new Box(Math.Min(acc.X1, d.Box.X1), Math.Min(acc.Y1, d.Box.Y1), Math.Max(acc.X2, d.Box.X2), Math.Max(acc.Y2, d.Box.Y2)));
        var score = Math.Exp(digits.Average(d => Math.Log(Math.Max(d.Score, 1e-6))));
        return new RecognizedNumber(string.Concat(digits.Select(d => (char)('0' + d.Digit))), score, box, digits, line);
    }
}
