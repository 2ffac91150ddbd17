using System.Globalization;
using System.Text.RegularExpressions;
using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Cli;

/// <summary><c>digitocr bench</c> as users run it: a separate process at tiny sizes (or on a tiny model), its figures and its errors.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private const int Usage = 2;

    private readonly TempFolder folder = new("digitocr-bench-command-");

    public void Dispose() => folder.Dispose();

    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public void SyntheticPage_PrintsOrderedLatencies()
    {
        var result = Bench(["--runs", "3", "--width", "64", "--height", "64", "--threads", "1", "--pyramid", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Regex.Match(result.Output, @"^64x64 page, 3 runs, 1 thread\(s\), model \S+ \+ recognizer, backend \S+: median ([\d.]+) ms, mean ([\d.]+) ms, min ([\d.]+) ms, max ([\d.]+) ms\s*$");
        Assert.True(line.Success, result.ToString());
        var (median, mean, min, max) = (Ms(line, 1), Ms(line, 2), Ms(line, 3), Ms(line, 4));
        Assert.True(min > 0 && min <= median && median <= max && min <= mean && mean <= max, line.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void AnImageThatIsNotOne_IsAUsageErrorNamingTheOption()
    {
        File.WriteAllText(folder.File("page.png"), "not a png");

        var result = Bench(["--image", "page.png", "--runs", "1"]);

        CliAssert.OneLineError(result, "digitocr", Usage, "--image: cannot read image 'page.png'");
        Assert.Empty(result.Output);
    }

    [Fact]
    public void ADamagedImage_IsTimedWithOneWarningNamingIt()
    {
        using var page = Image.Load(SamplePage);
        File.WriteAllBytes(folder.File("corrupt.jpg"), DamagedImages.CorruptJpeg(page.Encode(ImageFormat.Jpeg)));

        var result = Bench(["--image", "corrupt.jpg", "--runs", "1", "--pyramid", "1", "--no-recognizer"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("digitocr: warning: 'corrupt.jpg': the decoder reported: Corrupt JPEG data: premature end of data segment", result.Errors.Trim());
        Assert.Matches(@"^760x300 page, 1 runs, \d+ thread\(s\), model \S+ \(no recognizer\), backend \S+: median [\d.]+ ms", result.Output);
    }

    [Fact]
    public void AModelFileThatIsNotAModel_IsAUsageErrorNamingTheOption()
    {
        File.WriteAllText(folder.File("model.pt"), "not a model");

        var result = Bench(["--model", "model.pt", "--runs", "1", "--width", "64", "--height", "64"]);

        CliAssert.OneLineError(result, "digitocr", Usage, "--model: ");
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--width", "-5")]
    [InlineData("--width", "31")]
    [InlineData("--threads", "0")]
    [InlineData("--height", "abc")]
    [InlineData("--pyramid", "17")] // MaxPyramidLevels is 16
    [InlineData("--image", "missing.png")]
    [InlineData("--backend", "tpu")]
    [InlineData("--folder", "no-such-folder")]
    [InlineData("--decode-ahead", "17")] // DecodeAhead.MaxCapacity is 16
    public void BadValue_IsOneLineNamingTheOptionAndTheValue(string option, string value)
    {
        var result = Bench([option, value]);

        var error = CliAssert.OneLineError(result, "digitocr", Usage, option);
        Assert.Contains($"'{value}'", error);
        Assert.Empty(result.Output);
    }

    [PyTorchFact]
    public void PyTorch_OnATinyModel_PrintsEachBackendPyTorchAndTheRatios()
    {
        var model = TinyModel.Save(folder.File("tiny.pt"));

        var result = Bench(["--pytorch", "--model", model, "--width", "96", "--height", "64", "--threads", "1", "--runs", "2"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("network only: 96x64 input", result.Output);
        Assert.Matches(@"DigitOcr libtorch: +median \d+\.\d ms.*; processor time median \d+\.\d ms", result.Output);
        Assert.Matches(@"DigitOcr onnxruntime: +median \d+\.\d ms", result.Output);
        Assert.Matches(@"PyTorch \S+ \(NCHW, float32, inference_mode, 1 thread\(s\), OMP_WAIT_POLICY \S+\): median \d+\.\d ms.*; processor time median \d+\.\d ms", result.Output);
        var ratio = Regex.Match(result.Output, @"ratio DigitOcr / PyTorch \(median / median\): libtorch (\d+\.\d+), onnxruntime (\d+\.\d+)");
        Assert.True(ratio.Success, result.ToString());
        Assert.All([ratio.Groups[1].Value, ratio.Groups[2].Value], r => Assert.True(double.Parse(r, CultureInfo.InvariantCulture) > 0, r));
    }

    [Theory]
    [InlineData("libtorch")]
    [InlineData("onnxruntime")]
    public void WidthHeightThreadsRunsPyramid_PrintsTheMedian(string backend)
    {
        var model = TinyModel.Save(folder.File("tiny.pt"));

        var result = Bench(["--model", model, "--width", "128", "--height", "96", "--threads", "1", "--runs", "3", "--pyramid", "1", "--no-recognizer", "--backend", backend]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"128x96 page, 3 runs, 1 thread\(s\), model tiny-untrained \(no recognizer\), backend {backend}: median \d+\.\d ms", result.Output);
    }

    [Fact]
    public void Folder_PrintsPagesPerSecond()
    {
        var model = TinyModel.Save(folder.File("tiny.pt"));
        var pages = Directory.CreateDirectory(folder.File("pages")).FullName;
        for (var i = 0; i < 4; i++)
        {
            using var page = Image.Create(160 + (10 * i), 120, fill: 230);
            page.Save(Path.Combine(pages, $"p{i}.png"));
        }

        var result = Bench(["--folder", pages, "--model", model, "--no-recognizer", "--threads", "1"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var rate = Regex.Match(result.Output, @": 4 pages in \d+\.\d+ s: (\d+\.\d+) pages/s \(1 thread\(s\), decode ahead 3,");
        Assert.True(rate.Success, result.ToString());
        Assert.True(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Folder_WithoutImages_IsAUsageErrorNamingTheOption()
    {
        var empty = Directory.CreateDirectory(folder.File("empty")).FullName;

        var result = Bench(["--folder", empty]);

        CliAssert.OneLineError(result, "digitocr", Usage, "--folder");
        Assert.Empty(result.Output);
    }

    private static double Ms(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private CliResult Bench(IEnumerable<string> arguments) =>
        CliProcess.Run(CliProcess.Digitocr, ["bench", .. arguments], workingDirectory: folder.Path);
}
