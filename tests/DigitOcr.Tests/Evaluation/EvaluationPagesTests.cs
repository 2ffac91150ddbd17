using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Pages;
using DigitOcr.Evaluation;
using DigitOcr.Tests.Data;

namespace DigitOcr.Tests.Evaluation;

public class EvaluationPagesTests
{
    private const int Pages = 12;

    [Fact]
    public void CleanPages_ShowNoneOfTheHardConditions()
    {
        var pages = new EvaluationPages(EvaluationPreset.Clean, seed: 3, TestGlyphs.DataFolder);
        string[] hard = [PageConditions.Ruled, PageConditions.FormBoxes, PageConditions.CrossedOut, PageConditions.Touching,
            PageConditions.ScribbleNearDigits, PageConditions.LowContrast, PageConditions.LightOnDark, TransformNames.Shadow];

        var withNumbers = 0;
        for (var i = 0; i < Pages; i++)
        {
            using var page = pages.Page(i);
            Assert.Empty(page.Applied.Intersect(hard));
            withNumbers += page.Boxes.Any(b => b.Number >= 0) ? 1 : 0;
        }

        // Clean pages are sparse (a few numbers), but most hold one.
        Assert.True(withNumbers >= Pages / 2, $"{withNumbers} of {Pages} clean pages hold a number");
    }

    [Fact]
    public void HardPages_ShowTheHardConditionsOften()
    {
        var pages = new EvaluationPages(EvaluationPreset.Hard, seed: 3, TestGlyphs.DataFolder);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < Pages; i++)
        {
            using var page = pages.Page(i);
            foreach (var condition in page.Applied)
            {
                seen[condition] = seen.GetValueOrDefault(condition) + 1;
            }
        }

        // Each at 0.25-0.9 per page or per line: over 12 pages, seeing one fewer than 2 times is very unlikely.
        foreach (var condition in new[] { PageConditions.Ruled, PageConditions.FormBoxes, PageConditions.Touching, PageConditions.ScribbleNearDigits, TransformNames.Perspective })
        {
            Assert.True(seen.GetValueOrDefault(condition) >= 2, $"{condition} on {seen.GetValueOrDefault(condition)} of {Pages} hard pages");
        }
    }

    [Fact]
    public void ReferencePages_AreMnistTestDigitsInOrder_OneOnEach224PxCanvas()
    {
        var pages = new EvaluationPages(EvaluationPreset.Reference, seed: 3, TestGlyphs.DataFolder);

        for (var i = 0; i < Pages; i++)
        {
            using var page = pages.Page(i);
            Assert.Equal((224, 224), (page.Image.Width, page.Image.Height));
            var box = Assert.Single(page.Boxes);
            Assert.Equal(TestGlyphs.Test.Label(i), box.Digit);
        }
    }

    [Fact]
    public void ThePagesPreset_IsTheTrainingMix()
    {
        Assert.Equal(new PageOptions(), EvaluationPages.Options(EvaluationPreset.Pages));
    }
}
