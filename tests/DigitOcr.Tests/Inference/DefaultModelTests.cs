using DigitOcr.Inference;
using DigitOcr.Inference.Directory;

namespace DigitOcr.Tests.Inference;

/// <summary>The model shipped in the assembly reads a page of MNIST test digits and finds the right people.</summary>
public class DefaultModelTests
{
    private static readonly string Page = Path.Combine(AppContext.BaseDirectory, "assets", "pages", "sample-page.png");

    [Fact]
    public void ShippedModel_ReadsTheSamplePage_AndTheDirectoryFindsBothPeople()
    {
        Assert.True(DefaultModel.IsAvailable, "this build embeds no default model (models/digitocr-lite.pt)");
        using var detector = DigitDetector.Load();
        var directory = new PhoneDirectoryBuilder();
        directory.Add("Ada Lovelace", "(555) 123-4567", 1);
        directory.Add("Alan Turing", "800-649-0213", 2);
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            directory.Add($"distractor {i}", random.NextInt64(2_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), 3 + i);
        }

        var reading = new PageReader(detector, directory: directory.Build()).Read(Page);
        Assert.Equal(2, reading.Numbers.Count);
        var names = reading.Lookups.Select(l => (l as DirectoryMatch)?.Entry.Name).ToList();
        Assert.Equal(["Ada Lovelace", "Alan Turing"], names);
    }
}
