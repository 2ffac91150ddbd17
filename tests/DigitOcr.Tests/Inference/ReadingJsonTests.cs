using System.Text.Json;
using DigitOcr.Boxes;
using DigitOcr.Inference.Json;
using DigitOcr.Inference.Live;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Inference;

public class ReadingJsonTests
{
    private static readonly PhoneDirectory People = BuildPeople();

    [Fact]
    public void EveryNumber_GetsItsOwnMatch_AndThePageKeepsTheBest()
    {
        // Alice's number read exactly, Bob's with one digit wrong (distance 0.9), and a number nobody has.
        var digits = Written("5551234567", y: 100)
            .Concat(Written("8005550198", y: 200))
            .Concat(Written("4155550123", y: 300))
            .ToList();

        using var json = Parse(ReadingJson.Page("page.jpg", Read(digits, People)));
        var numbers = json.RootElement.GetProperty("numbers").EnumerateArray().ToList();

        Assert.Equal(["5551234567", "8005550198", "4155550123"], numbers.Select(n => n.GetProperty("text").GetString()));
        Assert.Equal("Alice", numbers[0].GetProperty("match").GetProperty("name").GetString());
        Assert.Equal(0, numbers[0].GetProperty("match").GetProperty("distance").GetDouble());
        Assert.Equal("Bob", numbers[1].GetProperty("match").GetProperty("name").GetString());
        Assert.Equal("8005550199", numbers[1].GetProperty("match").GetProperty("phone").GetString());
        Assert.Equal(0.9, numbers[1].GetProperty("match").GetProperty("distance").GetDouble());
        Assert.Equal(JsonValueKind.Null, numbers[2].GetProperty("match").ValueKind);
        Assert.Equal("noCandidates", numbers[2].GetProperty("noMatch").GetString());
        Assert.False(numbers[0].TryGetProperty("noMatch", out _));

        var page = json.RootElement.GetProperty("match");
        Assert.Equal("Alice", page.GetProperty("name").GetString());
        Assert.Equal("5551234567", page.GetProperty("phone").GetString());
    }

    [Fact]
    public void NumberCutByThePicturesEdge_SaysWhichEdge_AndAWholeOneSaysNothing()
    {
        // The second number's last digit box ends at x = 1024, the picture's right edge: it may go on past it.
        var digits = Written("5551234567", y: 100)
            .Concat(Written("8005550", y: 300, x: 1024 - 13 - (6 * 32)))
            .ToList();

        using var json = Parse(ReadingJson.Page("page.jpg", Read(digits, People)));
        var numbers = json.RootElement.GetProperty("numbers").EnumerateArray().ToList();

        Assert.False(numbers[0].TryGetProperty("atEdge", out _));
        Assert.Equal(["right"], numbers[1].GetProperty("atEdge").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void NumberEndingShortOfTheEdge_WithACutDigitBesideIt_SaysItMayBeCut()
    {
        // A digit cut by the right edge scores too low to join the number, which ends 33 px short of the edge.
        var digits = Written("8005550", y: 300, x: 760);
        digits.Add(new Detection(9, 0.12f, new Box(998, 282, 1024, 318)));

        using var json = Parse(ReadingJson.Page("page.jpg", Read(digits, People)));
        var number = Assert.Single(json.RootElement.GetProperty("numbers").EnumerateArray());

        Assert.Equal("8005550", number.GetProperty("text").GetString());
        Assert.Equal(["right"], number.GetProperty("atEdge").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void AmbiguousNumber_HasNoMatch_AndSaysWhy()
    {
        // The last digit, read as 7 at 0.5, may be a 6 at 0.45 (so it is surely a digit and stays in the number):
        // Alice or Alan, ln(0.5 / 0.45) = 0.105 apart, within the margin of 0.2.
        var directory = new PhoneDirectoryBuilder();
        directory.Add("Alice", "555-123-4567", 2);
        directory.Add("Alan", "555-123-4566", 3);
        var digits = Written("5551234567", y: 100);
        digits[9] = digits[9] with { Score = 0.5f, Alternatives = [new DigitAlternative(6, 0.45f)] };

        using var json = Parse(ReadingJson.Page("page.jpg", Read(digits, directory.Build())));
        var number = Assert.Single(json.RootElement.GetProperty("numbers").EnumerateArray());

        Assert.Equal(JsonValueKind.Null, number.GetProperty("match").ValueKind);
        Assert.Equal("ambiguousReading", number.GetProperty("noMatch").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("match").ValueKind);
    }

    [Fact]
    public void Digits_CarryTheirAlternatives_OnlyWhenTheyHaveSome_Rounded()
    {
        var digits = new List<Detection>
        {
            new(4, 0.712345f, new Box(10.04f, 20.06f, 30.16f, 60.949f)) { Alternatives = [new DigitAlternative(9, 0.212345f), new DigitAlternative(1, 0.05f)] },
            new(2, 0.97f, new Box(40, 20, 60, 60)),
        };

        using var json = Parse(ReadingJson.Page("a \"quoted\" name.png", new PageReading(new DetectionResult(640, 480, digits, 1.0), [])));
        var root = json.RootElement;
        var written = root.GetProperty("digits").EnumerateArray().ToList();

        Assert.Equal("a \"quoted\" name.png", root.GetProperty("image").GetString());
        Assert.Equal(640, root.GetProperty("width").GetInt32());
        Assert.Equal(0.7123, written[0].GetProperty("score").GetDouble());
        Assert.Equal([10.0, 20.1, 30.2, 60.9], written[0].GetProperty("box").EnumerateArray().Select(v => v.GetDouble()));
        var alternatives = written[0].GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal([9, 1], alternatives.Select(a => a.GetProperty("digit").GetInt32()));
        Assert.Equal([0.2123, 0.05], alternatives.Select(a => a.GetProperty("score").GetDouble()));
        Assert.False(written[1].TryGetProperty("alternatives", out _));
        Assert.Equal("0.97", written[1].GetProperty("score").GetRawText());
        Assert.Empty(root.GetProperty("numbers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("match").ValueKind);
    }

    [Fact]
    public void WithoutADirectory_NumbersHaveANullMatch_AndNoReason()
    {
        using var json = Parse(ReadingJson.Page("page.jpg", Read(Written("5551234567", y: 100), directory: null)));
        var number = Assert.Single(json.RootElement.GetProperty("numbers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, number.GetProperty("match").ValueKind);
        Assert.False(number.TryGetProperty("noMatch", out _));
    }

    [Fact]
    public void AStableReading_HasItsFrameAndTime_AndTheSameNumbersAndMatchAsAPage()
    {
        var page = Read(Written("5551234567", y: 100), People);
        var stable = new StableReading(42, TimeSpan.FromSeconds(1.4), page, [new NumberHistory(40, TimeSpan.FromSeconds(1.33), 3)]);

        using var json = Parse(ReadingJson.Stable(stable));
        using var pageJson = Parse(ReadingJson.Page("page.jpg", page));

        var root = json.RootElement;
        Assert.Equal(["frame", "time", "numbers", "match"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(42, root.GetProperty("frame").GetInt64());
        Assert.Equal("1.4", root.GetProperty("time").GetRawText());
        Assert.Equal(pageJson.RootElement.GetProperty("numbers").GetRawText(), root.GetProperty("numbers").GetRawText());
        Assert.Equal("Alice", root.GetProperty("match").GetProperty("name").GetString());
    }

    private static JsonDocument Parse(string line)
    {
        Assert.DoesNotContain('\n', line);
        return JsonDocument.Parse(line);
    }

    /// <summary>What <see cref="PageReader.Interpret"/> makes of these detections, without a detector.</summary>
    private static PageReading Read(List<Detection> digits, PhoneDirectory? directory)
    {
        var numbers = new NumberReader().Read(digits);
        var detection = new DetectionResult(1024, 768, digits, 1.0);
        return new PageReading(detection, numbers.Select(n => NumberReading.InPicture(n, directory?.Lookup(n), detection)).ToList());
    }

    private static List<Detection> Written(string text, float y, float x = 100) =>
        text.Select((c, i) => new Detection(c - '0', 0.9f, Box.FromCenter(x + (i * 32), y, 26, 40))).ToList();

    private static PhoneDirectory BuildPeople()
    {
        var builder = new PhoneDirectoryBuilder();
        builder.Add("Alice", "(555) 123-4567", 2);
        builder.Add("Bob", "800-555-0199", 3);
        return builder.Build();
    }
}
