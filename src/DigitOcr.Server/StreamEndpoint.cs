using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitOcr.Server;

/// <summary>
/// <c>/api/stream</c>: the live mode, over a WebSocket. The client sends frames (each one encoded image, JPEG or PNG,
/// as a binary message) and gets one JSON text message per frame read (<see cref="StreamSession"/>). At most
/// <see cref="ServerOptions.MaxStreams"/> at once (503 beyond); a plain HTTP request gets 400.
/// </summary>
internal static class StreamEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await new ApiError(StatusCodes.Status400BadRequest,
                "/api/stream is a WebSocket: connect to ws://<server>/api/stream and send each frame as a binary message (a JPEG or PNG)").WriteAsync(context.Response);
            return;
        }

        var services = context.RequestServices;
        var streams = services.GetRequiredService<StreamLimit>();
        if (!streams.TryEnter())
        {
            await new ApiError(StatusCodes.Status503ServiceUnavailable,
                $"the server already has {streams.Maximum} live stream(s) open; try again later").WriteAsync(context.Response);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var session = new StreamSession(
                socket,
                services.GetRequiredService<ServerOptions>(),
                services.GetRequiredService<ServerReader>(),
                services.GetRequiredService<ReadGate>());
            // Stopping the server ends the stream at once, instead of waiting out the shutdown timeout.
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await session.RunAsync(ended.Token);
        }
        finally
        {
            streams.Leave();
        }
    }
}
