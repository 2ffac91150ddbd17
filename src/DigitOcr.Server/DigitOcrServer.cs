using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DigitOcr.Server;

/// <summary>
/// <c>digitocr serve</c> as a library: a Kestrel server with the page (<c>GET /</c>), <c>POST /api/read</c>,
/// <c>/api/stream</c> and <c>/healthz</c>, reading with a <see cref="ServerReader"/> within the limits of
/// <see cref="ServerOptions"/>. <see cref="StartAsync"/> starts one; <see cref="CreateHostBuilder"/> is the host it
/// starts, for tests that run it in memory (<c>WebApplicationFactory</c>).
/// </summary>
public sealed class DigitOcrServer
{
    /// <summary>How long stopping waits for requests in flight.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private DigitOcrServer()
    {
    }

    /// <summary>The server's host, not yet built. Logs warnings and errors to stderr (stdout is the program's).</summary>
    /// <exception cref="ArgumentException">Some option is out of range; the message names each one.</exception>
    public static IHostBuilder CreateHostBuilder(ServerOptions options, ServerReader reader)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reader);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"server options have {problems.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems), nameof(options));
        }

        return new HostBuilder()
            .ConfigureLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .AddFilter(level => level >= LogLevel.Warning)
                .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace))
            .ConfigureServices(services =>
            {
                services.AddSingleton<IHostLifetime, QuietLifetime>();
                services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
            })
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => Listen(kestrel, options))
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddSingleton(options);
                    services.AddSingleton(reader);
                    // Built by the container so that it is disposed with the host (its read threads end there).
                    services.AddSingleton(_ => new ReadGate(options.Concurrency, options.QueueLength));
                    services.AddSingleton(new StreamLimit(options.MaxStreams));
                    services.AddSingleton(new UploadStore(options.SaveFolder));
                })
                .Configure(ServerPipeline.Configure));
    }

    /// <summary>Starts a server; dispose the result to stop it.</summary>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    /// <exception cref="IOException">The address is taken or cannot be listened on.</exception>
    public static async Task<RunningServer> StartAsync(ServerOptions options, ServerReader reader, CancellationToken cancellationToken = default)
    {
        if (options.SaveFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var host = CreateHostBuilder(options, reader).Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)))
            .OrderBy(a => a.Host == "[::1]" ? 1 : 0)
            .First();
        return new RunningServer(host, options.Host == "localhost" && options.Port != 0 ? new Uri($"http://localhost:{options.Port}/") : address);
    }

    /// <summary>
    /// localhost: the loopback interfaces only (127.0.0.1, and ::1 where there is IPv6); <c>*</c>: every interface;
    /// otherwise the address given. Request bodies are limited by the endpoints themselves, so that an oversized
    /// upload is answered 413 rather than cut off.
    /// </summary>
    private static void Listen(KestrelServerOptions kestrel, ServerOptions options)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = null;
        switch (options.Host)
        {
            case "localhost" when options.Port == 0:
                kestrel.Listen(IPAddress.Loopback, 0);
                break;
            case "localhost":
                kestrel.ListenLocalhost(options.Port);
                break;
            case "*":
                kestrel.ListenAnyIP(options.Port);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
                break;
        }
    }
}
