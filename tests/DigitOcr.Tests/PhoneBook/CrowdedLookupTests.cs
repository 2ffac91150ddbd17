using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// Short numbers crowd a directory: a badly misread number often lies one edit from someone. Confident corrections
/// are refused there; exact reads and corrections of digits the reader doubted are not.
/// </summary>
public class CrowdedLookupTests
{
    private static readonly PhoneDirectoryOptions ShortNumbers = new()
    {
        Numbers = new PhoneNumberOptions { CountryCode = "", MinDigits = 3, NationalLength = 3, MaxDigits = 6 },
    };

    private static readonly PhoneDirectory Short = TestDirectories.FromCsv("""
        name,phone
        Ann,123
        Ben,456
        Cy,1234
        """, ShortNumbers);

    [Fact]
    public void Crowding_IsEachNeighbouringLengthsShare_TimesItsOneEditNeighbours()
    {
        // Length 3: 27 substitutions at 2/1000, 40 insertions at 1/10000, 3 deletions at 0/100.
        Assert.Equal((27 * 0.002) + (40 * 0.0001), Short.Crowding(3), precision: 12);
        // Length 4: 36 substitutions at 1/10000, 50 insertions at 0, 4 deletions at 2/1000.
        Assert.Equal((36 * 0.0001) + (4 * 0.002), Short.Crowding(4), precision: 12);
        Assert.Equal(0, Short.Crowding(0));
    }

    [Fact]
    public void ConfidentCorrection_InACrowdedDirectory_NamesNobody()
    {
        var result = Assert.IsType<NoMatch>(Short.Lookup("129", TestDirectories.Confident("129")));
        Assert.Equal(NoMatchReason.Crowded, result.Reason);
        Assert.Equal("Ann", Assert.Single(result.Closest).Entry.Name);
    }

    [Fact]
    public void DoubtedDigitCorrection_InACrowdedDirectory_IsAccepted()
    {
        var match = Assert.IsType<DirectoryMatch>(Short.Lookup("129", [0.95f, 0.95f, 0.4f]));
        Assert.Equal("Ann", match.Entry.Name);
    }

    [Fact]
    public void ExactRead_InACrowdedDirectory_IsAccepted() =>
        Assert.Equal("Ben", Assert.IsType<DirectoryMatch>(Short.Lookup("456", TestDirectories.Confident("456"))).Entry.Name);

    [Fact]
    public void ConfidentCorrection_BelowMaxCrowding_IsAccepted()
    {
        var lenient = TestDirectories.FromCsv("name,phone\nAnn,123\nBen,456\n", ShortNumbers with { Lookup = new LookupOptions { MaxCrowding = 1 } });
        Assert.Equal("Ann", Assert.IsType<DirectoryMatch>(lenient.Lookup("129", TestDirectories.Confident("129"))).Entry.Name);
    }

    [Fact]
    public void MaxCrowding_BelowZero_IsRefusedNamingTheOption()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new PhoneDirectoryOptions { Lookup = new LookupOptions { MaxCrowding = -1 } }.Validated());
        Assert.Contains("lookup.maxCrowding", error.Message);
    }
}
