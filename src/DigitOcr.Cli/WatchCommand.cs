using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Json;
using DigitOcr.Inference.Live;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Cli;

/// <summary>
/// <c>watch SOURCE [--format text|jsonl] [--draw FOLDER] [--every-frame] [--window N] [--min-frames N] [--model FILE]
/// [--directory CSV] [--backend libtorch|onnxruntime] ...</c>: reads a camera, a video file or a stream and prints each number once it is stable
/// (<see cref="LiveReader"/>), again when it changes. Frames come as fast as the detector takes them, the others
/// dropped (<see cref="FramePolicy.Latest"/>; a file plays at its own rate), or every one with <c>--every-frame</c>.
/// The end of a file, or Ctrl-C, ends the run with exit code 0 and a summary on stderr.
/// </summary>
internal static class WatchCommand
{
    /// <summary>
    /// One pass by default: a number held up to a camera is written at a reading distance, and a second, coarser pass
    /// would cost frames (<c>--pyramid 2</c> reads writing up to about 300 px tall).
    /// </summary>
    private const int DefaultPyramid = 1;

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A camera index (0 is the first camera), a video file, or a stream URL (rtsp://, http://...)." };
        var reader = new ReaderOptionSet(DefaultPyramid);
        var format = ValidatedOptions.Choice<OutputFormat>("--format", "Output on stdout: text, or one JSON object per stable reading");
        var draw = ValidatedOptions.OutputFolder("--draw", "Save the frame of each stable reading, annotated, into this folder (frame-000042.png).");
        var everyFrame = new Option<bool>("--every-frame") { Description = "Read every frame in order, as fast as the detector allows, instead of keeping pace with the video by dropping frames." };
        var defaults = new LiveReadingOptions();
        var window = ValidatedOptions.Integer("--window", "Frames read that vote on a number", defaults.Window, 1, 1000);
        var minFrames = ValidatedOptions.Integer("--min-frames", "Frames of the window a number must be read on before it is reported; at most --window", defaults.MinFrames, 1, 1000);
        var command = new Command("watch", "Read numbers live from a camera, a video file or a stream; print each once it is stable.") { source, format, draw, everyFrame, window, minFrames };
        reader.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(source)!,
            reader.DetectorOptions(parse),
            parse.GetValue(reader.Model),
            parse.GetValue(reader.Directory),
            parse.GetValue(format),
            parse.GetValue(draw),
            parse.GetValue(everyFrame) ? FramePolicy.Every : FramePolicy.Latest,
            defaults with { Window = parse.GetValue(window), MinFrames = parse.GetValue(minFrames) },
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(
        string sourceName, DetectorOptions detectorOptions, string? modelPath, string? directoryPath, OutputFormat format,
        string? drawFolder, FramePolicy policy, LiveReadingOptions liveOptions, CancellationToken cancellation)
    {
        if (liveOptions.MinFrames > liveOptions.Window)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--min-frames must be at most --window ({liveOptions.Window}); got {liveOptions.MinFrames}.");
        }

        if (drawFolder is not null)
        {
            try
            {
                Directory.CreateDirectory(drawFolder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException(ExitCodes.Usage, $"--draw: cannot create folder '{drawFolder}': {e.Message}", e);
            }
        }

        // The source first: a wrong path fails at once, not after the model has loaded.
        VideoFrameSource source;
        try
        {
            source = VideoFrameSource.Open(sourceName, policy);
        }
        catch (VideoOpenException e)
        {
            throw new CommandLineException(ExitCodes.Usage, e.Message, e);
        }

        using (source)
        {
            using var detector = ReaderLoading.LoadDetector(modelPath, detectorOptions);
            var directory = ReaderLoading.LoadDirectory(directoryPath);
            var capture = source.Capture;
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "digitocr: watching '{0}' ({1}, {2}x{3}, {4:G4} fps{5}); {6}",
                sourceName, capture.Backend, capture.Width, capture.Height, capture.FramesPerSecond,
                capture.FrameCount > 0 ? $", {capture.FrameCount} frames" : string.Empty,
                policy == FramePolicy.Every ? "every frame read" : "frames dropped to keep up; Ctrl-C stops"));
            var live = new LiveReader(new PageReader(detector, directory: directory), liveOptions);
            var summary = new WatchSummary();
            try
            {
                await foreach (var frame in live.ReadFramesAsync(source, cancellation).ConfigureAwait(false))
                {
                    summary.FrameRead();
                    if (frame.Stable is not { Reading.Readings.Count: > 0 } stable)
                    {
                        continue;
                    }

                    summary.Reported(stable);
                    Console.WriteLine(format == OutputFormat.Jsonl ? ReadingJson.Stable(stable) : Text(stable));
                    if (drawFolder is not null)
                    {
                        Annotator.Write(frame.Image, stable.Reading, Path.Combine(drawFolder, string.Format(CultureInfo.InvariantCulture, "frame-{0:D6}.png", frame.Index)));
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl-C: the summary below, and a clean exit.
            }

            Console.Error.WriteLine($"digitocr: {summary.Describe(source.FramesProduced, source.FramesDropped)}");
            return ExitCodes.Success;
        }
    }

    /// <summary><c>0:01.400 frame 42: 5551234567 -> Ada Lovelace (555-123-4567, distance 0.00)</c>, one line per number.</summary>
    private static string Text(StableReading stable)
    {
        var c = CultureInfo.InvariantCulture;
        var time = stable.Time.ToString(@"m\:ss\.fff", c);
        return string.Join(Environment.NewLine, stable.Reading.Readings.Select(r =>
        {
            var who = r.Lookup switch
            {
                DirectoryMatch found => string.Format(c, " -> {0} ({1}, distance {2:F2})", found.Entry.Name, found.Entry.Number, found.Distance),
                NoMatch none => $" -> nobody ({none.Reason})",
                _ => string.Empty,
            };
            return string.Format(c, "{0} frame {1}: {2} (score {3:F2}){4}{5}", time, stable.Frame, r.Number.Text, r.Number.Score, who, EdgeNote.Of(r));
        }));
    }

    /// <summary>What a run did, for the closing line on stderr: frames read per second, dropped, readings, frames to stable.</summary>
    private sealed class WatchSummary
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly HashSet<(long, string)> seen = [];
        private readonly List<int> framesToStable = [];
        private long read;
        private int readings;

        public void FrameRead() => read++;

        public void Reported(StableReading stable)
        {
            readings++;
            for (var i = 0; i < stable.Reading.Readings.Count; i++)
            {
                if (seen.Add((stable.History[i].FirstFrame, stable.Reading.Readings[i].Number.Text)))
                {
                    framesToStable.Add(stable.History[i].FramesToStable);
                }
            }
        }

        public string Describe(long produced, long dropped)
        {
            var c = CultureInfo.InvariantCulture;
            var seconds = clock.Elapsed.TotalSeconds;
            var toStable = framesToStable.Count == 0 ? "none" : string.Join(", ", framesToStable);
            return string.Format(c, "{0} frame(s) from the source, {1} read in {2:F1} s ({3:F1} frames/s), {4} dropped; {5} stable reading(s); frames read from first sight to stable: {6}",
                produced, read, seconds, read / Math.Max(seconds, 1e-9), dropped, readings, toStable);
        }
    }
}
