using DigitOcr.Boxes;
using DigitOcr.Evaluation;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Evaluation;

public class NumberErrorAnalysisTests
{
    [Fact]
    public void EachMisreadNumber_IsSortedByItsErrorType_AndConfusionsAreCounted()
    {
        var analysis = new NumberErrorAnalysis(minDigits: 3, placeIoU: 0.5);
        // Five written numbers, one per row: read exactly, one digit wrong, a digit lost, a digit added, not read.
        var truths = Written("123", 0).Concat(Written("456", 1)).Concat(Written("789", 2)).Concat(Written("321", 3)).Concat(Written("555", 4)).ToList();
        var read = new List<RecognizedNumber>
        {
            Read("123", 0), Read("486", 1), Read("79", 2), Read("3210", 3),
            Read("999", row: 9), // nothing is written on row 9: a stray number
        };

        analysis.Add(truths, read, "page 3");
        var errors = analysis.Compute();

        Assert.Equal(4, errors.Misread);
        Assert.Equal((1, 1, 1, 0, 1), (errors.SubstitutionOnly, errors.MissedDigit, errors.ExtraDigit, errors.Mixed, errors.NotRead));
        Assert.Equal(1, errors.StrayNumbers);
        Assert.Equal((1, 1, 1), (errors.SubstitutedDigits, errors.MissedDigits, errors.ExtraDigits));
        Assert.Equal([new DigitConfusion(5, 8, 1)], errors.Confusions);
        Assert.Equal(
            [new MisreadNumber("page 3", "456", "486"), new MisreadNumber("page 3", "789", "79"), new MisreadNumber("page 3", "321", "3210"), new MisreadNumber("page 3", "555", null)],
            errors.Examples);
    }

    [Fact]
    public void ShortOrPartlyHiddenNumbers_AreNotCounted()
    {
        var analysis = new NumberErrorAnalysis(minDigits: 3, placeIoU: 0.5);
        var truths = Written("12", 0).Concat(Written("456", 1).Select((t, i) => i == 0 ? t with { Ignored = true } : t)).ToList();

        analysis.Add(truths, []);

        Assert.Equal(0, analysis.Compute().Misread);
    }

    [Fact]
    public void AMisreadNumberWhoseDigitsWereAllReadRight_IsCountedAndFlagged()
    {
        var analysis = new NumberErrorAnalysis(minDigits: 3, placeIoU: 0.5, minDigitScore: 0.3);
        // Row 0: 4567 split into 45 and 67, every digit read right. Row 1: 123 read 128 (a digit read wrong).
        // Row 2: 789 read 78, its 9 detected but below the score floor.
        var truths = Written("4567", 0).Concat(Written("123", 1)).Concat(Written("789", 2)).ToList();
        var digits = new List<Detection>();
        digits.AddRange("4567".Select((c, i) => new Detection(c - '0', 0.9f, DigitBox(0, i))));
        digits.AddRange("128".Select((c, i) => new Detection(c - '0', 0.9f, DigitBox(1, i))));
        digits.AddRange("789".Select((c, i) => new Detection(c - '0', i == 2 ? 0.2f : 0.9f, DigitBox(2, i))));
        var read = new List<RecognizedNumber> { Read("45", 0), Read("128", 1), Read("78", 2) };

        analysis.Add(truths, read, "page 1", digits);
        var errors = analysis.Compute();

        Assert.Equal(3, errors.Misread);
        Assert.Equal(1, errors.EveryDigitRead);
        Assert.Equal([true, false, false], errors.Examples.Select(e => e.EveryDigitRead));
    }

    [Fact]
    public void WithoutTheDigits_NoMisreadNumberCountsAsEveryDigitRead()
    {
        var analysis = new NumberErrorAnalysis(minDigits: 3, placeIoU: 0.5);

        analysis.Add(Written("4567", 0).ToList(), [Read("45", 0)]);

        Assert.Equal(0, analysis.Compute().EveryDigitRead);
    }

    /// <summary>Digits 20 px wide, 30 px tall, on row <paramref name="row"/> (rows 100 px apart), one written number.</summary>
    private static IEnumerable<LabeledBox> Written(string text, int row) =>
        text.Select((c, i) => new LabeledBox(DigitBox(row, i), c - '0', Number: row));

    private static RecognizedNumber Read(string text, int row)
    {
        var boxes = text.Select((_, i) => DigitBox(row, i)).ToList();
        var union = new Box(boxes[0].X1, boxes[0].Y1, boxes[^1].X2, boxes[^1].Y2);
        return new RecognizedNumber(text, 0.9, union, [], row);
    }

    private static Box DigitBox(int row, int index) => new(10 + (22 * index), 100 * row, 30 + (22 * index), (100 * row) + 30);
}
