using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Json;
using DigitOcr.Inference.Live;

namespace DigitOcr.Server;

/// <summary>
/// One live stream: frames received over a WebSocket go into a <see cref="FrameChannel"/> (a frame that arrives while
/// the previous one still waits replaces it: the reading never falls behind), are read in turn with the server's
/// other reads (<see cref="ReadGate"/>), and made stable by the library's <see cref="LiveReader"/>. Each frame read is
/// answered with one message:
/// <code>
/// {"frame": 12, "time": 0.8, "width": 640, "height": 480, "digits": [...], "numbers": [...], "match": ...,
///  "dropped": 0, "stable": {"frame": 12, "time": 0.8, "numbers": [...], "match": ...} or null}
/// </code>
/// the frame's own reading (shapes of <see cref="ReadingJson"/>), the frames dropped so far, and the stable reading
/// when it changed with this frame; a damaged frame that still decoded carries <c>"warning"</c> (as <c>/api/read</c>'s
/// answer). A frame that does not decode is answered with <c>{"frame": 12, "error": "..."}</c>;
/// one larger than the upload limit closes the stream (1009, message too big). Frames are never written to disk.
/// </summary>
internal sealed class StreamSession(WebSocket socket, ServerOptions options, ServerReader reader, ReadGate gate)
{
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    // Warnings of damaged frames not yet answered, by frame index.
    private readonly ConcurrentDictionary<long, string> damaged = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var frames = new FrameChannel();
        var live = new LiveReader(ReadAsync, reader.Directory, options.Live);
        var receiving = ReceiveAsync(frames, cancellationToken);
        try
        {
            await foreach (var frame in live.ReadFramesAsync(frames, cancellationToken))
            {
                await SendAsync(json => FrameMessage(json, frame, frames.FramesDropped, TakeWarning(frame.Index)), cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            frames.Complete();
            await receiving;
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "end of stream", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>A frame waits for its turn with the uploads; the read finishes even if the client leaves (it owns nothing the session frees).</summary>
    private async ValueTask<PageReading> ReadAsync(Image image, CancellationToken cancellationToken)
    {
        using var lease = gate.Admit();
        return await lease.RunAsync(() => reader.Read(image), CancellationToken.None);
    }

    /// <summary>Receives frames until the client closes, decoding each into the channel; completes the channel at the end.</summary>
    private async Task ReceiveAsync(FrameChannel frames, CancellationToken cancellationToken)
    {
        long index = 0;
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                var message = await ReceiveMessageAsync(buffer, cancellationToken);
                if (message is null)
                {
                    break;
                }

                if (message == WebSocketMessageType.Text)
                {
                    continue;
                }

                var frame = index++;
                try
                {
                    var image = Image.Decode(buffer.WrittenSpan, $"frame {frame}", out var damage, reader.Decode);
                    if (damage is not null)
                    {
                        // The frame is still read, and its answer says its digits may be missing or wrong.
                        damaged[frame] = damage.ReadingWarning;
                    }

                    frames.Post(new VideoFrame(image, frame, clock.Elapsed));
                }
                catch (ImageDecodeException e)
                {
                    await SendAsync(
                        json =>
                        {
                            json.WriteStartObject();
                            json.WriteNumber("frame", frame);
                            json.WriteString("error", e.Message);
                            json.WriteEndObject();
                        },
                        cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            frames.Complete();
        }
    }

    /// <summary>One whole message into <paramref name="buffer"/>; null when the client closes (or sent too much, and the stream was closed).</summary>
    private async Task<WebSocketMessageType?> ReceiveMessageAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(64 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > options.MaxUploadBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig,
                    $"a frame is larger than the limit of {UploadReader.Megabytes(options.MaxUploadBytes)}", cancellationToken);
                return null;
            }

            if (result.EndOfMessage)
            {
                return result.MessageType;
            }
        }
    }

    /// <summary>The warning of frame <paramref name="index"/>, if it was damaged; forgets those of frames dropped before it.</summary>
    private string? TakeWarning(long index)
    {
        foreach (var earlier in damaged.Keys.Where(k => k < index))
        {
            damaged.TryRemove(earlier, out _);
        }

        return damaged.TryRemove(index, out var warning) ? warning : null;
    }

    private static void FrameMessage(Utf8JsonWriter json, LiveFrame frame, long dropped, string? warning)
    {
        json.WriteStartObject();
        ReadingJson.WriteFrame(json, frame.Index, frame.Time);
        ReadingJson.WritePage(json, frame.Reading);
        if (warning is not null)
        {
            json.WriteString("warning", warning);
        }

        json.WriteNumber("dropped", dropped);
        json.WritePropertyName("stable");
        if (frame.Stable is { } stable)
        {
            ReadingJson.WriteStable(json, stable);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();
    }

    private async Task SendAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }
}
