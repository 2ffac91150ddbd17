using DigitOcr.Boxes;
using DigitOcr.Reading;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.Reading;

public class NumberReaderTests
{
    private const float Height = 40;
    private const float Width = 26;
    private const float Pitch = 32;

    private readonly NumberReader reader = new();

    [Fact]
    public void OneLine_ReadsLeftToRight_WhateverTheDetectionOrder()
    {
        var digits = Line("5551234567", 100, 200);
        var shuffled = digits.OrderBy(d => d.Score).ThenBy(d => d.Digit * 7 % 10).ToList();
        var numbers = reader.Read(shuffled);
        Assert.Equal(["5551234567"], numbers.Select(n => n.Text));
    }

    [Fact]
    public void TwoLines_StayTwoNumbers_EvenWhenClose()
    {
        var digits = Line("5551234567", 100, 200).Concat(Line("8005550199", 110, 200 + (1.3f * Height))).ToList();
        var numbers = reader.Read(digits);
        Assert.Equal(["5551234567", "8005550199"], numbers.Select(n => n.Text));
        Assert.Equal([0, 1], numbers.Select(n => n.Line));
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(-6)]
    [InlineData(6)]
    [InlineData(10)]
    public void RotatedLines_AreStillReadInOrder(double degrees)
    {
        var first = Line("4155550123", 100, 300, degrees);
        var second = Line("2125550987", 100, 300 + (2.2f * Height), degrees);
        var numbers = reader.Read(first.Concat(second).ToList());
        Assert.Equal(["4155550123", "2125550987"], numbers.Select(n => n.Text));
    }

    [Fact]
    public void SeparatorGaps_AreIgnored_ButLargeGapsSplitNumbers()
    {
        // 555-123-4567: a dash leaves about one digit width between groups; then a wide gap and another number.
        var digits = new List<Detection>();
        var x = 100f;
        foreach (var group in new[] { "555", "123", "4567" })
        {
            digits.AddRange(Line(group, x, 200));
            x += (group.Length * Pitch) + Width;
        }

        digits.AddRange(Line("420", x + (4 * Height), 200));
        var numbers = reader.Read(digits);
        Assert.Equal(["5551234567", "420"], numbers.Select(n => n.Text));
    }

    [Fact]
    public void LowScoreDetections_AreIgnored_AndScoresAreKeptPerDigit()
    {
        var digits = Line("123", 100, 100).ToList();
        digits.Add(new Detection(9, 0.05f, new Box(100 + (3 * Pitch), 100, 100 + (3 * Pitch) + Width, 100 + Height)));
        var number = Assert.Single(reader.Read(digits));
        Assert.Equal("123", number.Text);
        Assert.Equal(3, number.DigitScores.Count);
        Assert.InRange(number.Score, 0.89, 0.91);
    }

    [Fact]
    public void NumbersOfDifferentSizes_NextToEachOther_DoNotMerge()
    {
        var small = Line("123", 100, 200);
        var big = Line("456", 100 + (3 * Pitch), 180, scale: 3);
        Assert.Equal(2, reader.Read(small.Concat(big).ToList()).Count);
    }

    [Fact]
    public void NoDigits_NoNumbers()
    {
        Assert.Empty(reader.Read([]));
    }

    /// <summary>Detections for <paramref name="text"/> starting at (x, y) along a line at <paramref name="degrees"/>.</summary>
    private static List<Detection> Line(string text, float x, float y, double degrees = 0, float scale = 1)
    {
        var angle = degrees * Math.PI / 180;
        return text.Select((c, i) =>
        {
            var cx = x + (float)(i * Pitch * scale * Math.Cos(angle));
            var cy = y + (float)(i * Pitch * scale * Math.Sin(angle));
            return new Detection(c - '0', 0.9f, Box.FromCenter(cx, cy, Width * scale, Height * scale));
        }).ToList();
    }
}
