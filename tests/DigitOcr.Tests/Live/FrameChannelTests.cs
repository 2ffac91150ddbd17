using DigitOcr.Imaging;
using DigitOcr.Inference.Live;

namespace DigitOcr.Tests.Live;

public class FrameChannelTests
{
    [Fact]
    public async Task AFramePostedBeforeTheLastWasRead_ReplacesIt_AndTheOlderIsDisposedAndCounted()
    {
        using var channel = new FrameChannel();
        var first = Frame(0);
        var second = Frame(1);
        var third = Frame(2);

        Assert.True(channel.Post(first));
        Assert.True(channel.Post(second));
        Assert.True(channel.Post(third));

        using var read = await channel.ReadAsync();
        Assert.Same(third, read);
        Assert.Equal(2, channel.FramesDropped);
        Assert.True(first.Image.IsDisposed);
        Assert.True(second.Image.IsDisposed);
        Assert.False(third.Image.IsDisposed);
    }

    [Fact]
    public async Task Complete_GivesTheFrameStillHeld_ThenTheEnd_AndRefusesMore()
    {
        using var channel = new FrameChannel();
        channel.Post(Frame(7));
        channel.Complete();

        using (var last = await channel.ReadAsync())
        {
            Assert.Equal(7, last?.Index);
        }

        Assert.Null(await channel.ReadAsync());
        var late = Frame(8);
        Assert.False(channel.Post(late));
        Assert.True(late.Image.IsDisposed);
    }

    [Fact]
    public async Task AReaderWaiting_GetsTheNextFramePosted()
    {
        using var channel = new FrameChannel();
        var waiting = channel.ReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        channel.Post(Frame(3));

        using var frame = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, frame?.Index);
    }

    internal static VideoFrame Frame(long index) => new(Image.Create(8, 8), index, TimeSpan.FromSeconds(index));
}
