using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Reading;

/// <summary>
/// Which groups of digits are numbers: length, gaps, faint end digits and formats. Digits are 40 px tall and
/// 26 px wide, 32 px apart centre to centre, so the gap between neighbours is 6 px = 0.15 heights.
/// </summary>
public class NumberGrammarTests
{
    private const float Height = 40;
    private const float Width = 26;
    private const float Pitch = 32;
    private const float Y = 200;

    private readonly NumberReader reader = new();

    [Fact]
    public void StrayDigit_IsNotANumber_ButAThreeDigitNumberIs()
    {
        var digits = Written("7", x: 600, y: 500).Concat(Written("911", x: 100)).ToList();

        var numbers = reader.Read(digits);

        Assert.Equal(["911"], numbers.Select(n => n.Text));
        Assert.Equal(["911", "7"], new NumberReader(new NumberReaderOptions { MinDigits = 1 }).Read(digits).Select(n => n.Text));
    }

    [Fact]
    public void TwoDigits_AreNotANumber_ByDefault() =>
        Assert.Empty(reader.Read(Written("42", x: 100)));

    [Theory]
    [InlineData(0.45f, "5551234567")]  // 0.45 < 0.6 x 0.9 = 0.54: a stray mark, not glued on
    [InlineData(0.6f, "55512345677")]  // 0.6 >= 0.54: kept
    public void FaintDigitAtTheEnd_IsNotGluedOn(float score, string expected)
    {
        var digits = Written("55512345677", x: 100, scores: i => i == 10 ? score : 0.9f);
        Assert.Equal([expected], reader.Read(digits).Select(n => n.Text));
    }

    [Fact]
    public void FaintEndDigits_LeftOff_AreKeptAsLongerReadings_FewestFirst()
    {
        // Both ends faint: the fainter (0.3, the start) goes first, then the end (0.45).
        var digits = Written("755512345677", x: 100, scores: i => i switch { 0 => 0.3f, 11 => 0.45f, _ => 0.9f });

        var number = Assert.Single(reader.Read(digits));

        Assert.Equal("5551234567", number.Text);
        Assert.Equal(["5551234567" + "7", "755512345677"], number.WithFaintEnds.Select(n => n.Text));
        Assert.Empty(Assert.Single(reader.Read(Written("5551234567", x: 100))).WithFaintEnds);
    }

    [Fact]
    public void DoubtfulEndDigit_WithAStrongAlternative_IsStillGluedOn()
    {
        // 0.45 alone is faint (< 0.54), but 0.45 + 0.4 for its alternative is a digit surely enough.
        var digits = Written("55512345677", x: 100, scores: i => i == 10 ? 0.45f : 0.9f);
        digits[10] = digits[10] with { Alternatives = [new DigitAlternative(1, 0.4f)] };
        Assert.Equal(["55512345677"], reader.Read(digits).Select(n => n.Text));
    }

    [Fact]
    public void FaintDigitAtTheStart_IsNotGluedOn_ButAFaintDigitInsideIsKept()
    {
        var digits = Written("75551234567", x: 100, scores: i => i is 0 or 5 ? 0.45f : 0.9f);
        var number = Assert.Single(reader.Read(digits));
        Assert.Equal("5551234567", number.Text);
        Assert.Equal(0.45f, number.Digits[4].Score);
    }

    [Theory]
    // Gaps of 6 px = 0.15 heights are typical, so a gap splits above 1.3 + 2 x 0.15 = 1.6 heights = 64 px.
    [InlineData(62f, new[] { "5551234567" })]
    [InlineData(66f, new[] { "555", "1234567" })]
    public void SeparatorGap_DoesNotSplit_ButAWideGapDoes(float gap, string[] expected)
    {
        var first = Written("555", x: 100);
        var second = Written("1234567", x: first[^1].Box.X2 + gap + (Width / 2));
        Assert.Equal(expected, reader.Read(first.Concat(second).ToList()).Select(n => n.Text));
    }

    [Fact]
    public void WidelySpacedWriting_KeepsItsDashes()
    {
        // Digits 0.4 heights apart (16 px) and a dash between groups: 16 + 0.1 + 0.5 heights (dash) + 16 = 1.8
        // heights = 72 px, under 1.3 + 2 x 0.4 = 2.1 heights. A fixed 1.6-height rule would split it.
        var first = Written("555", x: 100, pitch: Width + 16);
        var second = Written("1234567", x: first[^1].Box.X2 + 72 + (Width / 2), pitch: Width + 16);
        Assert.Equal(["5551234567"], reader.Read(first.Concat(second).ToList()).Select(n => n.Text));
    }

    [Fact]
    public void Format_ChoosesTheAlternativeThatFits()
    {
        // A North American number cannot start with 1; the first digit may also be a 7 (or, less likely, a 4).
        var digits = Written("1551234567", x: 100, scores: i => i == 0 ? 0.6f : 0.9f);
        digits[0] = digits[0] with { Alternatives = [new DigitAlternative(7, 0.3f), new DigitAlternative(4, 0.08f)] };
        var formatted = new NumberReader(new NumberReaderOptions { Formats = [NumberFormat.Matching(@"[2-9]\d{9}", "NANP")] });

        var number = Assert.Single(formatted.Read(digits));

        Assert.Equal("7551234567", number.Text);
        Assert.Equal("NANP", number.Format?.Name);
        Assert.Equal(1, number.FormatCorrections);
        Assert.Equal(0.3f, number.Digits[0].Score);
        Assert.Equal([new DigitAlternative(1, 0.6f), new DigitAlternative(4, 0.08f)], number.Digits[0].Alternatives);
        Assert.Equal("1551234567", Assert.Single(reader.Read(digits)).Text);
    }

    [Fact]
    public void Format_KeepsAFaintEndDigit_WhenOnlyWithItTheNumberFits()
    {
        var digits = Written("5551234567", x: 100, scores: i => i == 9 ? 0.45f : 0.9f);
        var tenDigits = new NumberReader(new NumberReaderOptions { Formats = [NumberFormat.OfLength(10)] });

        Assert.Equal(["5551234567"], tenDigits.Read(digits).Select(n => n.Text));
        Assert.Equal(["555123456"], reader.Read(digits).Select(n => n.Text));
    }

    [Theory]
    [InlineData(FormatMismatchPolicy.Flag, 1)]
    [InlineData(FormatMismatchPolicy.Drop, 0)]
    public void NumberFittingNoFormat_IsFlaggedOrDropped(FormatMismatchPolicy policy, int expected)
    {
        var options = new NumberReaderOptions { Formats = [NumberFormat.OfLength(10)], FormatMismatch = policy };
        var numbers = new NumberReader(options).Read(Written("555123456", x: 100));
        Assert.Equal(expected, numbers.Count);
        Assert.All(numbers, n => Assert.False(n.FitsFormat));
        Assert.True(Assert.Single(reader.Read(Written("555123456", x: 100))).FitsFormat);
    }

    [Fact]
    public void InvalidOptions_AreAllReported_EachWithItsField()
    {
        var options = new NumberReaderOptions
        {
            MinDigits = 0,
            EndDigitScoreRatio = 1.5,
            SeparatorGap = double.NaN,
            Formats = [new NumberFormat(), NumberFormat.Matching("(")],
        };

        var error = Assert.Throws<ArgumentException>(() => new NumberReader(options));

        Assert.Contains("5 problem(s)", error.Message);
        Assert.Contains("reader.minDigits must be >= 1, got 0", error.Message);
        Assert.Contains("reader.endDigitScoreRatio must be in [0, 1]", error.Message);
        Assert.Contains("reader.separatorGap", error.Message);
        Assert.Contains("reader.formats[0] must set a length, a pattern or both", error.Message);
        Assert.Contains("reader.formats[1].pattern '('", error.Message);
    }

    /// <summary>Detections for <paramref name="text"/> on one horizontal line, the first centred at <paramref name="x"/>.</summary>
    private static List<Detection> Written(string text, float x, float y = Y, Func<int, float>? scores = null, float pitch = Pitch) =>
        text.Select((c, i) => new Detection(c - '0', scores?.Invoke(i) ?? 0.9f, Box.FromCenter(x + (i * pitch), y, Width, Height))).ToList();
}
