using Microsoft.Extensions.Hosting;

namespace DigitOcr.Server;

/// <summary>A started server (<see cref="DigitOcrServer.StartAsync"/>): where it listens; dispose it to stop it.</summary>
public sealed class RunningServer(IHost host, Uri address) : IAsyncDisposable
{
    /// <summary>The address it listens on, such as <c>http://127.0.0.1:8080/</c> (with the port picked when 0 was asked).</summary>
    public Uri Address { get; } = address;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then stops (requests in flight finish first, for a few seconds at most).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        host.Dispose();
    }
}
