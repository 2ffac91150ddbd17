using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Live;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Tests.Server;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Live;

/// <summary>
/// The library's live reading on clips of test pages: with the shipped model, the sample page's two lines held up in
/// turn (A, B, then A again) with background between them; without a model, a reader that reads a number on every
/// frame that is not plain background.
/// </summary>
public sealed class LiveReaderTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-live-");

    public void Dispose() => folder.Dispose();

    /// <summary>Writes the A-B-A clip: background (frames 0-3), A (4-13), background, B (22-31), background, A (40-49), background (50-51).</summary>
    internal static void WritePagesClip(string path, int fps = 30)
    {
        using var a = TestClips.SampleLine(0);
        using var b = TestClips.SampleLine(1);
        TestClips.Write(path, [(null, 4), (a, 10), (null, 8), (b, 10), (null, 8), (a, 10), (null, 2)], width: 800, height: 128, fps: fps);
    }

    [Fact]
    public async Task EveryFrameIsRead_AndEachPagesNumberIsReportedOnce_WhenStable_InOrder_WithItsPerson()
    {
        var path = folder.File("pages.y4m");
        WritePagesClip(path);
        using var detector = DigitDetector.Load(options: new DetectorOptions { PyramidLevels = 1 });
        var directory = PhoneDirectory.Load(Path.Combine(AppContext.BaseDirectory, "samples", "phones.csv"));
        var live = new LiveReader(new PageReader(detector, directory: directory));
        using var source = VideoFrameSource.Open(path, FramePolicy.Every);

        var frames = new List<(long Index, int Numbers, int Width)>();
        var reports = new List<StableReading>();
        await foreach (var frame in live.ReadFramesAsync(source))
        {
            frames.Add((frame.Index, frame.Reading.Numbers.Count, frame.Image.Width));
            if (frame.Stable is { } stable)
            {
                reports.Add(stable);
            }
        }

        Assert.Equal(Enumerable.Range(0, 52).Select(i => (long)i), frames.Select(f => f.Index));
        Assert.All(frames, f => Assert.Equal(800, f.Width));
        Assert.All(frames.Take(4), f => Assert.Equal(0, f.Numbers));

        var shown = reports.Where(r => r.Reading.Readings.Count > 0).ToList();
        var (a, b) = (TestClips.SampleNumbers[0], TestClips.SampleNumbers[1]);
        Assert.True(shown.Count == 3, string.Join("; ", reports.Select(r => $"frame {r.Frame}: [{string.Join(", ", r.Reading.Numbers.Select(n => n.Text))}]")));
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Ada Lovelace"], shown.Select(r => r.Reading.Match?.Entry.Name));
        Assert.Equal(b, Assert.Single(shown[1].Reading.Numbers).Text);

        // The shipped model reads the first 5 of this page as an 8 about as often as a 5 (detect reads the page itself
        // as 8551234567), so that digit may be either: a flickering digit is voted, reported once, and the directory
        // finds Ada all the same. The other nine digits are read as written.
        foreach (var report in new[] { shown[0], shown[2] })
        {
            Assert.Equal(a[1..], Assert.Single(report.Reading.Numbers).Text[1..]);
        }

        // Each became stable within the frames it was shown: a few frames after first sight, or a window's 8 for a
        // flickering digit. Between the pages the numbers were reported gone.
        Assert.InRange(shown[0].Frame, 4, 13);
        Assert.InRange(shown[1].Frame, 22, 31);
        Assert.InRange(shown[2].Frame, 40, 49);
        Assert.All(shown, r => Assert.InRange(r.History[0].FramesToStable, 3, 8));
        Assert.Equal(5, reports.Count);
        Assert.Empty(reports[1].Reading.Readings);
        Assert.Empty(reports[3].Reading.Readings);
    }

    [Fact]
    public async Task ReadAsync_YieldsOnlyTheStableReadings_ReadWithAnyFunction()
    {
        // Background, 6 frames of a page, background: the fake reads 5551234567 where the frame is not background.
        var path = folder.File("page.y4m");
        using (var line = TestClips.SampleLine(1))
        {
            TestClips.Write(path, [(null, 3), (line, 6), (null, 9)], width: 320, height: 64);
        }

        var live = new LiveReader(ReadWherePaper, FakeReaders.Directory);
        using var source = VideoFrameSource.Open(path, FramePolicy.Every);

        var reports = new List<StableReading>();
        await foreach (var stable in live.ReadAsync(source))
        {
            reports.Add(stable);
        }

        Assert.Equal([5L, 14], reports.Select(r => r.Frame));
        Assert.Equal("Ada Lovelace", reports[0].Reading.Match?.Entry.Name);
        Assert.Empty(reports[1].Reading.Readings);
    }

    [Fact]
    public async Task Cancelling_EndsTheEnumeration()
    {
        var path = folder.File("blank.y4m");
        TestClips.Write(path, [(null, 20)], width: 64, height: 32);
        var live = new LiveReader(ReadWherePaper, directory: null);
        using var source = VideoFrameSource.Open(path, FramePolicy.Every);
        using var cancel = new CancellationTokenSource();

        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var frame in live.ReadFramesAsync(source, cancel.Token))
            {
                if (++read == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
    }

    /// <summary>A stand-in for the model: 5551234567 on a frame with white paper in it, nothing on plain background.</summary>
    private static ValueTask<PageReading> ReadWherePaper(Image image, CancellationToken cancellationToken)
    {
        using var gray = image.Channels == 1 ? image.Clone() : image.ToGray();
        var paper = gray.ToPixels().Any(p => p > 235);
        var reading = FakeReaders.Reading(image);
        return ValueTask.FromResult(paper ? reading : reading with { Readings = [] });
    }
}
