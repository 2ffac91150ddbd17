using System.Text.Json;
using DigitOcr.Tests.Live;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Cli;

/// <summary><c>digitocr watch</c> as users run it: a separate process on video files made from test pages.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-watch-command-");

    public void Dispose() => folder.Dispose();

    private static string Directory => Path.Combine(AppContext.BaseDirectory, "samples", "phones.csv");

    [Fact]
    public void AClipOfPages_Jsonl_ReportsEachPagesNumberOnce_InOrder_WithItsPerson_AndDrawsEachReading()
    {
        var clip = folder.File("pages.y4m");
        LiveReaderTests.WritePagesClip(clip);

        var result = CliProcess.Run(CliProcess.Digitocr, ["watch", clip, "--every-frame", "--format", "jsonl", "--directory", Directory, "--draw", folder.File("drawn")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines.Count == 3, result.ToString());
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Ada Lovelace"], lines.Select(l => l.GetProperty("match").GetProperty("name").GetString()));
        Assert.All(lines, l => Assert.Equal(["frame", "time", "numbers", "match"], l.EnumerateObject().Select(p => p.Name)));
        var frames = lines.Select(l => l.GetProperty("frame").GetInt64()).ToList();
        Assert.Equal(frames.Order(), frames);
        Assert.All(lines, l => Assert.Equal(Math.Round(l.GetProperty("frame").GetInt64() / 30.0, 3), l.GetProperty("time").GetDouble()));
        Assert.Equal(TestClips.SampleNumbers[1], lines[1].GetProperty("numbers")[0].GetProperty("text").GetString());

        Assert.Equal(frames.Select(f => $"frame-{f:D6}.png"), System.IO.Directory.GetFiles(folder.File("drawn")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("52 frame(s) from the source, 52 read", result.Errors);
        Assert.Contains("0 dropped; 3 stable reading(s)", result.Errors);
    }

    [Fact]
    public void KeepingPaceWithTheVideo_ReadsTheNumberOnce_AndTheEndOfTheFileEndsTheRun()
    {
        // A page held up for 12 s, at 2 frames a second: played in real time, long enough for a busy machine to warm
        // the model up and read it three times.
        var clip = folder.File("page.y4m");
        using (var line = TestClips.SampleLine(1))
        {
            TestClips.Write(clip, [(line, 24)], width: 800, height: 128, fps: 2);
        }

        var result = CliProcess.Run(CliProcess.Digitocr, ["watch", clip, "--directory", Directory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var line1 = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($": {TestClips.SampleNumbers[1]} (score ", line1);
        Assert.Contains("-> Alan Turing", line1);
        Assert.Contains("24 frame(s) from the source", result.Errors);
    }

    [Fact]
    public async Task CtrlC_StopsTheRunCleanly_WithItsSummary()
    {
        // A page held up for 30 s (2 frames a second); Ctrl-C once its number is on the screen. (Once, not at start:
        // a stop waits for the read in progress, and the very first read, warming the model up, is the slowest.)
        var clip = folder.File("long.y4m");
        using (var line = TestClips.SampleLine(1))
        {
            TestClips.Write(clip, [(line, 60)], width: 800, height: 128, fps: 2);
        }

        using var watch = new CliSession(CliProcess.Digitocr, ["watch", clip]);
        await watch.WaitForLineAsync(TestClips.SampleNumbers[1]);

        watch.Interrupt();

        var exitCode = await watch.WaitForExitAsync();
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{watch}");
        var summary = await watch.WaitForLineAsync("frame(s) from the source");
        var produced = int.Parse(summary.Split("digitocr: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(produced < 60, $"the whole clip was played: {summary}");
        Assert.DoesNotContain("   at ", watch.Errors);
    }

    [Theory]
    [InlineData("missing.mp4", "digitocr: cannot open video 'missing.mp4': there is no such file; give a video file, a camera index (0) or a stream URL")]
    [InlineData("--window 4 --min-frames 5 clip", "digitocr: --min-frames must be at most --window (4); got 5.")]
    [InlineData("clip --format xml", "digitocr: --format must be one of text, jsonl; got 'xml'.")]
    [InlineData("clip --backend tpu", "digitocr: --backend must be one of libtorch, onnxruntime; got 'tpu'.")]
    public void BadInput_IsOneLineNamingIt_Exit2(string arguments, string message)
    {
        TestClips.Write(folder.File("clip"), [(null, 2)], width: 64, height: 32);

        var result = CliProcess.Run(CliProcess.Digitocr, ["watch", .. arguments.Split(' ')], workingDirectory: folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.Empty(result.Output);
    }
}
