using System.CommandLine;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Inference;
using DigitOcr.Server;

namespace DigitOcr.Cli;

/// <summary>
/// <c>serve [--port 8080] [--host localhost] [--model FILE] [--directory CSV] [--save FOLDER] [--max-upload-mb 20]
/// [--concurrency 1] [--queue 16] [--timeout 30] [--max-streams 4]</c>: the page and the HTTP API
/// (<see cref="DigitOcrServer"/>) until Ctrl-C. Prints <c>listening on http://...</c> on stdout once it is.
/// </summary>
internal static class ServeCommand
{
    private const int DefaultPort = 8080;
    private const int MaxUploadMegabytes = 1024;

    public static Command Create()
    {
        var defaults = new ServerOptions();
        var reader = new ReaderOptionSet(defaultPyramid: null);
        var port = ValidatedOptions.Integer("--port", "TCP port to listen on (0: any free port)", DefaultPort, 0, 65535);
        var host = ValidatedOptions.Word("--host", "Where to listen: localhost (default; this machine only), an IP address such as 0.0.0.0, or * for every interface.",
            ["localhost", "*"], new System.Text.RegularExpressions.Regex(@"^[0-9a-fA-F.:]+$"), "or an IP address");
        var save = ValidatedOptions.OutputFolder("--save", "Keep every upload in this folder (created if missing); without it nothing uploaded is written to disk.");
        var maxUpload = ValidatedOptions.Integer("--max-upload-mb", "Largest upload or live frame, in MB; larger ones get 413", (int)(ServerOptions.DefaultMaxUploadBytes >> 20), 1, MaxUploadMegabytes);
        var concurrency = ValidatedOptions.Integer("--concurrency", "Reads that run at once", defaults.Concurrency, 1, 64);
        var queue = ValidatedOptions.Integer("--queue", "Reads that may wait for a turn; more get 503", defaults.QueueLength, 0, 10_000);
        var timeout = ValidatedOptions.Integer("--timeout", "Seconds a request may take, upload, wait and read included; slower ones get 504", (int)defaults.RequestTimeout.TotalSeconds, 1, 3600);
        var maxStreams = ValidatedOptions.Integer("--max-streams", "Live camera streams at once; more get 503", defaults.MaxStreams, 0, 1000);
        var command = new Command("serve", "Serve the reading page and its HTTP API (POST /api/read, /api/stream, /healthz) until Ctrl-C.")
        {
            port, host, save, maxUpload, concurrency, queue, timeout, maxStreams,
        };
        reader.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(
            defaults with
            {
                Port = parse.GetValue(port),
                Host = parse.GetValue(host) ?? defaults.Host,
                SaveFolder = parse.GetValue(save),
                MaxUploadBytes = (long)parse.GetValue(maxUpload) << 20,
                Concurrency = parse.GetValue(concurrency),
                QueueLength = parse.GetValue(queue),
                RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                MaxStreams = parse.GetValue(maxStreams),
            },
            parse.GetValue(reader.Model),
            parse.GetValue(reader.Directory),
            reader.DetectorOptions(parse),
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ServerOptions options, string? modelPath, string? directoryPath, DetectorOptions detectorOptions, CancellationToken cancellation)
    {
        if (options.Validate().FirstOrDefault() is { } problem)
        {
            throw new CommandLineException(ExitCodes.Usage, problem);
        }

        using var detector = ReaderLoading.LoadDetector(modelPath, detectorOptions);
        var directory = ReaderLoading.LoadDirectory(directoryPath);
        var reader = new ServerReader(new PageReader(detector, directory: directory), detector.Options.Decode);
        RunningServer server;
        try
        {
            server = await DigitOcrServer.StartAsync(options, reader, cancellation);
        }
        catch (IOException e)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--host/--port: cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--save: cannot create folder '{options.SaveFolder}': {e.Message}", e);
        }

        await using (server)
        {
            Console.WriteLine($"listening on {server.Address}");
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "digitocr: model {0}{1}; uploads up to {2} MB, {3} read(s) at once, {4} waiting; {5}; Ctrl-C stops",
                detector.Source, directoryPath is null ? string.Empty : $", directory {directoryPath}", options.MaxUploadBytes >> 20,
                options.Concurrency, options.QueueLength, options.SaveFolder is null ? "uploads are not kept" : $"uploads kept in {options.SaveFolder}"));
            await server.WaitAsync(cancellation);
        }

        Console.Error.WriteLine("digitocr: stopped");
        return ExitCodes.Success;
    }
}
