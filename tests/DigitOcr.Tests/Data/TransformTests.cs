using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Augmentation.Geometric;
using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Augmentation.Reference;
using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Tests.Data;

/// <summary>Every augmentation step, forced to act, over many seeds: boxes stay tight and inside, labels stay, seeds reproduce.</summary>
public class TransformTests
{
    private const int Seeds = 40;
    private const int Canvas = 96;
    private const double Keep = 0.7;

    /// <summary>Which scene a step starts from.</summary>
    public enum Start
    {
        /// <summary>A bare 28x28 glyph (the reference's per-digit phase).</summary>
        Glyph,

        /// <summary>A glyph enlarged 3 times (so the erode/dilate step may run).</summary>
        EnlargedGlyph,

        /// <summary>Two digits placed on a canvas of ink coverage, one partly off its edge.</summary>
        Canvas,

        /// <summary>The canvas rendered as a photo.</summary>
        Photo,
    }

    public static TheoryData<string, Start> Steps => new()
    {
        { nameof(AspectJitter), Start.Glyph },
        { nameof(ReferenceScale), Start.Glyph },
        { nameof(BinaryThreshold), Start.Glyph },
        { nameof(StrokeMorphology), Start.EnlargedGlyph },
        { nameof(PlaceOnCanvas), Start.Glyph },
        { nameof(BlackPixels), Start.Canvas },
        { nameof(Invert), Start.Canvas },
        { nameof(RandomAffine), Start.Canvas },
        { nameof(RandomPerspective), Start.Canvas },
        { nameof(BinaryThreshold) + "OnCanvas", Start.Canvas },
        { nameof(StrokeMorphology) + "OnCanvas", Start.Canvas },
        { nameof(PolarityRendering), Start.Canvas },
        { nameof(PaperRendering), Start.Canvas },
        { nameof(Illumination), Start.Photo },
        { nameof(Shadow), Start.Photo },
        { nameof(Blur), Start.Photo },
        { nameof(SensorNoise), Start.Photo },
        { nameof(JpegArtifacts), Start.Photo },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Step_OverManySeeds_KeepsBoxesTightInsideAndLabelled(string name, Start start)
    {
        var step = Create(name);
        for (var seed = 0; seed < Seeds; seed++)
        {
            using var scene = MakeScene(start, seed);
            var labels = scene.Digits.Select(d => d.Digit).ToArray();
            var photoTruth = scene.Stage == SceneStage.Photo ? scene.GroundTruth(Keep) : default;

            // Ink beyond the picture's edge is in the mask but not in the picture; only whole digits can be compared.
            var whole = scene.Digits.Select((d, i) => (d, i)).Where(x => x.d.Ink.InkWithin(scene.Bounds).Count == x.d.Ink.InkCount).Select(x => x.i).ToArray();

            step.Apply(scene, new Random(seed));

            Assert.Equal(labels, scene.Digits.Select(d => d.Digit));
            SceneAssert.BoxesAreTightAndInside(scene, Keep);
            if (scene.Stage == SceneStage.Ink)
            {
                SceneAssert.PictureHoldsEveryMask(scene, whole);
            }

            if (photoTruth.Boxes is not null)
            {
                // Light, noise and compression move no ink.
                Assert.Equal(photoTruth.Boxes, scene.GroundTruth(Keep).Boxes);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Step_SameSeed_GivesTheSameBytesAndBoxes(string name, Start start)
    {
        var step = Create(name);
        for (var seed = 0; seed < 5; seed++)
        {
            using var first = MakeScene(start, seed);
            using var second = MakeScene(start, seed);

            step.Apply(first, new Random(seed));
            step.Apply(second, new Random(seed));

            Assert.Equal(first.Image.ToPixels(), second.Image.ToPixels());
            var (firstBoxes, firstPatches) = first.GroundTruth(Keep);
            var (secondBoxes, secondPatches) = second.GroundTruth(Keep);
            Assert.Equal(firstBoxes, secondBoxes);
            Assert.Equal(firstPatches, secondPatches);
            Assert.Equal(first.Applied, second.Applied);
        }
    }

    [Theory]
    [InlineData(nameof(AspectJitter))]
    [InlineData(nameof(ReferenceScale))]
    [InlineData(nameof(BinaryThreshold))]
    public void GlyphStep_KeepsTheMaskIdenticalToThePicture(string name)
    {
        // In the per-digit phase the picture is the digit: the mask must follow it pixel for pixel.
        for (var seed = 0; seed < 10; seed++)
        {
            using var scene = MakeScene(Start.Glyph, seed);

            Create(name).Apply(scene, new Random(seed));

            var ink = scene.Digits.Single().Ink;
            Assert.Equal(scene.Bounds, ink.Extent);
            Assert.Equal(scene.Image.ToPixels(), ink.Pixels.ToArray());
        }
    }

    [Fact]
    public void StrokeMorphology_OnAGlyphScaledLessThanThreeTimes_DoesNothing()
    {
        using var scene = MakeScene(Start.Glyph, 0);
        var before = scene.Image.ToPixels();

        new StrokeMorphology(1.0, 3.0).Apply(scene, new Random(1));

        Assert.Equal(before, scene.Image.ToPixels());
        Assert.Empty(scene.Applied);
    }

    [Fact]
    public void ReferenceScale_WithSwappedSides_SwapsAJitteredDigitsAspect()
    {
        using var swapped = ReferencePipeline.GlyphScene(TestGlyphs.Test, 0);
        using var straight = ReferencePipeline.GlyphScene(TestGlyphs.Test, 0);
        swapped.Resize(20, 40, Interpolation.Area);
        straight.Resize(20, 40, Interpolation.Area);

        new ReferenceScale(1.0, 224, swapSides: true).Apply(swapped, new Random(3));
        new ReferenceScale(1.0, 224, swapSides: false).Apply(straight, new Random(3));

        Assert.True(swapped.Width > swapped.Height, $"swapped: {swapped.Width}x{swapped.Height}");
        Assert.True(straight.Width < straight.Height, $"straight: {straight.Width}x{straight.Height}");
    }

    private static ISceneTransform Create(string name)
    {
        var photo = new PhotoOptions
        {
            IlluminationProbability = 1, ShadowProbability = 1, BlurProbability = 1, NoiseProbability = 1, JpegProbability = 1,
        };
        return name switch
        {
            nameof(AspectJitter) => new AspectJitter(1.0, 0.5),
            nameof(ReferenceScale) => new ReferenceScale(1.0, Canvas, swapSides: true),
            nameof(BinaryThreshold) or nameof(BinaryThreshold) + "OnCanvas" => new BinaryThreshold(1.0, 127),
            nameof(StrokeMorphology) or nameof(StrokeMorphology) + "OnCanvas" => new StrokeMorphology(1.0, 3.0),
            nameof(PlaceOnCanvas) => new PlaceOnCanvas(Canvas),
            nameof(BlackPixels) => new BlackPixels(1.0, 3),
            nameof(Invert) => new Invert(1.0),
            nameof(RandomAffine) => new RandomAffine(0.1, 5),
            nameof(RandomPerspective) => new RandomPerspective(1.0, 0.08),
            nameof(PolarityRendering) => new PolarityRendering(),
            nameof(PaperRendering) => new PaperRendering(photo),
            nameof(Illumination) => new Illumination(photo),
            nameof(Shadow) => new Shadow(photo),
            nameof(Blur) => new Blur(photo),
            nameof(SensorNoise) => new SensorNoise(photo),
            nameof(JpegArtifacts) => new JpegArtifacts(photo),
            _ => throw new ArgumentException(name),
        };
    }

    private static Scene MakeScene(Start start, int seed)
    {
        var glyphs = TestGlyphs.Test;
        var scene = ReferencePipeline.GlyphScene(glyphs, seed * 7);
        var rng = new Random(1000 + seed);
        if (start == Start.Glyph)
        {
            return scene;
        }

        scene.Resize(28 * 3, 28 * 3, Interpolation.Linear);
        scene.ContentScale = 3;
        if (start == Start.EnlargedGlyph)
        {
            return scene;
        }

        // A second digit, pasted partly off the right edge so that visibility and ignoring are exercised.
        using var other = ReferencePipeline.GlyphScene(glyphs, (seed * 7) + 1);
        new PlaceOnCanvas(Canvas).Apply(scene, rng);
        var x = Canvas - 14 + rng.Next(-6, 6);
        var y = rng.Next(0, Canvas - 28);
        scene.Image.DrawImage(other.Image, x, y, PasteMode.Max);
        scene.AddDigit(other.Digits[0] with { Ink = other.Digits[0].Ink.Offset(x, y), Patch = other.Digits[0].Patch?.Offset(x, y) });
        if (start == Start.Photo)
        {
            new PolarityRendering().Apply(scene, rng);
        }

        return scene;
    }
}
