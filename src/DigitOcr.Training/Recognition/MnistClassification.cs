using DigitOcr.Config;
using DigitOcr.Data.Mnist;
using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.Recognition;
using DigitOcr.Torch;

namespace DigitOcr.Training.Recognition;

/// <summary>The recognizer as a plain classifier on MNIST's 10,000 test digits.</summary>
/// <param name="Accuracy">Share read as their digit among all 11 classes ("not a digit" counts as wrong).</param>
/// <param name="DigitOnlyAccuracy">Share whose best digit (ignoring "not a digit") is right: the classifier's own accuracy.</param>
/// <param name="Rejected">Share called "not a digit".</param>
public sealed record MnistClassificationResult(int Digits, double Accuracy, double DigitOnlyAccuracy, double Rejected);

/// <summary>
/// Reads every MNIST test digit the way the recognizer sees a detected box: the digit's ink (inverted to dark on
/// white, as on paper) centred on a white 64x64 canvas, its tight ink box cropped by <see cref="DigitCrops"/>.
/// </summary>
public static class MnistClassification
{
    private const int Canvas = 64;

    /// <summary>
    /// Reads the test digits with <paramref name="recognizer"/>; an ensemble reads as the detector reads with it
    /// (<see cref="RecognizerEnsemble.Read"/>, <paramref name="secondOpinionBelow"/> as <see cref="FusionOptions.SecondOpinionBelow"/>).
    /// </summary>
    public static MnistClassificationResult Run(RecognizerEnsemble recognizer, GlyphSet test, double secondOpinionBelow)
    {
        var config = recognizer.Config;
        var (right, digitRight, rejected) = (0, 0, 0);
        const int Batch = 500;
        for (var start = 0; start < test.Count; start += Batch)
        {
            var count = Math.Min(Batch, test.Count - start);
            var size = config.CropSize * config.CropSize;
            var pixels = new byte[count * size];
            for (var i = 0; i < count; i++)
            {
                using var crop = Crop(test, start + i, config);
                crop.ToPixels().CopyTo(pixels, i * size);
            }

            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            var probabilities = recognizer.Probabilities(DigitCrops.ToTensor(pixels, count, config.CropSize), secondOpinionBelow);
            var best = probabilities.argmax(1).data<long>();
            var bestDigit = probabilities.narrow(1, 0, 10).argmax(1).data<long>();
            for (var i = 0; i < count; i++)
            {
                var label = test.Label(start + i);
                right += best[i] == label ? 1 : 0;
                digitRight += bestDigit[i] == label ? 1 : 0;
                rejected += best[i] == RecognizerConfig.NotADigit ? 1 : 0;
            }
        }

        return new MnistClassificationResult(test.Count, (double)right / test.Count, (double)digitRight / test.Count, (double)rejected / test.Count);
    }

    /// <summary>The recognizer's crop of one glyph: dark ink centred on a white 64x64 canvas, cropped at its tight ink box. The caller owns it.</summary>
    public static Image Crop(GlyphSet glyphs, int index, RecognizerConfig config)
    {
        using var canvas = Image.Create(Canvas, Canvas, fill: 255);
        using var ink = Inverted(glyphs, index);
        var offset = (Canvas - glyphs.Columns) / 2;
        canvas.DrawImage(ink, offset, offset);
        var bounds = glyphs.InkBounds(index);
        var box = new Boxes.Box(bounds.X + offset, bounds.Y + offset, bounds.Right + offset, bounds.Bottom + offset);
        return DigitCrops.Crop(canvas, box, config);
    }

    /// <summary>The glyph as dark ink on white (MNIST's ink is light on black).</summary>
    private static Image Inverted(GlyphSet set, int index)
    {
        var pixels = set.Pixels(index).ToArray();
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(255 - pixels[i]);
        }

        return Image.FromPixels(pixels, set.Columns, set.Rows);
    }
}
