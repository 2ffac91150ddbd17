using DigitOcr.Boxes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// <see cref="PhoneDirectory.LookupReading"/> reads a digit as the alternative the reader offered for it when that
/// alone makes the read an entry. The directories are made crowded (<see cref="LookupOptions.MaxCrowding"/> 0), so
/// that an ordinary one-edit lookup refuses a correction dearer than <see cref="LookupOptions.CrowdedMaxDistance"/>.
/// </summary>
public class OfferedAlternativeLookupTests
{
    private static readonly PhoneDirectoryOptions Crowded = new() { Lookup = new LookupOptions { MaxCrowding = 0 } };

    private static readonly PhoneDirectory People = TestDirectories.FromCsv("""
        name,phone
        Alice,555-123-4567
        Bob,555-987-6543
        """, Crowded);

    [Fact]
    public void DoubtedDigit_IsReadAsItsOfferedAlternative_WhenThatMakesAnEntry()
    {
        // 5551234567 with its "3" read as a "5" at 0.68, "3" offered at 0.27: ln(0.68 / 0.27) = 0.92 > 0.68, so the
        // correction costs 0.68, above the crowded directory's 0.4.
        var read = Number("5551254567", (5, 0.68f, [new DigitAlternative(3, 0.27f)]));
        Assert.Equal(NoMatchReason.Crowded, Assert.IsType<NoMatch>(People.Lookup(read)).Reason);

        var found = People.LookupReading(read);

        var match = Assert.IsType<DirectoryMatch>(found.Result);
        Assert.Equal("Alice", match.Entry.Name);
        Assert.False(match.IsExact);
        Assert.Equal(0.68f, match.Distance, 1e-6f);
        Assert.Same(read, found.Reading);
    }

    [Fact]
    public void CorrectionTheReaderDidNotOffer_StaysRefused() =>
        Assert.Equal(NoMatchReason.Crowded, Assert.IsType<NoMatch>(People.LookupReading(
            Number("5551254567", (5, 0.68f, [new DigitAlternative(8, 0.27f)]))).Result).Reason);

    [Fact]
    public void AlternativesThatMakeTwoEntries_NameNoOne()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Ann,555-128-4567
            """, Crowded);

        var read = Number("5551254567", (5, 0.6f, [new DigitAlternative(3, 0.2f), new DigitAlternative(8, 0.15f)]));

        Assert.IsType<NoMatch>(directory.LookupReading(read).Result);
    }

    [Fact]
    public void OfferedReading_IsRefused_WhenARandomEntryCouldBeOneTooOften()
    {
        // Two ten-digit entries and one offered reading: a random entry is that reading with a chance of 2 / 1e10.
        var strict = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Bob,555-987-6543
            """, Crowded with { Lookup = Crowded.Lookup with { MaxAlternativeChance = 1e-10 } });

        var read = Number("5551254567", (5, 0.68f, [new DigitAlternative(3, 0.27f)]));

        Assert.Equal(NoMatchReason.Crowded, Assert.IsType<NoMatch>(strict.LookupReading(read).Result).Reason);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void MaxAlternativeChance_OutOfRange_IsRefusedByName(double chance)
    {
        var options = new PhoneDirectoryOptions { Lookup = new LookupOptions { MaxAlternativeChance = chance } };

        var error = Assert.Throws<ArgumentException>(() => TestDirectories.FromCsv("name,phone\n", options));

        Assert.Contains("lookup.maxAlternativeChance", error.Message);
    }

    /// <summary>The digits in a row at 0.99, the one at <c>doubted.Index</c> read at its score with its alternatives.</summary>
    private static RecognizedNumber Number(string text, (int Index, float Score, DigitAlternative[] Alternatives) doubted)
    {
        var digits = text.Select((c, i) => new Detection(c - '0', i == doubted.Index ? doubted.Score : 0.99f, Box.FromCenter(100 + (i * 32), 200, 26, 40))
        {
            Alternatives = i == doubted.Index ? doubted.Alternatives : [],
        }).ToList();
        return RecognizedNumber.FromDigits(digits, line: 0);
    }
}
