using DigitOcr.Boxes;
using DigitOcr.Evaluation;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Evaluation;

public class EdgeFlagCountsTests
{
    private const int Width = 100;
    private const int Height = 400;

    [Fact]
    public void CutAndMisreadNumbers_AreCountedWithTheirFlags()
    {
        // Row 0: written 1234 running into the right edge, read 123 (its cut 4 too weak to join, but detected at the edge).
        // Row 1: written 567 in the middle, read exactly, not flagged.
        // Row 2: written 890 ending at the right edge, read exactly, flagged all the same.
        var truths = Written("1234", row: 0, x: 12).Concat(Written("567", row: 1, x: 10)).Concat(Written("890", row: 2, x: 34)).ToList();
        var cutFour = new Detection(4, 0.12f, new Box(78, 0, 100, 30));
        var read = new List<RecognizedNumber> { Read("123", row: 0, x: 12), Read("567", row: 1, x: 10), Read("890", row: 2, x: 34) };
        var digits = read.SelectMany(r => r.Digits).Append(cutFour).ToList();

        var counts = EdgeFlagCounts.None.Add(truths, read, digits, Width, Height, minDigits: 3, placeIoU: 0.5);

        Assert.Equal(new EdgeFlagCounts(Written: 3, Cut: 2, CutFlagged: 2, Misread: 1, MisreadFlagged: 1, ExactFlagged: 1), counts);
    }

    /// <summary>Digits 20 px wide, 30 px tall, 22 px apart from <paramref name="x"/>, on row <paramref name="row"/> (rows 100 px apart).</summary>
    private static IEnumerable<LabeledBox> Written(string text, int row, int x) =>
        text.Select((c, i) => new LabeledBox(DigitBox(row, i, x), c - '0', Number: row));

    private static RecognizedNumber Read(string text, int row, int x)
    {
        var digits = text.Select((c, i) => new Detection(c - '0', 0.9f, DigitBox(row, i, x))).ToList();
        return RecognizedNumber.FromDigits(digits, row);
    }

    private static Box DigitBox(int row, int index, int x) => new(x + (22 * index), 100 * row, x + 20 + (22 * index), (100 * row) + 30);
}
