using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using DigitOcr.Imaging;
using DigitOcr.Server;
using DigitOcr.Tests.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Server;

/// <summary><c>/api/stream</c>: frames in over a WebSocket, one message out per frame read, the stable reading once.</summary>
public sealed class StreamApiTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ServerFactory factory = new(new ServerOptions { MaxStreams = 1 }, FakeReaders.Fixed());

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task EachFrame_IsAnsweredWithItsReading_AndTheStableReadingComesOnce_OnTheThirdFrame()
    {
        using var socket = await Connect();
        var messages = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            // One frame in flight, as the page sends them: the next goes when the last is answered.
            await socket.SendAsync(FakeReaders.Png(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            messages.Add(await Receive(socket));
        }

        Assert.Equal([0L, 1, 2, 3, 4], messages.Select(m => m.GetProperty("frame").GetInt64()));
        Assert.All(messages, m => Assert.Equal(FakeReaders.Number, m.GetProperty("numbers")[0].GetProperty("text").GetString()));
        Assert.All(messages, m => Assert.Equal(64, m.GetProperty("width").GetInt32()));
        var stable = messages.Select(m => m.GetProperty("stable")).ToList();
        Assert.Equal([false, false, true, false, false], stable.Select(s => s.ValueKind == JsonValueKind.Object));
        Assert.Equal(2, stable[2].GetProperty("frame").GetInt64());
        Assert.Equal("Ada Lovelace", stable[2].GetProperty("match").GetProperty("name").GetString());
        Assert.Equal(0, messages[^1].GetProperty("dropped").GetInt64());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task AFrameThatDoesNotDecode_IsAnsweredWithItsError_AndTheStreamGoesOn()
    {
        using var socket = await Connect();

        await socket.SendAsync("not an image"u8.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        var error = await Receive(socket);
        await socket.SendAsync(FakeReaders.Png(), WebSocketMessageType.Binary, true, CancellationToken.None);
        var next = await Receive(socket);

        Assert.Equal(0, error.GetProperty("frame").GetInt64());
        Assert.StartsWith("cannot read image 'frame 0': not a decodable image", error.GetProperty("error").GetString());
        Assert.Equal(1, next.GetProperty("frame").GetInt64());
    }

    [Fact]
    public async Task ADamagedFrameThatDecodes_IsReadWithAWarning_AndTheNextFrameHasNone()
    {
        using var socket = await Connect();
        using var image = TestImages.Gradient(256, 192);
        var cut = DamagedImages.Cut(image.Encode(ImageFormat.Jpeg), 0.6);

        await socket.SendAsync(cut, WebSocketMessageType.Binary, true, CancellationToken.None);
        var damaged = await Receive(socket);
        await socket.SendAsync(FakeReaders.Png(), WebSocketMessageType.Binary, true, CancellationToken.None);
        var whole = await Receive(socket);

        Assert.Equal(FakeReaders.Number, damaged.GetProperty("numbers")[0].GetProperty("text").GetString());
        Assert.Contains("digits in the damaged part may be missing or wrong", damaged.GetProperty("warning").GetString());
        Assert.False(whole.TryGetProperty("warning", out _));
    }

    [Fact]
    public async Task AStreamBeyondTheLimit_IsRefusedWith503_AndAPlainRequestWith400()
    {
        using var first = await Connect();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Connect());
        Assert.Contains("503", refused.Message);

        using var client = factory.CreateClient();
        using var plain = await client.GetAsync("/api/stream");
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("is a WebSocket", await ReadApiTests.ErrorOf(plain));
    }

    private async Task<WebSocket> Connect()
    {
        var client = factory.Server.CreateWebSocketClient();
        using var timeout = new CancellationTokenSource(Patience);
        return await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "api/stream"), timeout.Token);
    }

    private static async Task<JsonElement> Receive(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[1 << 16];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        using var json = JsonDocument.Parse(text.ToString());
        return json.RootElement.Clone();
    }
}
