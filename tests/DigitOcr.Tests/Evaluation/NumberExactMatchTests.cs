using DigitOcr.Boxes;
using DigitOcr.Training.Metrics;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Evaluation;

public class NumberExactMatchTests
{
    [Fact]
    public void ExactReads_CountAndMisreadsDoNot()
    {
        var metric = new NumberExactMatch(new NumberReader());
        var first = Number("555123", x: 10, y: 10, id: 0);
        var second = Number("8004", x: 10, y: 100, id: 1);
        var detections = Detected(first).Concat(Detected(second, misreadAt: 2)).ToList();
        metric.Add(detections, first.Concat(second).ToList());
        Assert.Equal(new NumberMatchResult(2, 1), metric.Compute());
    }

    [Fact]
    public void NumbersWithAnIgnoredDigit_OrASingleDigit_AreNotEvaluated()
    {
        var metric = new NumberExactMatch(new NumberReader());
        var cut = Number("1234", 10, 10, 0).Select((t, i) => i == 3 ? t with { Ignored = true } : t).ToList();
        var single = Number("7", 10, 100, 1);
        metric.Add(Detected(cut).Concat(Detected(single)).ToList(), cut.Concat(single).ToList());
        Assert.Equal(0, metric.Compute().Numbers);
    }

    [Fact]
    public void WrittenNumbersShorterThanTheReadersMinimum_AreNotEvaluated()
    {
        // The reader calls 3+ digits a number by default: a written "42" is not one, so it cannot count as missed.
        var metric = new NumberExactMatch(new NumberReader());
        var pair = Number("42", 10, 10, 0);
        metric.Add(Detected(pair).ToList(), pair);
        Assert.Equal(0, metric.Compute().Numbers);
        Assert.Equal(3, metric.MinDigits);
    }

    [Fact]
    public void AReadInTheWrongPlace_DoesNotCount()
    {
        var metric = new NumberExactMatch(new NumberReader());
        var truth = Number("420", 10, 10, 0);
        metric.Add(Detected(Number("420", 300, 300, 0)).ToList(), truth);
        Assert.Equal(new NumberMatchResult(1, 0), metric.Compute());
    }

    private static List<LabeledBox> Number(string text, float x, float y, int id) =>
        text.Select((c, i) => new LabeledBox(new Box(x + (i * 30), y, x + (i * 30) + 24, y + 40), c - '0', Number: id)).ToList();

    private static IEnumerable<Detection> Detected(IEnumerable<LabeledBox> truths, int misreadAt = -1) =>
        truths.Select((t, i) => new Detection(i == misreadAt ? (t.Digit + 1) % 10 : t.Digit, 0.9f, t.Box));
}
