using DigitOcr.Inference.Live;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Live;

public sealed class VideoFrameSourceTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-frames-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task EveryFrame_GivesEachFrameInOrder_TimedByTheFilesRate()
    {
        var path = Clip(frames: 12, fps: 4);
        using var source = VideoFrameSource.Open(path, FramePolicy.Every);

        var frames = await ReadAll(source);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(2.75), frames[^1].Time);
        Assert.Equal(0, source.FramesDropped);
        Assert.Equal(12, source.FramesProduced);
    }

    [Fact]
    public async Task Latest_WithAReaderSlowerThanTheVideo_DropsFrames_AndStillEndsWithTheFile()
    {
        // 60 frames at 200 fps play in 0.3 s; a reader taking 50 ms a frame keeps up with 20 fps at best.
        var path = Clip(frames: 60, fps: 200);
        using var source = VideoFrameSource.Open(path);

        var indices = new List<long>();
        while (await source.ReadAsync() is { } frame)
        {
            using (frame)
            {
                indices.Add(frame.Index);
                await Task.Delay(50);
            }
        }

        Assert.True(source.FramesDropped > 0, $"read {indices.Count} frames, none dropped");
        Assert.Equal(60, source.FramesProduced);
        Assert.Equal(60, indices.Count + source.FramesDropped);
        Assert.Equal(indices.Order(), indices);
        Assert.Equal(59, indices[^1]);
    }

    [Fact]
    public async Task Latest_PlaysAFileAtItsOwnRate()
    {
        // 20 frames at 40 fps: half a second, whatever the reader's speed.
        var path = Clip(frames: 20, fps: 40);
        using var source = VideoFrameSource.Open(path);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await ReadAll(source);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.45), $"played in {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task Cancelling_StopsAWaitingRead()
    {
        var path = Clip(frames: 300, fps: 1);
        using var source = VideoFrameSource.Open(path);
        (await source.ReadAsync())?.Dispose();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.ReadAsync(cancel.Token));
    }

    private string Clip(int frames, int fps)
    {
        var path = folder.File($"clip-{frames}-{fps}.y4m");
        TestClips.Write(path, [(null, frames)], width: 64, height: 32, fps: fps);
        return path;
    }

    private static async Task<List<(long Index, TimeSpan Time)>> ReadAll(VideoFrameSource source)
    {
        var frames = new List<(long, TimeSpan)>();
        while (await source.ReadAsync() is { } frame)
        {
            using (frame)
            {
                frames.Add((frame.Index, frame.Time));
            }
        }

        return frames;
    }
}
