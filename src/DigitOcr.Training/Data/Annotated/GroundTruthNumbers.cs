using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// The written numbers of an annotated image. Annotation formats give each digit's box, not which number it belongs
/// to, so a number is what <see cref="NumberReader"/> reads from the ground-truth boxes themselves (every box a sure
/// detection): "numbers read exactly" then asks whether the detector's boxes read as a perfect detector's would.
/// </summary>
public static class GroundTruthNumbers
{
    /// <summary>
    /// <paramref name="truths"/> with <see cref="LabeledBox.Number"/> set: each number's digits in writing order under
    /// its index, then the digits of no number (-1). Ignored boxes belong to no number.
    /// </summary>
    public static IReadOnlyList<LabeledBox> Assign(IReadOnlyList<LabeledBox> truths, NumberReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(truths);
        reader ??= new NumberReader();
        var open = truths.Where(t => !t.Ignored).ToList();
        var numbers = reader.Read(open.Select(t => new Detection(t.Digit, 1f, t.Box)).ToList());
        var result = new List<LabeledBox>(truths.Count);
        for (var n = 0; n < numbers.Count; n++)
        {
            foreach (var digit in numbers[n].Digits)
            {
                var at = open.FindIndex(t => t.Digit == digit.Digit && t.Box == digit.Box);
                if (at < 0)
                {
                    continue;
                }

                result.Add(open[at] with { Number = n });
                open.RemoveAt(at);
            }
        }

        result.AddRange(open.Select(t => t with { Number = -1 }));
        result.AddRange(truths.Where(t => t.Ignored).Select(t => t with { Number = -1 }));
        return result;
    }
}
