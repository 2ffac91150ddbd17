using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Reading;
using DigitOcr.Training.Metrics;

namespace DigitOcr.Evaluation;

/// <summary>
/// Sorts the misread numbers of many pages into <see cref="NumberErrors"/>: each written number (at least
/// <paramref name="minDigits"/> digits, fully visible) is compared with the read number that overlaps its box most.
/// </summary>
/// <param name="minDigits">Written numbers this long count (the reader's own minimum, so that they can be read at all).</param>
/// <param name="placeIoU">A read number at least this IoU with the written one, with the same digits, is exact.</param>
/// <param name="minDigitScore">A detection counts as a digit read from this score (the reader's own floor).</param>
public sealed class NumberErrorAnalysis(int minDigits, double placeIoU, double minDigitScore = 0)
{
    /// <summary>A written digit was read right by a detection of its digit at least this IoU with it.</summary>
    public const double DigitIoU = 0.5;

    /// <summary>The most misread numbers kept for listing (<see cref="NumberErrors.Examples"/>); counts go on past it.</summary>
    public const int MaxExamples = 1000;

    private readonly Dictionary<(int, int), int> confusions = [];
    private readonly List<MisreadNumber> examples = [];
    private int misread, substitutionOnly, missedDigit, extraDigit, mixed, notRead, strays, substituted, missed, extra, everyDigitRead;

    /// <param name="truths">The image's annotated digits.</param>
    /// <param name="read">The numbers read on it.</param>
    /// <param name="image">Names the image in <see cref="NumberErrors.Examples"/> (a page number, a file).</param>
    /// <param name="digits">The digits detected on it, when known: a misread number each of whose written digits was
    /// read right among them counts in <see cref="NumberErrors.EveryDigitRead"/>.</param>
    public void Add(IReadOnlyList<LabeledBox> truths, IReadOnlyList<RecognizedNumber> read, string image = "", IReadOnlyList<Detection>? digits = null)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(read);
        var numberBoxes = truths.Where(t => t.Number >= 0 && !t.Ignored).Select(t => t.Box).ToList();
        strays += read.Count(r => !numberBoxes.Exists(b => r.Box.IoU(b) > 0));
        foreach (var (number, text, box) in WrittenNumbers.Of(truths, minDigits))
        {
            var best = read.Where(r => r.Box.IoU(box) > 0).MaxBy(r => r.Box.IoU(box));
            if (best is not null && best.Text == text && best.Box.IoU(box) >= placeIoU)
            {
                continue;
            }

            misread++;
            var allRead = digits is not null && EveryDigitRead(truths, number, digits);
            everyDigitRead += allRead ? 1 : 0;
            if (examples.Count < MaxExamples)
            {
                examples.Add(new MisreadNumber(image, text, best?.Text) { EveryDigitRead = allRead });
            }

            if (best is null)
            {
                notRead++;
                continue;
            }

            var alignment = DigitAlignment.Align(text, best.Text);
            substituted += alignment.Substitutions.Count;
            missed += alignment.Missed;
            extra += alignment.Extra;
            foreach (var (w, r) in alignment.Substitutions)
            {
                var key = (w - '0', r - '0');
                confusions[key] = confusions.GetValueOrDefault(key) + 1;
            }

            switch (alignment.Missed > 0, alignment.Extra > 0)
            {
                case (false, false): substitutionOnly++; break;
                case (true, false): missedDigit++; break;
                case (false, true): extraDigit++; break;
                default: mixed++; break;
            }
        }
    }

    /// <summary>Whether each digit of written number <paramref name="number"/> has a detection of its digit over it.</summary>
    private bool EveryDigitRead(IReadOnlyList<LabeledBox> truths, int number, IReadOnlyList<Detection> digits) =>
        truths.Where(t => t.Number == number)
            .All(t => digits.Any(d => d.Digit == t.Digit && d.Score >= minDigitScore && d.Box.IoU(t.Box) >= DigitIoU));

    public NumberErrors Compute() => new(
        misread, substitutionOnly, missedDigit, extraDigit, mixed, notRead, strays, substituted, missed, extra,
        confusions.Select(kv => new DigitConfusion(kv.Key.Item1, kv.Key.Item2, kv.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Written).ThenBy(c => c.Read).ToList())
    {
        Examples = examples.ToList(),
        EveryDigitRead = everyDigitRead,
    };
}
