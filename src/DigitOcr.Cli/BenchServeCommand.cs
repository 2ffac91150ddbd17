using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DigitOcr.CommandLine;
using DigitOcr.Imaging;

namespace DigitOcr.Cli;

/// <summary>
/// <c>bench-serve [--url URL] [--image FILE] [--clients 4] [--requests 1000]</c>: load on a running
/// <c>digitocr serve</c>: the same image posted to <c>/api/read</c> by several clients at once, each sending its next
/// request when its last is answered. Prints requests per second, latency percentiles, the answers by status, and
/// the server's memory (from <c>/healthz</c>) before and after.
/// </summary>
internal static class BenchServeCommand
{
    private const int JpegQuality = 90;

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server (default: http://localhost:8080/).", DefaultValueFactory = _ => "http://localhost:8080/" };
        var image = ValidatedOptions.ExistingFile("--image", "Image to post; default: a synthetic 1024x768 page as a JPEG (quality 90).", "an image file");
        var clients = ValidatedOptions.Integer("--clients", "Clients posting at once", 4, 1, 256);
        var requests = ValidatedOptions.Integer("--requests", "Requests in all (after a warm-up of one per client)", 1000, 1, 1_000_000);
        var command = new Command("bench-serve", "Measure a running digitocr serve: requests/s, latency p50/p95, memory.") { url, image, clients, requests };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(url)!, parse.GetValue(image), parse.GetValue(clients), parse.GetValue(requests), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string url, string? imagePath, int clients, int requests, CancellationToken cancellation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new CommandLineException(ExitCodes.Usage, $"--url must be an http:// or https:// address, such as http://localhost:8080/; got '{url}'.");
        }

        var (bytes, contentType, description) = Payload(imagePath);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        long before;
        try
        {
            before = await ResidentBytes(http, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--url: no digitocr serve answers at {address}: {e.Message}", e);
        }

        // Warm-up: one request per client (first-call costs: priors for the size, connection set-up).
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Post(http, bytes, contentType, cancellation)));
        var latencies = new List<double>(requests);
        var statuses = new Dictionary<HttpStatusCode, int>();
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                var (status, milliseconds) = await Post(http, bytes, contentType, cancellation);
                lock (latencies)
                {
                    latencies.Add(milliseconds);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var after = await ResidentBytes(http, cancellation);
        latencies.Sort();
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(c, "{0} requests of {1}, {2} client(s): {3:F2} requests/s; latency p50 {4:F0} ms, p95 {5:F0} ms, max {6:F0} ms; answers: {7}",
            requests, description, clients, requests / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1],
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key} x {s.Value}"))));
        Console.WriteLine(string.Format(c, "server memory (resident): {0:F0} MiB before, {1:F0} MiB after {2} requests", before / 1048576.0, after / 1048576.0, requests + clients));
        return ExitCodes.Success;
    }

    private static (byte[] Bytes, string ContentType, string Description) Payload(string? imagePath)
    {
        if (imagePath is not null)
        {
            var file = File.ReadAllBytes(imagePath);
            using var decoded = Image.Decode(file, imagePath);
            var type = Path.GetExtension(imagePath).ToLowerInvariant() switch
            {
                ".jpg" or ".jpeg" => "image/jpeg",
                ".png" => "image/png",
                _ => "application/octet-stream",
            };
            return (file, type, $"{Path.GetFileName(imagePath)} ({decoded.Width}x{decoded.Height}, {file.Length / 1024} KB)");
        }

        using var page = BenchCommand.SyntheticPage(1024, 768);
        var jpeg = page.Encode(ImageFormat.Jpeg, JpegQuality);
        return (jpeg, "image/jpeg", $"a synthetic 1024x768 JPEG ({jpeg.Length / 1024} KB)");
    }

    private static async Task<(HttpStatusCode Status, double Milliseconds)> Post(HttpClient http, byte[] bytes, string contentType, CancellationToken cancellation)
    {
        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var clock = Stopwatch.StartNew();
        using var answer = await http.PostAsync("api/read", body, cancellation);
        await answer.Content.ReadAsByteArrayAsync(cancellation);
        return (answer.StatusCode, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task<long> ResidentBytes(HttpClient http, CancellationToken cancellation)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("healthz", cancellation));
        return json.RootElement.GetProperty("memory").GetProperty("residentBytes").GetInt64();
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
