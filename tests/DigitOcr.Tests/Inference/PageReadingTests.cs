using DigitOcr.Boxes;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Inference;

public class PageReadingTests
{
    private static readonly DetectionResult NoDigits = new(100, 100, [], 1.0);

    [Fact]
    public void Match_IsTheClosestOfTheNumbersMatches_ThenTheMoreConfidentNumber()
    {
        var corrected = Reading("5551234587", score: 0.99, new DirectoryMatch(new DirectoryEntry("Alice", "5551234567", 2), 0.4f, IsExact: false, null));
        var faint = Reading("8005550199", score: 0.6, new DirectoryMatch(new DirectoryEntry("Bob", "8005550199", 3), 0f, IsExact: true, null));
        var confident = Reading("2125550199", score: 0.9, new DirectoryMatch(new DirectoryEntry("Carol", "2125550199", 4), 0f, IsExact: true, null));
        var unknown = Reading("4155550123", score: 1.0, new NoMatch(NoMatchReason.NoCandidates, []));

        var page = new PageReading(NoDigits, [corrected, faint, unknown, confident]);

        Assert.Equal("Carol", page.Match?.Entry.Name);
        Assert.Equal(["5551234587", "8005550199", "4155550123", "2125550199"], page.Numbers.Select(n => n.Text));
        Assert.Equal(4, page.Lookups.Count);
    }

    [Fact]
    public void WithoutADirectory_ThereAreNoLookups_AndNoMatch()
    {
        var page = new PageReading(NoDigits, [Reading("5551234567", 0.9, lookup: null)]);
        Assert.Null(page.Match);
        Assert.Empty(page.Lookups);
        Assert.Single(page.Numbers);
    }

    private static NumberReading Reading(string text, double score, LookupResult? lookup)
    {
        var digits = text.Select((c, i) => new Detection(c - '0', (float)score, new Box(10 * i, 0, (10 * i) + 8, 12))).ToList();
        return new NumberReading(new RecognizedNumber(text, score, new Box(0, 0, 10 * text.Length, 12), digits, Line: 0), lookup);
    }
}
