using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Postprocess;
using DigitOcr.Recognition;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Turns one page, its ground truth and the detector's boxes on it into labelled recognizer crops:
/// <list type="bullet">
/// <item>each detection: its ground-truth digit at IoU >= <c>positiveIoU</c> (whatever the detector called it: that
/// is how misreads get corrected), "not a digit" when it overlaps no box by <c>negativeIoU</c> (clutter, separators,
/// crossed-out digits, scribbles, lines), skipped in between (a loose box on a real digit must not be taught as junk);</item>
/// <item>each visible ground-truth digit, plus jittered copies (shift up to 8 %, scale 0.9-1.15);</item>
/// <item>some digits as the picture's edge would cut them (<see cref="RecognizerDataOptions.EdgeCutCopies"/>);</item>
/// <item>wrong boxes as "not a digit": half a digit sideways, two neighbouring digits at once, and background.</item>
/// </list>
/// </summary>
public sealed class CropHarvester(RecognizerConfig model, RecognizerDataOptions options)
{
    public void Harvest(Image gray, IReadOnlyList<LabeledBox> truth, IReadOnlyList<Detection> detections, Random rng, CropSet into)
    {
        var digits = truth.Where(t => !t.Ignored).ToList();
        foreach (var detection in detections)
        {
            var best = digits.Select(t => (t.Digit, IoU: t.Box.IoU(detection.Box))).DefaultIfEmpty((Digit: -1, IoU: 0f)).MaxBy(x => x.IoU);
            if (best.IoU >= options.PositiveIoU)
            {
                Add(gray, detection.Box, best.Digit, into);
            }
            else if (truth.All(t => t.Box.IoU(detection.Box) < options.NegativeIoU))
            {
                Add(gray, detection.Box, RecognizerConfig.NotADigit, into);
            }
        }

        foreach (var digit in digits)
        {
            Add(gray, digit.Box, digit.Digit, into);
            for (var i = 0; i < options.JitteredCopies; i++)
            {
                Add(gray, Jitter(digit.Box, rng), digit.Digit, into);
            }
        }

        for (var i = 0; i < options.EdgeCutCopies && digits.Count > 0; i++)
        {
            AddEdgeCut(gray, digits[rng.Next(digits.Count)], rng, into);
        }

        for (var i = 0; i < options.HalfDigitNegatives && digits.Count > 0; i++)
        {
            var box = digits[rng.Next(digits.Count)].Box;
            var shift = (float)((0.5 + (0.15 * rng.NextDouble())) * box.Width * (rng.Next(2) == 0 ? -1 : 1));
            AddNegative(gray, box.Offset(shift, 0), digits, into);
        }

        var neighbours = digits.Where(d => d.Number >= 0).GroupBy(d => d.Number)
            .SelectMany(g => g.OrderBy(d => d.Box.X1).Zip(g.OrderBy(d => d.Box.X1).Skip(1))).ToList();
        for (var i = 0; i < options.PairNegatives && neighbours.Count > 0; i++)
        {
            var (a, b) = neighbours[rng.Next(neighbours.Count)];
            AddNegative(gray, a.Box.Union(b.Box), digits, into);
        }

        var typical = digits.Count > 0 ? digits.Average(d => d.Box.Height) : 40f;
        for (int i = 0, tries = 0; i < options.BackgroundNegatives && tries < options.BackgroundNegatives * 20; tries++)
        {
            var height = typical * (float)(0.5 + rng.NextDouble());
            var width = height * (float)(0.3 + (0.7 * rng.NextDouble()));
            var box = Box.FromCenter((float)(rng.NextDouble() * gray.Width), (float)(rng.NextDouble() * gray.Height), width, height).Clip(gray.Width, gray.Height);
            if (!box.IsEmpty && truth.All(t => t.Box.IoU(box) < 0.1f))
            {
                Add(gray, box, RecognizerConfig.NotADigit, into);
                i++;
            }
        }
    }

    /// <summary>A wrong box is "not a digit" only when it is not, by accident, a good box on some digit.</summary>
    private void AddNegative(Image gray, Box box, IReadOnlyList<LabeledBox> digits, CropSet into)
    {
        if (!box.IsEmpty && digits.All(d => d.Box.IoU(box) < options.NegativeIoU + 0.1))
        {
            Add(gray, box, RecognizerConfig.NotADigit, into);
        }
    }

    private void Add(Image gray, Box box, int label, CropSet into)
    {
        using var crop = DigitCrops.Crop(gray, box, model);
        into.Add(crop.ToPixels(), label);
    }

    /// <summary>
    /// <paramref name="digit"/> as a photo whose edge runs through it: the page is cut on one side, 5-30 % of the
    /// box's extent in from that side, and the digit's box (jittered half the time) clipped to what is left, so that
    /// <see cref="DigitCrops"/> replicates the cut's pixels outward exactly as it does at a real picture edge.
    /// </summary>
    private void AddEdgeCut(Image gray, LabeledBox digit, Random rng, CropSet into)
    {
        var box = digit.Box;
        var fraction = 0.05 + (0.25 * rng.NextDouble());
        var (x, y, width, height) = (0, 0, gray.Width, gray.Height);
        switch (rng.Next(4))
        {
            case 0:
                x = (int)Math.Round(box.X1 + (fraction * box.Width));
                width -= x;
                break;
            case 1:
                width = (int)Math.Round(box.X2 - (fraction * box.Width));
                break;
            case 2:
                y = (int)Math.Round(box.Y1 + (fraction * box.Height));
                height -= y;
                break;
            default:
                height = (int)Math.Round(box.Y2 - (fraction * box.Height));
                break;
        }

        if (width < 2 || height < 2 || x >= gray.Width || y >= gray.Height)
        {
            return;
        }

        using var cut = gray.Crop(x, y, width, height);
        var shown = (rng.Next(2) == 0 ? Jitter(box, rng) : box).Offset(-x, -y).Clip(width, height);
        if (shown.Width >= 1 && shown.Height >= 1)
        {
            Add(cut, shown, digit.Digit, into);
        }
    }

    private static Box Jitter(Box box, Random rng)
    {
        float Uniform(double low, double high) => (float)(low + ((high - low) * rng.NextDouble()));
        var (w, h) = (box.Width, box.Height);
        return Box.FromCenter(
            box.CenterX + (Uniform(-0.08, 0.08) * w), box.CenterY + (Uniform(-0.08, 0.08) * h),
            w * Uniform(0.9, 1.15), h * Uniform(0.9, 1.15));
    }
}
