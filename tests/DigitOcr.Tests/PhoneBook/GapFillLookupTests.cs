using DigitOcr.Boxes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// <see cref="PhoneDirectory.LookupReading"/> fills a gap a digit wide with the one digit that makes an entry. The
/// directories are made crowded (<see cref="LookupOptions.MaxCrowding"/> 0), so that an ordinary one-edit lookup
/// refuses the insertion (cost 1 > 0.4) and only the gap can explain the read.
/// </summary>
public class GapFillLookupTests
{
    // Digits 40 px tall, 26 px wide; 32 px apart is a blank of 6 px (0.15 heights); a missed digit leaves 38 px more.
    private const float Pitch = 32;

    private static readonly PhoneDirectoryOptions Crowded = TestDirectories.Crowded;

    private static readonly PhoneDirectory People = TestDirectories.AliceAndBob();

    [Fact]
    public void DigitMissedAtAWideGap_IsFilled_WithTheOneDigitThatMakesAnEntry()
    {
        // 5551234567 without its "3": a blank one digit wider between "2" and "4".
        var read = Number("555124567", gapBefore: 5);
        Assert.Equal(NoMatchReason.Crowded, Assert.IsType<NoMatch>(People.Lookup(read)).Reason);

        var found = People.LookupReading(read);

        var match = Assert.IsType<DirectoryMatch>(found.Result);
        Assert.Equal("Alice", match.Entry.Name);
        Assert.False(match.IsExact);
        Assert.Equal(People.LookupOptions.InsertionCost, match.Distance);
        Assert.Same(read, found.Reading);
    }

    [Fact]
    public void EvenlySpacedRead_HasNoGapToFill() =>
        Assert.IsType<NoMatch>(People.LookupReading(Number("555124567", gapBefore: null)).Result);

    [Fact]
    public void GapThatTwoEntriesFill_NamesNoOne()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Ann,555-128-4567
            """, Crowded);

        Assert.IsType<NoMatch>(directory.LookupReading(Number("555124567", gapBefore: 5)).Result);
    }

    [Fact]
    public void GapFill_IsRefused_WhenARandomEntryCouldFillItTooOften()
    {
        // Two ten-digit entries: a random one among 10 readings with a chance of 10 x 2 / 1e10 = 2e-9.
        var strict = TestDirectories.AliceAndBob(Crowded with { Lookup = Crowded.Lookup with { MaxGapFillChance = 1e-9 } });

        Assert.IsType<NoMatch>(strict.LookupReading(Number("555124567", gapBefore: 5)).Result);
    }

    [Fact]
    public void MissedDigitGaps_FindTheWideGap_AndNotTheTypicalOnes()
    {
        Assert.Equal([5], MissedDigitGaps.Of(Number("555124567", gapBefore: 5).Digits));
        Assert.Empty(MissedDigitGaps.Of(Number("555124567", gapBefore: null).Digits));
    }

    /// <summary>The digits in a row, with a missed digit's width of blank before digit <paramref name="gapBefore"/>.</summary>
    private static RecognizedNumber Number(string text, int? gapBefore)
    {
        var digits = text.Select((c, i) =>
        {
            var x = 100 + (i * Pitch) + (gapBefore is { } k && i >= k ? Pitch : 0);
            return new Detection(c - '0', 0.9f, Box.FromCenter(x, 200, 26, 40));
        }).ToList();
        return RecognizedNumber.FromDigits(digits, line: 0);
    }
}
