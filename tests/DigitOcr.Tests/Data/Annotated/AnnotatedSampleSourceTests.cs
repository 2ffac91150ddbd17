using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Annotated;
using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Augmentation.Photometric;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sampling;
using DigitOcr.Data.Sources;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Data.Annotated;

/// <summary>The user's images become crops of the model's input with their boxes carried along, mixed with synthetic pages at the configured share.</summary>
public sealed class AnnotatedSampleSourceTests(AnnotatedSampleSourceTests.Pages pages) : IClassFixture<AnnotatedSampleSourceTests.Pages>
{
    private static readonly CropOptions Crop = new() { Width = 96, Height = 96, CropsPerPage = 4 };

    [Fact]
    public void Crops_AtTheImagesOwnScale_CarryTheAnnotatedBoxes()
    {
        var images = Load();
        // No scaling, perspective or camera: each crop must be a window on one image, its boxes the image's shifted.
        var exact = new AnnotatedOptions { Scale = new ValueRange(1, 1), MinDigitHeight = 1, PerspectiveProbability = 0, Photo = NoPhoto };
        var source = new AnnotatedSampleSource(images, exact, Crop, seed: 3);
        var checkedCrops = 0;

        for (var group = 0; group < 6; group++)
        {
            foreach (var sample in source.GenerateGroup(epoch: 0, group))
            {
                using (sample)
                {
                    Assert.Equal((96, 96), (sample.Width, sample.Height));
                    Assert.Equal(TransformNames.Annotated, sample.Applied[0]);
                    // Boxes at the crop's border are cut to their visible part; the others are whole.
                    var whole = sample.Boxes.Where(b => !b.Ignored && b.Box is { X1: > 0, Y1: > 0, X2: < 96, Y2: < 96 }).ToList();
                    if (whole.Count == 0)
                    {
                        continue;
                    }

                    // Some image holds every whole box of the crop at one offset: the crop's place on it.
                    Assert.Contains(images, image => WindowOf(image, whole) is not null);
                    checkedCrops++;
                }
            }
        }

        Assert.True(checkedCrops >= 12, $"only {checkedCrops} of 24 crops held a digit away from the border");
    }

    [Fact]
    public void Crops_AreTheSameForTheSameSeedEpochAndGroup()
    {
        var source = new AnnotatedSampleSource(Load(), new AnnotatedOptions(), Crop, seed: 5);

        var first = source.GenerateGroup(epoch: 2, group: 7);
        var second = source.GenerateGroup(epoch: 2, group: 7);

        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Image.ToPixels(), second[i].Image.ToPixels());
            Assert.Equal(first[i].Boxes, second[i].Boxes);
            first[i].Dispose();
            second[i].Dispose();
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Mix_DrawsTheConfiguredShareOfGroupsFromTheUser_Deterministically(double fraction)
    {
        var synthetic = new FakeSampleSource(groupSize: 4);
        var user = new FakeSampleSource(groupSize: 4);
        var mixed = new MixedSampleSource(synthetic, user, fraction, seed: 11);

        var picks = Enumerable.Range(0, 400).Select(g => mixed.SourceOf(epoch: 1, g) == user).ToList();

        Assert.Equal(picks, Enumerable.Range(0, 400).Select(g => mixed.SourceOf(epoch: 1, g) == user));
        Assert.InRange(picks.Count(p => p) / 400.0, fraction - 0.07, fraction + 0.07);
    }

    [Fact]
    public void Mix_RefusesSourcesOfOtherGroupSizes()
    {
        Assert.Throws<ArgumentException>(() => new MixedSampleSource(new FakeSampleSource(groupSize: 4), new FakeSampleSource(groupSize: 2), 0.5, 1));
    }

    private static PhotoOptions NoPhoto => new()
    {
        IlluminationProbability = 0, ShadowProbability = 0, BlurProbability = 0, NoiseProbability = 0, JpegProbability = 0,
    };

    private IReadOnlyList<AnnotatedImage> Load() => pages.Images;

    /// <summary>The offset at which every box of a crop is one of the image's boxes, or null.</summary>
    private static (float X, float Y)? WindowOf(AnnotatedImage image, IReadOnlyList<LabeledBox> crop)
    {
        foreach (var anchor in image.Boxes.Where(b => b.Digit == crop[0].Digit))
        {
            var (dx, dy) = (anchor.Box.X1 - crop[0].Box.X1, anchor.Box.Y1 - crop[0].Box.Y1);
            if (crop.All(c => image.Boxes.Any(b => b.Digit == c.Digit && b.Box == c.Box.Offset(dx, dy))))
            {
                return (dx, dy);
            }
        }

        return null;
    }

    /// <summary>Three generated pages, written once for the class (the generator is the slow part).</summary>
    public sealed class Pages : IDisposable
    {
        private readonly TempFolder folder = new("digitocr-user-crops-");

        public Pages() =>
            Images = AnnotatedFolder.Load(AnnotatedPages.Generate(folder.File("pages"), count: 3, format: "csv", size: "200x150", digitHeight: "16-24")).Images;

        public IReadOnlyList<AnnotatedImage> Images { get; }

        public void Dispose() => folder.Dispose();
    }
}
