using DigitOcr.Boxes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// <see cref="PhoneDirectory.LookupReading"/> never corrects a read whose digits average (geometrically) below
/// <see cref="LookupOptions.MinCorrectedScore"/> (0.6): a guess at illegible writing is not corrected into whoever is
/// one edit from it. An exact read is named all the same.
/// </summary>
public class UnsureReadLookupTests
{
    private const float Pitch = 32;

    /// <summary>Not crowded: any single error is corrected when the read is sure enough.</summary>
    private static readonly PhoneDirectory People = TestDirectories.AliceAndBob(new PhoneDirectoryOptions());

    [Fact]
    public void UnsureReadOneEditFromAnEntry_NamesNoOne_WithThatEntryClosest()
    {
        // 5551234567 with its last digit read as a 9, every digit at 0.5: the correction costs 0.5, within reach.
        var lookup = People.LookupReading(Number("5551234569", 0.5f));

        var none = Assert.IsType<NoMatch>(lookup.Result);
        Assert.Equal(NoMatchReason.UnsureRead, none.Reason);
        var closest = Assert.Single(none.Closest);
        Assert.Equal("Alice", closest.Entry.Name);
        Assert.Equal(0.5f, closest.Distance, 1e-6f);
    }

    [Fact]
    public void PlainLookup_RefusesToCorrectAnUnsureRead_Too() =>
        Assert.Equal(NoMatchReason.UnsureRead, Assert.IsType<NoMatch>(People.Lookup(Number("5551234569", 0.5f))).Reason);

    [Fact]
    public void TheSameRead_ReadSurely_IsCorrected()
    {
        var match = Assert.IsType<DirectoryMatch>(People.LookupReading(Number("5551234569", 0.65f)).Result);

        Assert.Equal("Alice", match.Entry.Name);
        Assert.False(match.IsExact);
    }

    [Fact]
    public void UnsureExactRead_IsStillNamed()
    {
        var match = Assert.IsType<DirectoryMatch>(People.LookupReading(Number("5551234567", 0.4f)).Result);

        Assert.Equal("Alice", match.Entry.Name);
        Assert.True(match.IsExact);
    }

    [Fact]
    public void MinCorrectedScoreZero_CorrectsAnUnsureRead()
    {
        var lenient = TestDirectories.AliceAndBob(new PhoneDirectoryOptions { Lookup = new LookupOptions { MinCorrectedScore = 0 } });

        Assert.Equal("Alice", Assert.IsType<DirectoryMatch>(lenient.LookupReading(Number("5551234569", 0.5f)).Result).Entry.Name);
    }

    [Fact]
    public void UnsureRead_IsNotReadAsItsOfferedAlternative()
    {
        // In a crowded directory the doubted "5" would be read as its offered "3" (OfferedAlternativeLookupTests);
        // here every digit is at 0.55.
        var digits = Digits("5551254567", 0.55f, firstSlot: 0, line: 0);
        digits[5] = digits[5] with { Alternatives = [new DigitAlternative(3, 0.3f)] };

        var lookup = TestDirectories.AliceAndBob().LookupReading(RecognizedNumber.FromDigits(digits, line: 0));

        Assert.Equal(NoMatchReason.UnsureRead, Assert.IsType<NoMatch>(lookup.Result).Reason);
    }

    [Fact]
    public void UnsureNeighbours_AreNotJoinedWithAMissedDigit_AndStayTwoNumbers()
    {
        // Sure, 55512 | 4567 is joined as 555124567 with the "3" inserted (SplitNumberLookupTests).
        var left = RecognizedNumber.FromDigits(Digits("55512", 0.5f, firstSlot: 0, line: 0), line: 0);
        var right = RecognizedNumber.FromDigits(Digits("4567", 0.5f, firstSlot: 7, line: 0), line: 0);

        var lookups = People.LookupReadings([left, right]);

        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, l => Assert.IsType<NoMatch>(l.Result));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void MinCorrectedScore_OutOfRange_IsRefusedByName(double score)
    {
        var options = new PhoneDirectoryOptions { Lookup = new LookupOptions { MinCorrectedScore = score } };

        var error = Assert.Throws<ArgumentException>(() => TestDirectories.FromCsv("name,phone\n", options));

        Assert.Contains("lookup.minCorrectedScore", error.Message);
    }

    private static RecognizedNumber Number(string text, float score) => RecognizedNumber.FromDigits(Digits(text, score, firstSlot: 0, line: 0), line: 0);

    /// <summary>The digits at <paramref name="score"/> in slots of <see cref="Pitch"/> px from <paramref name="firstSlot"/> on.</summary>
    private static List<Detection> Digits(string text, float score, int firstSlot, int line) =>
        text.Select((c, i) => new Detection(c - '0', score, Box.FromCenter(100 + ((firstSlot + i) * Pitch), 200 + (line * 80), 26, 40))).ToList();
}
