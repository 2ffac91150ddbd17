using DigitOcr.Boxes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.PhoneBook;

public class PhoneDirectoryLookupTests
{
    private static readonly PhoneDirectory People = TestDirectories.FromCsv("""
        name,phone
        Alice,555-123-4567
        Bob,555-987-6543
        Carol,212-555-0199
        """);

    // Two entries that differ from the read 415-555-0123 at different digits: index 7 (1 vs 7) and index 9 (3 vs 8).
    private static readonly PhoneDirectory Neighbours = TestDirectories.FromCsv("""
        name,phone
        Dora,415-555-0723
        Ed,415-555-0128
        """);

    [Fact]
    public void Lookup_ExactNumber_IsAnExactMatch()
    {
        var match = Assert.IsType<DirectoryMatch>(Lookup(People, "5551234567"));
        Assert.Equal(new DirectoryEntry("Alice", "5551234567", 2), match.Entry);
        Assert.True(match.IsExact);
        Assert.Equal(0f, match.Distance);
    }

    [Fact]
    public void Lookup_ReadWithCountryCode_FindsTheNationalNumber() =>
        Assert.Equal("Alice", Assert.IsType<DirectoryMatch>(Lookup(People, "15551234567")).Entry.Name);

    [Fact]
    public void Lookup_OneSubstitutedDigit_IsFoundAtTheDigitsConfidence()
    {
        var match = Assert.IsType<DirectoryMatch>(Lookup(People, "5551234587"));
        Assert.Equal("Alice", match.Entry.Name);
        Assert.False(match.IsExact);
        Assert.Equal(0.95f, match.Distance, precision: 5);
    }

    [Fact]
    public void Lookup_OneMissingDigit_IsFoundAtTheInsertionCost()
    {
        var match = Assert.IsType<DirectoryMatch>(Lookup(People, "555123467"));
        Assert.Equal("Alice", match.Entry.Name);
        Assert.Equal(People.LookupOptions.InsertionCost, match.Distance, precision: 5);
    }

    [Fact]
    public void Lookup_OneExtraDigit_IsFoundAtItsConfidence()
    {
        float[] confidences = [.. TestDirectories.Confident("5551234567"), 0.3f];
        var match = Assert.IsType<DirectoryMatch>(People.Lookup("55512345679", confidences));
        Assert.Equal("Alice", match.Entry.Name);
        Assert.Equal(0.3f, match.Distance, precision: 5);
    }

    [Theory]
    [InlineData(0.2f, 0.9f, "Dora")]
    [InlineData(0.9f, 0.2f, "Ed")]
    public void Lookup_PrefersSubstitutingTheLessConfidentDigit(float confidenceAt7, float confidenceAt9, string expected)
    {
        var confidences = TestDirectories.Confident("4155550123");
        confidences[7] = confidenceAt7;
        confidences[9] = confidenceAt9;

        var match = Assert.IsType<DirectoryMatch>(Neighbours.Lookup("4155550123", confidences));
        Assert.Equal(expected, match.Entry.Name);
        Assert.Equal(0.2f, match.Distance, precision: 5);
        Assert.Equal(0.9f, match.RunnerUpDistance!.Value, precision: 5);
    }

    [Fact]
    public void Lookup_TwoEntriesEquallyClose_IsAmbiguousNamingBoth()
    {
        var confidences = TestDirectories.Confident("4155550123");
        confidences[7] = 0.5f;
        confidences[9] = 0.5f;

        var noMatch = Assert.IsType<NoMatch>(Neighbours.Lookup("4155550123", confidences));
        Assert.Equal(NoMatchReason.Ambiguous, noMatch.Reason);
        Assert.Equal(["Dora", "Ed"], noMatch.Closest.Select(c => c.Entry.Name));
    }

    [Fact]
    public void Lookup_SecondWithinMargin_IsAmbiguous()
    {
        var confidences = TestDirectories.Confident("4155550123");
        confidences[7] = 0.5f;
        confidences[9] = 0.6f; // 0.1 apart, inside the default margin of 0.2

        var noMatch = Assert.IsType<NoMatch>(Neighbours.Lookup("4155550123", confidences));
        Assert.Equal(NoMatchReason.Ambiguous, noMatch.Reason);
        Assert.Equal([0.5f, 0.6f], noMatch.Closest.Select(c => c.Distance));
    }

    [Fact]
    public void Lookup_OnlyCandidateCostsMoreThanMaxDistance_IsTooFar()
    {
        var strict = TestDirectories.FromCsv("name,phone\nAlice,555-123-4567\n", new PhoneDirectoryOptions
        {
            Lookup = new LookupOptions { MaxDistance = 0.5f },
        });

        var noMatch = Assert.IsType<NoMatch>(Lookup(strict, "5551234587"));
        Assert.Equal(NoMatchReason.TooFar, noMatch.Reason);
        var nearest = Assert.Single(noMatch.Closest);
        Assert.Equal("Alice", nearest.Entry.Name);
        Assert.Equal(0.95f, nearest.Distance, precision: 5);
    }

    [Fact]
    public void Lookup_NothingWithinOneEdit_HasNoCandidates()
    {
        var noMatch = Assert.IsType<NoMatch>(Lookup(People, "9999999999"));
        Assert.Equal(NoMatchReason.NoCandidates, noMatch.Reason);
        Assert.Empty(noMatch.Closest);
    }

    [Fact]
    public void Lookup_TwoErrors_AreNotCorrectedEvenWhenCheap()
    {
        // Two doubtful digits wrong: one edit is all a lookup corrects (see LookupOptions), however cheap the two are.
        var confidences = TestDirectories.Confident("5551234500");
        confidences[8] = confidences[9] = 0.1f;
        var noMatch = Assert.IsType<NoMatch>(People.Lookup("5551234500", confidences));
        Assert.Equal(NoMatchReason.NoCandidates, noMatch.Reason);
    }

    [Fact]
    public void Lookup_EmptyRead_HasNoCandidates() =>
        Assert.Equal(NoMatchReason.NoCandidates, Assert.IsType<NoMatch>(People.Lookup("", [])).Reason);

    [Fact]
    public void Lookup_ReadNumber_UsesItsDigitScores()
    {
        var digits = "5551234587".Select((c, i) =>
            new Detection(c - '0', i == 8 ? 0.4f : 0.97f, new Box(10 * i, 0, (10 * i) + 8, 12))).ToList();
        var read = new RecognizedNumber("5551234587", 0.9, new Box(0, 0, 98, 12), digits, Line: 0);

        var match = Assert.IsType<DirectoryMatch>(People.Lookup(read));
        Assert.Equal("Alice", match.Entry.Name);
        Assert.Equal(0.4f, match.Distance, precision: 5);
    }

    [Fact]
    public void Lookup_MisreadDigitWhoseAlternativeIsTheEntry_CostsTheLogRatio()
    {
        // Digits 7 and 9 read at 0.5: alone, Dora (1 -> 7 at index 7) and Ed (3 -> 8 at index 9) both cost 0.5, a
        // tie. The reader's second choice at index 9 is 8, at 0.45: Ed costs ln(0.5 / 0.45) = 0.10536, Dora still 0.5.
        var confidences = TestDirectories.Confident("4155550123");
        confidences[7] = confidences[9] = 0.5f;
        var alternatives = NoAlternatives(10);
        alternatives[9] = [new DigitAlternative(8, 0.45f)];

        var match = Assert.IsType<DirectoryMatch>(Neighbours.Lookup("4155550123", confidences, alternatives));

        Assert.Equal("Ed", match.Entry.Name);
        Assert.Equal(0.10536f, match.Distance, precision: 4);
        Assert.Equal(0.5f, match.RunnerUpDistance!.Value, precision: 5);
        Assert.Equal(NoMatchReason.Ambiguous, Assert.IsType<NoMatch>(Neighbours.Lookup("4155550123", confidences)).Reason);
    }

    [Fact]
    public void Lookup_ConfidentDigitsFaintAlternative_CostsNoMoreThanItsConfidence()
    {
        // ln(0.95 / 0.04) = 3.17, but an alternative never makes a correction dearer than without it: 0.95.
        var alternatives = NoAlternatives(10);
        alternatives[8] = [new DigitAlternative(6, 0.04f)];
        var match = Assert.IsType<DirectoryMatch>(People.Lookup("5551234587", TestDirectories.Confident("5551234587"), alternatives));
        Assert.Equal("Alice", match.Entry.Name);
        Assert.Equal(0.95f, match.Distance, precision: 5);
    }

    [Theory]
    [InlineData(0.45f, true)]   // ln(0.5 / 0.45) = 0.105, within the margin of 0.2: either person
    [InlineData(0.3f, false)]   // ln(0.5 / 0.3) = 0.51: the exact read stands
    public void Lookup_ExactReadWhoseDoubtfulDigitReadsAsAnotherEntry_IsAmbiguous(float alternativeScore, bool ambiguous)
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Fay,415-555-0123
            Ed,415-555-0128
            """);
        var confidences = TestDirectories.Confident("4155550123");
        confidences[9] = 0.5f;
        var alternatives = NoAlternatives(10);
        alternatives[9] = [new DigitAlternative(8, alternativeScore)];

        var result = directory.Lookup("4155550123", confidences, alternatives);

        if (ambiguous)
        {
            var noMatch = Assert.IsType<NoMatch>(result);
            Assert.Equal(NoMatchReason.AmbiguousReading, noMatch.Reason);
            Assert.Equal(["Fay", "Ed"], noMatch.Closest.Select(c => c.Entry.Name));
            Assert.Equal(0f, noMatch.Closest[0].Distance);
            Assert.Equal(0.10536f, noMatch.Closest[1].Distance, precision: 4);
        }
        else
        {
            Assert.Equal("Fay", Assert.IsType<DirectoryMatch>(result).Entry.Name);
        }

        Assert.True(Assert.IsType<DirectoryMatch>(directory.Lookup("4155550123", confidences)).IsExact);
    }

    [Fact]
    public void Lookup_ReadNumber_UsesItsDigitsAlternatives()
    {
        var digits = "4155550123".Select((c, i) => new Detection(c - '0', i is 7 or 9 ? 0.5f : 0.95f, new Box(10 * i, 0, (10 * i) + 8, 12))
        {
            Alternatives = i == 9 ? [new DigitAlternative(8, 0.45f)] : [],
        }).ToList();
        var read = new RecognizedNumber("4155550123", 0.8, new Box(0, 0, 98, 12), digits, Line: 0);

        Assert.Equal("Ed", Assert.IsType<DirectoryMatch>(Neighbours.Lookup(read)).Entry.Name);
    }

    [Fact]
    public void Lookup_AlternativeThatIsNotADigit_ThrowsNamingIt()
    {
        var alternatives = NoAlternatives(10);
        alternatives[2] = [new DigitAlternative(12, 0.3f)];
        var error = Assert.Throws<ArgumentException>(() => People.Lookup("5551234567", TestDirectories.Confident("5551234567"), alternatives));
        Assert.Contains("of digit 2 ('5')", error.Message);
    }

    [Fact]
    public void Lookup_NonDigit_ThrowsNamingItsPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => People.Lookup("555-1234", TestDirectories.Confident("555-1234")));
        Assert.Contains("'-' at index 3", error.Message);
    }

    [Fact]
    public void Lookup_ConfidenceCountMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => People.Lookup("5551234567", [0.9f]));
        Assert.Contains("10 digits but 1 confidences", error.Message);
    }

    private static IReadOnlyList<DigitAlternative>[] NoAlternatives(int digits) =>
        Enumerable.Repeat<IReadOnlyList<DigitAlternative>>([], digits).ToArray();

    private static LookupResult Lookup(PhoneDirectory directory, string digits) =>
        directory.Lookup(digits, TestDirectories.Confident(digits));
}
