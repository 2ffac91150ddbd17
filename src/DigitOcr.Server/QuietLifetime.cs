using Microsoft.Extensions.Hosting;

namespace DigitOcr.Server;

/// <summary>
/// A host lifetime that installs no signal handlers: the program that starts the server (the <c>digitocr</c> command,
/// a test) decides when it stops, instead of ASP.NET Core's console lifetime taking over Ctrl-C.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
