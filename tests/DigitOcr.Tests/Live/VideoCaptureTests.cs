using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Live;

/// <summary>OpenCV's video input through the shim, on small clips written by the test (<see cref="TestClips"/>).</summary>
public sealed class VideoCaptureTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-video-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AClip_ReportsItsSizeRateAndLength_AndReadsEveryFrameInOrder()
    {
        var path = folder.File("clip.y4m");
        using (var line = TestClips.SampleLine(0))
        {
            TestClips.Write(path, [(null, 2), (line, 3)], width: 320, height: 96, fps: 25);
        }

        using var capture = VideoCapture.Open(path);

        Assert.False(capture.IsCamera);
        Assert.Equal((320, 96), (capture.Width, capture.Height));
        Assert.Equal(25, capture.FramesPerSecond, 3);
        Assert.Equal(5, capture.FrameCount);
        var means = new List<double>();
        while (capture.Read() is { } frame)
        {
            using (frame)
            {
                Assert.Equal((320, 96), (frame.Width, frame.Height));
                using var gray = frame.Channels == 1 ? frame.Clone() : frame.ToGray();
                means.Add(gray.ToPixels().Average(p => p));
            }
        }

        // Two frames of plain background (200), then three with the dark digits of the page on white paper.
        Assert.Equal(5, means.Count);
        Assert.All(means.Take(2), m => Assert.InRange(m, 195, 205));
        Assert.All(means.Skip(2), m => Assert.True(Math.Abs(m - 200) > 5, $"mean {m}"));
        Assert.Null(capture.Read());
    }

    [Fact]
    public void AMissingFile_IsRefusedWithItsName_AndWhatToGive()
    {
        var error = Assert.Throws<VideoOpenException>(() => VideoCapture.Open(folder.File("missing.mp4")));
        Assert.Contains("missing.mp4", error.Message);
        Assert.Contains("there is no such file; give a video file, a camera index (0) or a stream URL", error.Message);
    }

    [Fact]
    public void AFileThatIsNoVideo_IsRefusedWithOpenCvsReason()
    {
        var path = folder.File("notes.avi");
        File.WriteAllText(path, "not a video at all");

        var error = Assert.Throws<VideoOpenException>(() => VideoCapture.Open(path));

        Assert.StartsWith($"cannot open video '{path}': no video backend could open it", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AFolder_IsRefused()
    {
        var error = Assert.Throws<VideoOpenException>(() => VideoCapture.Open(folder.Path));
        Assert.Contains("it is a folder", error.Message);
    }
}
