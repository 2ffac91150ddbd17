using DigitOcr.Imaging;
using DigitOcr.Inference.Live;
using DigitOcr.Tests.Imaging;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Live;

/// <summary>
/// Native captures and frames are freed when their owners are disposed. Runs alone (<see cref="ImagingLeakCollection"/>),
/// so that the live counts are this test's own; counted before any garbage collection, so that a forgotten Dispose
/// is not hidden by a finalizer.
/// </summary>
[Collection(ImagingLeakCollection.Name)]
public sealed class LiveLeakTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-live-leak-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ACapture_IsReleasedOnDispose_AndTwiceIsHarmless()
    {
        var path = folder.File("clip.y4m");
        TestClips.Write(path, [(null, 2)], width: 64, height: 32);
        var before = VideoCapture.LiveCount;
        var images = torch.LiveImageCount;

        var capture = VideoCapture.Open(path);
        Assert.Equal(before + 1, VideoCapture.LiveCount);
        capture.Read()?.Dispose();
        capture.Dispose();
        capture.Dispose();

        Assert.Equal(before, VideoCapture.LiveCount);
        Assert.Equal(images, torch.LiveImageCount);
        Assert.Throws<ObjectDisposedException>(() => capture.Read());
    }

    [Fact]
    public async Task AFrameSource_StoppedMidClip_ReleasesItsCaptureAndEveryFrame()
    {
        var path = folder.File("clip.y4m");
        TestClips.Write(path, [(null, 300)], width: 64, height: 32, fps: 30);
        var before = VideoCapture.LiveCount;
        var images = torch.LiveImageCount;

        var source = VideoFrameSource.Open(path);
        using (var frame = await source.ReadAsync())
        {
            Assert.NotNull(frame);
        }

        source.Dispose();

        Assert.Equal(before, VideoCapture.LiveCount);
        Assert.Equal(images, torch.LiveImageCount);
    }

    [Fact]
    public void AFrameChannel_FreesAFrameNobodyRead()
    {
        var before = torch.LiveImageCount;
        var channel = new FrameChannel();
        channel.Post(FrameChannelTests.Frame(0));

        channel.Dispose();

        Assert.Equal(before, torch.LiveImageCount);
    }
}
