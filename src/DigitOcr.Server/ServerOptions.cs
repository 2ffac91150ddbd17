using DigitOcr.Inference.Live;

namespace DigitOcr.Server;

/// <summary>
/// How <c>digitocr serve</c> listens and what it accepts. <see cref="Validate"/> lists every value out of range,
/// each naming its command-line option.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>The default <see cref="MaxUploadBytes"/>: 20 MB.</summary>
    public const long DefaultMaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>Where to listen: <c>localhost</c> (the default: this machine only), an IP address, or <c>*</c> for every interface.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The TCP port; 0 picks a free one (<see cref="RunningServer.Address"/> tells which).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The largest request body (an upload, or one frame of the live stream); larger ones get 413.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>
    /// Reads that run at once. Each read already uses every core (libtorch's intra-op threads), so more than one
    /// mostly adds latency; it helps on machines with many cores.
    /// </summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Reads that may wait for a turn; a request beyond <see cref="Concurrency"/> + this gets 503 at once.</summary>
    public int QueueLength { get; init; } = 16;

    /// <summary>The longest a request may take, upload, wait and read included; a slower one gets 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Live streams (<c>/api/stream</c>) open at once; one more gets 503.</summary>
    public int MaxStreams { get; init; } = 4;

    /// <summary>A folder to keep every upload and stream frame in; null (the default): nothing uploaded is written to disk.</summary>
    public string? SaveFolder { get; init; }

    /// <summary>When the live mode reports a number (<c>/api/stream</c>).</summary>
    public LiveReadingOptions Live { get; init; } = new();

    /// <summary>Every value out of range, each naming its option and the allowed range; empty when all are fine.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return "--host must be localhost, an IP address or *; got an empty value";
        }
        else if (Host is not ("localhost" or "*") && !System.Net.IPAddress.TryParse(Host, out _))
        {
            yield return $"--host must be localhost, an IP address (such as 0.0.0.0) or *; got '{Host}'";
        }

        if (Port is < 0 or > 65535)
        {
            yield return $"--port must be from 0 to 65535 (0: any free port); got {Port}";
        }

        if (MaxUploadBytes < 1)
        {
            yield return $"--max-upload-mb must be greater than 0; got {MaxUploadBytes} bytes";
        }

        if (Concurrency is < 1 or > 64)
        {
            yield return $"--concurrency must be from 1 to 64; got {Concurrency}";
        }

        if (QueueLength is < 0 or > 10_000)
        {
            yield return $"--queue must be from 0 to 10000; got {QueueLength}";
        }

        if (!(RequestTimeout > TimeSpan.Zero))
        {
            yield return $"--timeout must be greater than 0 seconds; got {RequestTimeout.TotalSeconds}";
        }

        if (MaxStreams is < 0 or > 1000)
        {
            yield return $"--max-streams must be from 0 to 1000; got {MaxStreams}";
        }

        foreach (var problem in Live?.Validate() ?? ["live options must be given"])
        {
            yield return problem;
        }
    }
}
