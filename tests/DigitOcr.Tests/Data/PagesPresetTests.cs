using DigitOcr.Data;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Scenes;
using DigitOcr.Data.Sources;

namespace DigitOcr.Tests.Data;

public class PagesPresetTests
{
    /// <summary>Small crops and digits keep the tests fast; the layout code is the same.</summary>
    private static readonly PageOptions Small = new()
    {
        Layout = new LayoutOptions { DigitHeight = new ValueRange(12, 48), PageScale = new ValueRange(1.5, 2.2) },
        Crop = new CropOptions { Width = 128, Height = 128, CropsPerPage = 3 },
    };

    private static GlyphSet Fashion => GlyphSetCache.FashionMnist(MnistSplit.Test);

    [Fact]
    public void Crops_OverManyPages_HaveTightBoxesInsideWithIgnoredCutDigits()
    {
        var source = Source(Small, DataSplit.Train, seed: 1);
        var boxes = 0;
        var ignored = 0;
        for (var group = 0; group < 12; group++)
        {
            foreach (var scene in source.RenderGroup(0, group))
            {
                using (scene)
                {
                    Assert.Equal((128, 128, SceneStage.Photo), (scene.Width, scene.Height, scene.Stage));
                    SceneAssert.BoxesAreTightAndInside(scene, Small.Crop.KeepVisibleFraction);
                    var truth = scene.GroundTruth(Small.Crop.KeepVisibleFraction).Boxes;
                    boxes += truth.Count;
                    ignored += truth.Count(b => b.Ignored);
                }
            }
        }

        Assert.True(boxes > 50, $"only {boxes} boxes in 36 crops");
        Assert.True(ignored > 0, "no digit was cut by a crop border");
    }

    [Fact]
    public void Pages_InTheInkStage_HoldEveryDigitsInk()
    {
        var source = Source(Small, DataSplit.Train, seed: 2);
        for (var group = 0; group < 8; group++)
        {
            using var page = source.ComposeInk(0, group);

            SceneAssert.PictureHoldsEveryMask(page);
            SceneAssert.BoxesAreTightAndInside(page, Small.Crop.KeepVisibleFraction);
        }
    }

    [Fact]
    public void SameSeedEpochAndGroup_GiveTheSameBytes_OtherEpochsDiffer()
    {
        var a = Source(Small, DataSplit.Train, seed: 3);
        var b = Source(Small, DataSplit.Train, seed: 3);
        for (var group = 0; group < 4; group++)
        {
            var first = a.GenerateGroup(1, group);
            var second = b.GenerateGroup(1, group);
            var other = a.GenerateGroup(2, group);
            try
            {
                for (var k = 0; k < first.Count; k++)
                {
                    SceneAssert.Identical(first[k], second[k]);
                }

                Assert.False(first[0].Image.ToPixels().AsSpan().SequenceEqual(other[0].Image.ToPixels()));
            }
            finally
            {
                foreach (var sample in first.Concat(second).Concat(other))
                {
                    sample.Dispose();
                }
            }
        }
    }

    [Fact]
    public void Labels_AreTheDrawnGlyphsLabels()
    {
        var sevens = TestGlyphs.OnlyDigit(TestGlyphs.Test, 7);
        var source = new PageSampleSource(sevens, null, Small, DataSplit.Validation, seed: 4, evaluationCount: 100);
        var seen = 0;
        for (var group = 0; group < 6; group++)
        {
            foreach (var sample in source.GenerateGroup(0, group))
            {
                using (sample)
                {
                    Assert.All(sample.Boxes, b => Assert.Equal(7, b.Digit));
                    seen += sample.Boxes.Count;
                }
            }
        }

        Assert.True(seen > 10);
    }

    [Fact]
    public void CrossedOutDigits_AreDrawnButHaveNoBox()
    {
        var options = Small with { Surface = new SurfaceOptions { CrossedOutProbability = 1 } };
        var source = Source(options, DataSplit.Train, seed: 5);
        for (var group = 0; group < 4; group++)
        {
            using var page = source.ComposeInk(0, group);

            Assert.Empty(page.Digits);
            Assert.Contains(page.Image.ToPixels(), v => v == 255);
        }
    }

    [Fact]
    public void ScribblesNearDigits_AreDrawnBesideTheNumbers_AndRecordedAsTheirCondition()
    {
        var always = Source(Small with { Clutter = new ClutterOptions { ItemsPerCropArea = new ValueRange(0, 0), ScribbleNearDigitsProbability = 1 } }, DataSplit.Train, seed: 6);
        var never = Source(Small with { Clutter = new ClutterOptions { ItemsPerCropArea = new ValueRange(0, 0), ScribbleNearDigitsProbability = 0 } }, DataSplit.Train, seed: 6);
        var (inkWith, inkWithout) = (0, 0);
        for (var group = 0; group < 4; group++)
        {
            using var withScribbles = always.ComposeInk(0, group);
            using var without = never.ComposeInk(0, group);

            // The same layout (the scribbles are drawn after it), with more ink beside the numbers.
            Assert.Equal(without.Digits.Count, withScribbles.Digits.Count);
            if (withScribbles.Digits.Count > 0)
            {
                Assert.Contains(PageConditions.ScribbleNearDigits, withScribbles.Applied);
            }

            Assert.DoesNotContain(PageConditions.ScribbleNearDigits, without.Applied);
            inkWith += withScribbles.Image.ToPixels().Count(v => v > 0);
            inkWithout += without.Image.ToPixels().Count(v => v > 0);
        }

        // A scribble may fall off the page's edge, but not on every page.
        Assert.True(inkWith > inkWithout, $"ink with scribbles {inkWith}, without {inkWithout}");
    }

    [Fact]
    public void DefaultPages_SpanSmallToLargeDigits()
    {
        var source = Source(new PageOptions(), DataSplit.Train, seed: 6);
        var heights = new List<float>();
        for (var group = 0; group < 40; group++)
        {
            using var page = source.ComposeInk(0, group);
            heights.AddRange(page.GroundTruth(0.7).Boxes.Where(b => !b.Ignored).Select(b => b.Box.Height));
        }

        Assert.InRange(heights.Min(), 5, 20);
        Assert.True(heights.Max() > 120, $"largest digit {heights.Max()} px");
    }

    [Fact]
    public void EvaluationSets_UseTestDigits_AndRepeatEveryEpoch()
    {
        Assert.Equal(MnistSplit.Train, SampleSources.MnistSplitOf(DataSplit.Train));
        Assert.Equal(MnistSplit.Test, SampleSources.MnistSplitOf(DataSplit.Validation));
        Assert.Equal(MnistSplit.Test, SampleSources.MnistSplitOf(DataSplit.Test));

        var options = new DataOptions { DataFolder = TestGlyphs.DataFolder, Pages = Small, EvaluationSamples = 30 };
        var validation = SampleSources.Create(options, DataSplit.Validation);
        var test = SampleSources.Create(options, DataSplit.Test);
        Assert.Equal(30, validation.Count);
        Assert.Null(SampleSources.Create(options, DataSplit.Train).Count);

        using var early = validation.Generate(0, 4);
        using var late = validation.Generate(7, 4);
        using var other = test.Generate(0, 4);
        SceneAssert.Identical(early, late);
        Assert.False(early.Image.ToPixels().AsSpan().SequenceEqual(other.Image.ToPixels()));
    }

    [Fact]
    public void EveryDigit_KnowsItsWrittenNumber_InWritingOrder()
    {
        var source = Source(Small, DataSplit.Train, seed: 7);
        var numbers = 0;
        for (var page = 0; page < 8; page++)
        {
            using var sample = source.GeneratePage(0, page);
            Assert.All(sample.Boxes, b => Assert.True(b.Number >= 0, $"{b} has no number"));
            foreach (var number in sample.Boxes.GroupBy(b => b.Number).Where(g => g.Count() > 1))
            {
                numbers++;
                // Lines lean at most about 8 degrees, so writing order is left to right.
                var centers = number.Select(b => b.Box.CenterX).ToList();
                Assert.True(centers.Zip(centers.Skip(1)).All(p => p.Second > p.First), $"number {number.Key} is not in writing order: {string.Join(", ", centers)}");
            }
        }

        Assert.True(numbers > 5, $"only {numbers} multi-digit numbers on 8 pages");
    }

    private static PageSampleSource Source(PageOptions options, DataSplit split, int seed) =>
        new(split == DataSplit.Train ? TestGlyphs.Train : TestGlyphs.Test, Fashion, options, split, seed, evaluationCount: 100);
}
