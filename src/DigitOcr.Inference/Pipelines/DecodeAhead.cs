using System.Threading.Channels;
using DigitOcr.Imaging;

namespace DigitOcr.Inference.Pipelines;

/// <summary>
/// Reads and decodes image files on a background thread, a few ahead of the caller, so that decoding the next
/// images overlaps detecting the current one (files are read and decoded on one core while the network runs on the
/// others). A bounded channel holds at most <c>capacity</c> decoded images: the decoder waits (sleeping, not
/// spinning) when the caller falls behind, and memory stays bounded. Images come out in the order of the paths.
/// </summary>
public static class DecodeAhead
{
    /// <summary>The default number of images decoded ahead.</summary>
    public const int DefaultCapacity = 3;

    /// <summary>The largest number of images decoded ahead.</summary>
    public const int MaxCapacity = 16;

    /// <summary>
    /// Each of <paramref name="paths"/>, decoded, in order; the caller owns (and disposes) each one it receives.
    /// <paramref name="capacity"/> 0 decodes each file only when it is asked for (no background thread). Stopping
    /// early (leaving the loop) stops the decoder and disposes what it decoded ahead.
    /// </summary>
    public static IEnumerable<DecodedImage> Read(IEnumerable<string> paths, DecodeOptions options, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        return capacity == 0 ? paths.Select(p => DecodedImage.Load(p, options)) : Ahead(paths, options, capacity);
    }

    private static IEnumerable<DecodedImage> Ahead(IEnumerable<string> paths, DecodeOptions options, int capacity)
    {
        var channel = Channel.CreateBounded<DecodedImage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = new CancellationTokenSource();
        var decoder = Task.Run(async () =>
        {
            try
            {
                foreach (var path in paths)
                {
                    var decoded = DecodedImage.Load(path, options);
                    try
                    {
                        await channel.Writer.WriteAsync(decoded, stop.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        decoded.Dispose();
                        throw;
                    }
                }

                channel.Writer.Complete();
            }
            catch (OperationCanceledException)
            {
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        });

        try
        {
            // Blocks on the channel (a wait, not a spin) until the next image is decoded or the decoder is done.
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var decoded))
                {
                    yield return decoded;
                }
            }
        }
        finally
        {
            stop.Cancel();
            decoder.GetAwaiter().GetResult();
            while (channel.Reader.TryRead(out var left))
            {
                left.Dispose();
            }
        }
    }
}
