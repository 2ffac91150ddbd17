using System.Text.Json;
using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Cli;

/// <summary>
/// <c>digitocr detect</c> as users run it: a separate process, given files and folders the way shells expand
/// them, checked on its stdout, stderr and exit code (0 all read, 1 some skipped, 2 nothing read).
/// </summary>
public sealed class DetectCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digitocr-detect-command-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public void SeveralFilesAndFolders_Jsonl_OneLinePerImageInTheOrderGiven()
    {
        File.Copy(SamplePage, Path.Combine(folder, "a.png"));
        SaveAs(Path.Combine(folder, "b.jpg"));
        Directory.CreateDirectory(Path.Combine(folder, "scans"));
        SaveAs(Path.Combine(folder, "scans", "c.tif"));
        File.Copy(SamplePage, Path.Combine(folder, "scans", "d.PNG"));
        File.WriteAllText(Path.Combine(folder, "scans", "notes.txt"), "not an image");

        var result = Detect(["b.jpg", "a.png", "scans", "--format", "jsonl", "--pyramid", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var images = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["b.jpg", "a.png", Path.Combine("scans", "c.tif"), Path.Combine("scans", "d.PNG")], images.Select(i => i.GetProperty("image").GetString()));
        Assert.All(images, i => Assert.Equal(760, i.GetProperty("width").GetInt32()));
        Assert.All(images, i => Assert.True(i.GetProperty("numbers").GetArrayLength() >= 2, i.ToString()));
        Assert.DoesNotContain("pages/s", result.Errors);
    }

    [Fact]
    public void Folder_ImagesOfVeryDifferentSizes_OutputKeepsNameOrder()
    {
        // Decoding runs ahead on another thread: a large image between small ones, and a broken one, must not reorder the output.
        using (var large = Image.Create(2400, 1800, fill: 240))
        {
            large.Save(Path.Combine(folder, "b-large.png"));
        }

        foreach (var name in new[] { "a-small.png", "c-small.png", "e-small.png" })
        {
            using var small = Image.Create(64 + name[0], 48, fill: 250);
            small.Save(Path.Combine(folder, name));
        }

        File.WriteAllBytes(Path.Combine(folder, "d-broken.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);

        // --max-side keeps the large image's network pass small: its decode, not its detection, is what must not reorder.
        var result = Detect([folder, "--format", "jsonl", "--pyramid", "1", "--max-side", "640", "--no-recognizer"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var images = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a-small.png", "b-large.png", "c-small.png", "e-small.png"], images.Select(i => Path.GetFileName(i.GetProperty("image").GetString())));
        Assert.Equal([64 + 'a', 2400, 64 + 'c', 64 + 'e'], images.Select(i => i.GetProperty("width").GetInt32()));
        Assert.Contains("d-broken.png", result.Errors);
    }

    [Fact]
    public void ErrorWrittenWhileTheNextImageDecodes_ReachesStderr()
    {
        // Regression: the first message of detect was written while the decode-ahead thread had fd 2 captured for a
        // slow decode; .NET then opened its stderr on the capture's in-memory file, and every message was lost. Here a
        // small page is read while the broken file after it fails at once and the noise after that takes long to decode.
        using (var small = Image.Create(96, 64, fill: 240))
        {
            small.Save(Path.Combine(folder, "a-small.png"));
        }

        File.WriteAllBytes(Path.Combine(folder, "b-broken.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var noise = new byte[3000 * 3000];
        new Random(3).NextBytes(noise);
        using (var slow = Image.FromPixels(noise, 3000, 3000))
        {
            slow.Save(Path.Combine(folder, "c-noise.png"));
        }

        var result = Detect([folder, "--pyramid", "1", "--max-side", "256", "--no-recognizer"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("c-noise.png: 3000x3000", result.Output);
        var line = Assert.Single(ErrorLines(result));
        Assert.StartsWith("digitocr: skipped '" + Path.Combine(folder, "b-broken.png") + "': ", line);
    }

    [Fact]
    public void FolderWithWebp_ReadsIt()
    {
        // Not a real WebP: what matters is that the folder listing picks .webp up and tries it.
        File.WriteAllBytes(Path.Combine(folder, "photo.webp"), [0x52, 0x49, 0x46, 0x46, 1, 2, 3]);

        var result = Detect([folder]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("photo.webp", result.Errors);
    }

    [Fact]
    public void OnATerminal_ProgressGoesToStderr_AndStdoutHoldsOnlyResults()
    {
        File.Copy(SamplePage, Path.Combine(folder, "a.png"));
        File.Copy(SamplePage, Path.Combine(folder, "b.png"));
        File.Copy(SamplePage, Path.Combine(folder, "c.png"));
        var digitocr = Path.Combine(AppContext.BaseDirectory, CliProcess.Digitocr);

        // script(1) gives the command a terminal for stderr; stdout goes to a file, as `detect ... > results.jsonl`.
        var start = new System.Diagnostics.ProcessStartInfo("script") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-qec", $"{digitocr} detect a.png b.png c.png --format jsonl --pyramid 1 --no-recognizer > results.jsonl", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var terminal = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, terminal + process.StandardError.ReadToEnd());
        Assert.Matches(@"1/3 pages, [\d.]+ pages/s, ETA \d+:\d\d", terminal);
        Assert.Matches(@"2/3 pages, [\d.]+ pages/s, ETA \d+:\d\d", terminal);
        var results = File.ReadAllLines(Path.Combine(folder, "results.jsonl"));
        Assert.Equal(["a.png", "b.png", "c.png"], results.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("image").GetString()));
    }

    [Fact]
    public void AnUnreadableFileAmongGoodOnes_IsReportedSkippedAndExitCodeIs1()
    {
        File.Copy(SamplePage, Path.Combine(folder, "good.png"));
        File.WriteAllText(Path.Combine(folder, "bad.png"), "not a png");

        var result = Detect(["bad.png", "good.png", "missing.png", "--pyramid", "1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("good.png: 760x300", result.Output);
        Assert.Contains("skipped 'bad.png'", result.Errors);
        Assert.Contains("'missing.png' is neither a file nor a folder", result.Errors);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void NothingReadable_ExitCodeIs2()
    {
        var result = Detect(["missing.png", "also-missing"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Output);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void Draw_SameFileNamesFromTwoFoldersAndTwoExtensions_GetDistinctAnnotatedFiles()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));
        SaveAs(Path.Combine(folder, "p.jpg"));
        Directory.CreateDirectory(Path.Combine(folder, "other"));
        File.Copy(SamplePage, Path.Combine(folder, "other", "p.png"));

        var result = Detect(["p.png", "p.jpg", "other/p.png", "--draw", "annotated", "--pyramid", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = Directory.GetFiles(Path.Combine(folder, "annotated")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["p.jpg.annotated.png", "p.png.2.annotated.png", "p.png.annotated.png"], written);
        using var annotated = Image.Load(Path.Combine(folder, "annotated", "p.jpg.annotated.png"));
        Assert.Equal((760, 300), (annotated.Width, annotated.Height));

        // Drawing into the folder that is read does not read the annotated copies again.
        var again = Detect(["annotated", "--draw", "annotated", "--pyramid", "1"]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no images", again.Errors);
    }

    [Fact]
    public void Draw_PointingAtAFile_FailsBeforeReadingAnything()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));
        File.WriteAllText(Path.Combine(folder, "taken"), "a file");

        var result = Detect(["p.png", "--draw", "taken"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Output);
        Assert.Contains("--draw", result.Errors);
        Assert.Equal("a file", File.ReadAllText(Path.Combine(folder, "taken")));
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("--pyramid", "0")]
    [InlineData("--pyramid", "-1")]
    [InlineData("--pyramid", "two")]
    [InlineData("--threshold", "-1")]
    [InlineData("--threshold", "2")]
    [InlineData("--threshold", "NaN")]
    [InlineData("--threshold", "abc")]
    [InlineData("--pyramid", "17")]
    [InlineData("--min-digit-height", "0")]
    [InlineData("--max-digit-height", "abc")]
    [InlineData("--tile-size", "1000")]
    [InlineData("--tile-size", "128")]
    [InlineData("--max-side", "8")]
    [InlineData("--format", "xml")]
    [InlineData("--model", ".")]
    [InlineData("--model", "no-such-model.pt")]
    [InlineData("--directory", ".")]
    [InlineData("--backend", "tensorrt")]
    public void BadOption_NamesTheOptionWithoutAStackTrace(string option, string value)
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));

        var result = Detect(["p.png", option, value]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Output);
        Assert.Contains(option, result.Errors);
        Assert.Contains($"'{value}'", result.Errors);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void SmallestDigitAboveLargest_NamesBothOptions()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));

        var result = Detect(["p.png", "--min-digit-height", "50", "--max-digit-height", "20"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Output);
        Assert.Contains("--min-digit-height", result.Errors);
        Assert.Contains("--max-digit-height", result.Errors);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void SizeOptions_ReadTheSamePage()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));

        // Digits about 40 px tall: the finest pass at 16/30 of the size, no pass for larger writing, 320 px tiles.
        var result = Detect(["p.png", "--format", "jsonl", "--min-digit-height", "30", "--max-digit-height", "60", "--tile-size", "320"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var numbers = JsonDocument.Parse(result.Output).RootElement.GetProperty("numbers").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Equal(2, numbers.Count);
        Assert.All(numbers, n => Assert.Equal(10, n!.Length));
    }

    [Fact]
    public void ModelFileThatIsNotAModel_OneLineNamingTheOption()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));
        File.WriteAllText(Path.Combine(folder, "model.pt"), "not a model");

        var result = Detect(["p.png", "--model", "model.pt"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--model", result.Errors);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void TruncatedJpeg_IsReadWithAWarningNamingTheFile_AndStrictMakesItAnError()
    {
        SaveAs(Path.Combine(folder, "whole.jpg"));
        var jpeg = File.ReadAllBytes(Path.Combine(folder, "whole.jpg"));
        File.WriteAllBytes(Path.Combine(folder, "cut.jpg"), jpeg.AsSpan(0, jpeg.Length / 2).ToArray());

        var lenient = Detect(["whole.jpg", "cut.jpg", "--pyramid", "1"]);
        var strict = Detect(["whole.jpg", "cut.jpg", "--pyramid", "1", "--strict"]);

        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("cut.jpg: 760x300", lenient.Output);
        Assert.Contains("warning: 'cut.jpg'", lenient.Errors);
        Assert.Contains("FF D9", lenient.Errors);
        Assert.DoesNotContain("whole.jpg", lenient.Errors);
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("whole.jpg: 760x300", strict.Output);
        Assert.DoesNotContain("cut.jpg", strict.Output);
        Assert.Contains("skipped 'cut.jpg'", strict.Errors);
    }

    [Fact]
    public void TruncatedJpeg_CarriesItsWarningInItsJsonLine_AndAWholeOneNone()
    {
        SaveAs(Path.Combine(folder, "whole.jpg"));
        var jpeg = File.ReadAllBytes(Path.Combine(folder, "whole.jpg"));
        File.WriteAllBytes(Path.Combine(folder, "cut.jpg"), jpeg.AsSpan(0, jpeg.Length / 2).ToArray());

        var result = Detect(["whole.jpg", "cut.jpg", "--pyramid", "1", "--format", "jsonl"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l)).ToList();
        Assert.False(lines[0].RootElement.TryGetProperty("warning", out _));
        Assert.Contains("FF D9", lines[1].RootElement.GetProperty("warning").GetString());
    }

    [Fact]
    public void TruncatedPngAndCorruptJpeg_GiveOneLineEachNamingTheFile_AndNothingRaw()
    {
        var png = File.ReadAllBytes(SamplePage);
        File.WriteAllBytes(Path.Combine(folder, "cut.png"), DamagedImages.Cut(png, 0.6));
        SaveAs(Path.Combine(folder, "whole.jpg"));
        File.WriteAllBytes(Path.Combine(folder, "corrupt.jpg"), DamagedImages.CorruptJpeg(File.ReadAllBytes(Path.Combine(folder, "whole.jpg"))));

        var lenient = Detect(["cut.png", "corrupt.jpg", "--pyramid", "1", "--no-recognizer"]);
        var strict = Detect(["cut.png", "corrupt.jpg", "--pyramid", "1", "--no-recognizer", "--strict"]);

        // A PNG cut short does not decode at all (libpng stops at the missing data): skipped, with libpng's reason.
        Assert.True(lenient.ExitCode == 1, lenient.ToString());
        var lines = ErrorLines(lenient);
        Assert.True(lines.Length == 2, lenient.ToString());
        Assert.StartsWith("digitocr: skipped 'cut.png': not a decodable image", lines[0]);
        Assert.Contains("the PNG has no IEND chunk", lines[0]);
        Assert.Contains("the decoder reported: libpng error: ", lines[0]);
        Assert.Equal("digitocr: warning: 'corrupt.jpg': the decoder reported: Corrupt JPEG data: premature end of data segment; digits in the damaged part may be missing or wrong", lines[1]);
        Assert.Contains("corrupt.jpg: 760x300", lenient.Output);

        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Empty(strict.Output);
        Assert.Equal(
            ["digitocr: skipped 'corrupt.jpg': the decoder reported: Corrupt JPEG data: premature end of data segment (--strict)"],
            ErrorLines(strict).Where(l => l.Contains("corrupt.jpg")));
        Assert.All(ErrorLines(strict), l => Assert.StartsWith("digitocr: ", l));
    }

    [Fact]
    public void ThreeHundredDamagedFiles_GiveOneDigitocrLineEach_AndNoRawDecoderOutput()
    {
        // Small pages, so that reading 200 of them stays quick: what is checked is stderr, not the digits.
        using var page = Image.Load(SamplePage);
        using var small = page.Resize(96, 38, Interpolation.Area);
        var png = small.Encode(ImageFormat.Png);
        var jpeg = small.Encode(ImageFormat.Jpeg);
        var damaged = Path.Combine(folder, "damaged");
        Directory.CreateDirectory(damaged);
        for (var i = 0; i < 100; i++)
        {
            File.WriteAllBytes(Path.Combine(damaged, $"cut-{i:D3}.png"), DamagedImages.Cut(png, 0.3 + (i * 0.006)));
            File.WriteAllBytes(Path.Combine(damaged, $"corrupt-{i:D3}.jpg"), DamagedImages.CorruptJpeg(jpeg));
            File.WriteAllBytes(Path.Combine(damaged, $"cut-{i:D3}.jpg"), DamagedImages.CutJpegScan(jpeg, 0.2 + (i * 0.007)));
        }

        var result = Detect(["damaged", "--pyramid", "1", "--no-recognizer"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = ErrorLines(result);
        Assert.All(lines, l => Assert.StartsWith("digitocr: ", l));
        Assert.DoesNotContain(lines, l => l.StartsWith("libpng", StringComparison.Ordinal) || l.StartsWith("Corrupt JPEG", StringComparison.Ordinal));
        Assert.Equal(300, lines.Length);
        Assert.Equal(100, lines.Count(l => l.StartsWith("digitocr: skipped 'damaged/cut-", StringComparison.Ordinal) && l.Contains(".png'")));
        Assert.Equal(100, lines.Count(l => l.StartsWith("digitocr: warning: 'damaged/corrupt-", StringComparison.Ordinal) && l.Contains("Corrupt JPEG data")));
        Assert.Equal(100, lines.Count(l => l.StartsWith("digitocr: warning: 'damaged/cut-", StringComparison.Ordinal) && l.Contains("FF D9")));
    }

    [Fact]
    public void DamagedModelFile_IsRefusedNamingTheOption()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));
        var model = File.ReadAllBytes(Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt"));
        model[model.Length / 2] ^= 0x10;
        File.WriteAllBytes(Path.Combine(folder, "damaged.pt"), model);

        var result = Detect(["p.png", "--model", "damaged.pt"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--model: 'damaged.pt' is damaged", result.Errors);
        AssertNoStackTrace(result);
    }

    [Fact]
    public void HeaderOnlyDirectory_Warns()
    {
        File.Copy(SamplePage, Path.Combine(folder, "p.png"));
        File.WriteAllText(Path.Combine(folder, "phones.csv"), "name,phone\n");

        var result = Detect(["p.png", "--directory", "phones.csv", "--pyramid", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: phone directory 'phones.csv' has a header but no entries", result.Errors);
    }

    internal static void AssertNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("Unhandled exception", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.DoesNotContain("   at ", result.Output);
    }

    private static string[] ErrorLines(CliResult result) => result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private CliResult Detect(IEnumerable<string> arguments) =>
        CliProcess.Run(CliProcess.Digitocr, ["detect", .. arguments], workingDirectory: folder);

    private static void SaveAs(string path)
    {
        using var page = Image.Load(SamplePage);
        page.Save(path);
    }
}
