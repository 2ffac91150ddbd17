using DigitOcr.Boxes;
using DigitOcr.Cli;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Reading;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Cli;

/// <summary><c>--draw</c>'s labels are large enough to read on the page they annotate.</summary>
public sealed class AnnotatorTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-annotator-");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(640, 300, Annotator.MinTextHeight)]
    [InlineData(2400, 1200, 2400 / 40)]
    public void NumberLabel_IsAtLeastTheMinimumHeight_AndGrowsWithThePage(int width, int height, int capitals)
    {
        using var page = Image.Create(width, height, fill: 255);
        var box = new Box(100, 60, 300, 100);
        var number = new RecognizedNumber("5551234", 0.9, box, [], 0);
        var path = folder.File("annotated.png");

        Annotator.Write(page, new PageReading(new DetectionResult(width, height, [], 1), [new NumberReading(number, null)]), path);

        // The label is written under the number's box, on a white patch that starts 4 px below it: measure the rows
        // its ink spans, left of where the box's own right edge comes down.
        using var annotated = Image.Load(path);
        var pixels = annotated.ToPixels();
        var inked = Enumerable.Range((int)box.Y2 + 5, height - (int)box.Y2 - 5)
            .Where(y => Enumerable.Range((int)box.X1, 100).Any(x => pixels[(y * width) + x] < 128))
            .ToList();
        Assert.NotEmpty(inked);
        Assert.InRange(inked[^1] - inked[0] + 1, capitals * 9 / 10, (capitals * 3 / 2) + 4);
    }
}
