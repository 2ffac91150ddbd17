using DigitOcr.Boxes;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Scenes;
using DigitOcr.Training;

namespace DigitOcr.Data.Augmentation.Reference;

/// <summary>
/// The reference's whole per-image pipeline (REFERENCE.md, "Training recipe of the reference"), in its order:
/// aspect jitter, scale, threshold, erode/dilate, random position on the canvas, black pixels, invert, random
/// affine. Its validation protocol is the same without the affine. Choices where the reference text leaves room:
/// the scale step resamples bilinearly; the affine fills uncovered area with the background.
/// </summary>
public static class ReferencePipeline
{
    /// <summary>The steps for <paramref name="options"/>; <paramref name="withAffine"/> false gives the validation protocol.</summary>
    public static Pipeline Create(ReferenceOptions options, bool withAffine)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        var steps = new List<ISceneTransform>
        {
            new AspectJitter(options.AspectJitterProbability, options.AspectSigma),
            new ReferenceScale(options.ScaleProbability, options.CanvasSize, options.SwapScaledSides),
            new BinaryThreshold(options.ThresholdProbability, options.ThresholdLevel),
            new StrokeMorphology(options.MorphologyProbability, options.MorphologyMinScale),
            new PlaceOnCanvas(options.CanvasSize),
            new BlackPixels(options.BlackPixelsProbability, options.MaxBlackPixels),
            new Invert(options.InvertProbability),
        };
        if (withAffine)
        {
            steps.Add(new RandomAffine(options.AffineMaxTranslate, options.AffineMaxRotationDegrees));
        }

        steps.Add(new PolarityRendering());
        return new Pipeline(steps);
    }

    /// <summary>
    /// The starting scene for glyph <paramref name="index"/>: the glyph's own picture (bright ink on black), one
    /// digit whose mask is the whole picture and whose patch is the whole 28x28 cell.
    /// </summary>
    public static Scene GlyphScene(GlyphSet glyphs, int index)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var picture = glyphs.ToImage(index);
        try
        {
            var ink = InkMask.FromImage(picture, 0, 0, trim: false);
            var patch = Quad.FromBox(new Box(0, 0, glyphs.Columns, glyphs.Rows));
            return new Scene(picture, [new SceneDigit(glyphs.Label(index), ink, patch)]);
        }
        catch
        {
            picture.Dispose();
            throw;
        }
    }
}
