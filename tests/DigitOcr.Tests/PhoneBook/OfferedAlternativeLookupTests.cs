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
    private static readonly PhoneDirectoryOptions Crowded = TestDirectories.Crowded;

    private static readonly PhoneDirectory People = TestDirectories.AliceAndBob();

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
        var strict = TestDirectories.AliceAndBob(Crowded with { Lookup = Crowded.Lookup with { MaxAlternativeChance = 1e-10 } });

        var read = Number("5551254567", (5, 0.68f, [new DigitAlternative(3, 0.27f)]));

        Assert.Equal(NoMatchReason.Crowded, Assert.IsType<NoMatch>(strict.LookupReading(read).Result).Reason);
    }

    [Fact]
    public void TwoDoubtedDigits_AreReadAsTheirAlternatives_Together_UpToMaxAlternativeChanges()
    {
        // 5551234567 read as 5551254597: the "3" and the "6" each doubted, each offered.
        var read = Number("5551254597", (5, 0.6f, [new DigitAlternative(3, 0.3f)]), (8, 0.55f, [new DigitAlternative(6, 0.4f)]));
        var oneChange = TestDirectories.AliceAndBob(Crowded with { Lookup = Crowded.Lookup with { MaxAlternativeChanges = 1 } });

        var match = Assert.IsType<DirectoryMatch>(People.LookupReading(read).Result);

        Assert.Equal("Alice", match.Entry.Name);
        // Each change costs min(score, ln(score / alternative)): 0.6 (ln 2 is more) and ln(0.55 / 0.4).
        Assert.Equal(0.6f + MathF.Log(0.55f / 0.4f), match.Distance, 1e-5f);
        Assert.IsType<NoMatch>(oneChange.LookupReading(read).Result);
    }

    [Fact]
    public void OneChangeThatMakesAnEntry_IsPreferred_ToTwoThatMakeAnother()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Carol,555-123-4597
            """, Crowded);

        // Read 5551254597: "3" offered for the "5" makes Carol's number with one change, Alice's needs two.
        var read = Number("5551254597", (5, 0.6f, [new DigitAlternative(3, 0.3f)]), (8, 0.55f, [new DigitAlternative(6, 0.4f)]));

        Assert.Equal("Carol", Assert.IsType<DirectoryMatch>(directory.LookupReading(read).Result).Entry.Name);
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

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void MaxAlternativeChanges_OutOfRange_IsRefusedByName(int changes)
    {
        var options = new PhoneDirectoryOptions { Lookup = new LookupOptions { MaxAlternativeChanges = changes } };

        var error = Assert.Throws<ArgumentException>(() => TestDirectories.FromCsv("name,phone\n", options));

        Assert.Contains("lookup.maxAlternativeChanges", error.Message);
    }

    /// <summary>The digits in a row at 0.99, each doubted one read at its score with its alternatives.</summary>
    private static RecognizedNumber Number(string text, params (int Index, float Score, DigitAlternative[] Alternatives)[] doubted)
    {
        var digits = text.Select((c, i) =>
        {
            var doubt = doubted.FirstOrDefault(d => d.Index == i);
            return new Detection(c - '0', doubt.Alternatives is null ? 0.99f : doubt.Score, Box.FromCenter(100 + (i * 32), 200, 26, 40))
            {
                Alternatives = doubt.Alternatives ?? [],
            };
        }).ToList();
        return RecognizedNumber.FromDigits(digits, line: 0);
    }
}
