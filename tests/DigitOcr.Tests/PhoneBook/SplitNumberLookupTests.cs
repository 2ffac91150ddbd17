using DigitOcr.Boxes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// <see cref="PhoneDirectory.LookupReadings"/> reads two neighbours on one line as one number when together they are
/// one entry: the reader split a number at a wide blank, or where it missed a digit.
/// </summary>
public class SplitNumberLookupTests
{
    private const float Pitch = 32;

    private static readonly PhoneDirectory People = TestDirectories.FromCsv("""
        name,phone
        Alice,555-123-4567
        Bob,555-987-6543
        """);

    [Fact]
    public void NeighboursThatTogetherAreAnEntry_AreReadAsOneNumber_SpanningBoth()
    {
        var left = Number("555123", line: 0, firstSlot: 0);
        var right = Number("4567", line: 0, firstSlot: 8);

        var lookup = Assert.Single(People.LookupReadings([left, right]));

        var match = Assert.IsType<DirectoryMatch>(lookup.Result);
        Assert.Equal("Alice", match.Entry.Name);
        Assert.True(match.IsExact);
        Assert.Equal("5551234567", lookup.Reading.Text);
        Assert.Equal(left.Box.Union(right.Box), lookup.Reading.Box);
        Assert.Equal(2, lookup.NumbersJoined);
    }

    [Fact]
    public void NeighboursSplitWhereADigitWasMissed_AreJoinedWithTheOneDigitThatMakesAnEntry()
    {
        var lookup = Assert.Single(People.LookupReadings([Number("55512", line: 0, firstSlot: 0), Number("4567", line: 0, firstSlot: 7)]));

        var match = Assert.IsType<DirectoryMatch>(lookup.Result);
        Assert.Equal("Alice", match.Entry.Name);
        Assert.False(match.IsExact);
        Assert.Equal(People.LookupOptions.InsertionCost, match.Distance);
        Assert.Equal("555124567", lookup.Reading.Text);
    }

    [Fact]
    public void NumbersOnDifferentLines_AreNotJoined() =>
        Assert.Equal(2, People.LookupReadings([Number("555123", line: 0, firstSlot: 0), Number("4567", line: 1, firstSlot: 8)]).Count);

    [Fact]
    public void ANumberThatMatchesOnItsOwn_KeepsItsMatch_AndIsNotJoined()
    {
        var lookups = People.LookupReadings([Number("5551234567", line: 0, firstSlot: 0), Number("987", line: 0, firstSlot: 14)]);

        Assert.Equal(2, lookups.Count);
        Assert.Equal("Alice", Assert.IsType<DirectoryMatch>(lookups[0].Result).Entry.Name);
        Assert.All(lookups, l => Assert.Equal(1, l.NumbersJoined));
        Assert.IsType<NoMatch>(lookups[1].Result);
    }

    [Fact]
    public void AJoinThatTwoEntriesFill_NamesNoOne()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Ann,555-128-4567
            """);

        var lookups = directory.LookupReadings([Number("55512", line: 0, firstSlot: 0), Number("4567", line: 0, firstSlot: 7)]);

        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, l => Assert.IsType<NoMatch>(l.Result));
    }

    /// <summary>The digits at 0.9 in slots of <see cref="Pitch"/> px from <paramref name="firstSlot"/> on.</summary>
    private static RecognizedNumber Number(string text, int line, int firstSlot)
    {
        var digits = text.Select((c, i) => new Detection(c - '0', 0.9f, Box.FromCenter(100 + ((firstSlot + i) * Pitch), 200 + (line * 80), 26, 40))).ToList();
        return RecognizedNumber.FromDigits(digits, line);
    }
}
