using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DigitOcr.Torch.Distributed;

namespace DigitOcr.Training.Distributed;

/// <summary>
/// Starts this machine's workers of a data-parallel run, as <c>torchrun --nproc-per-node</c> does: the same program
/// with the same arguments, once per local rank, each with torchrun's variables set (<see cref="DistributedContext"/>)
/// and the machine's cores split between them (<c>DOTNET_PROCESSOR_COUNT</c>, which sets both libtorch's threads and
/// the data workers unless the arguments say otherwise). Their output is forwarded line by line, prefixed with the
/// rank. When one fails (or is killed), the others get SIGTERM (they stop as on Ctrl-C, or fail on the lost peer) and
/// SIGKILL after <see cref="StopGrace"/>. Cancelling <c>stop</c> sends every worker SIGTERM.
/// </summary>
public sealed class WorkerLauncher
{
    /// <summary>The variable .NET takes the processor count from; libtorch's threads and the data workers follow it.</summary>
    public const string ProcessorCountVariable = "DOTNET_PROCESSOR_COUNT";

    private readonly LaunchOptions options;
    private readonly IReadOnlyCollection<int> cleanExitCodes;

    /// <param name="options">How many workers, and where the rendezvous is.</param>
    /// <param name="cleanExitCodes">Exit codes that are not failures (done, or interrupted after saving).</param>
    public WorkerLauncher(LaunchOptions options, IReadOnlyCollection<int> cleanExitCodes)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionChecks.ThrowIfAny(options.Validate(), nameof(options));
        this.options = options;
        this.cleanExitCodes = cleanExitCodes;
    }

    /// <summary>How long a worker has to stop after SIGTERM before it gets SIGKILL (a hung one never stops by itself).</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Each worker's cores: this machine's, split evenly (at least 1).</summary>
    public int ThreadsPerWorker => Math.Max(1, Environment.ProcessorCount / options.ProcessesPerNode);

    /// <summary>Runs the workers until all have ended.</summary>
    /// <param name="program">The executable (with <paramref name="arguments"/> as every worker's command line).</param>
    /// <param name="arguments">The workers' arguments.</param>
    /// <param name="output">Where the workers' stdout lines and the launcher's own notes go.</param>
    /// <param name="errors">Where the workers' stderr lines and the launcher's failure notes go.</param>
    /// <param name="stop">Cancelled to stop the workers (SIGTERM each).</param>
    public LaunchResult Run(string program, IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, CancellationToken stop)
    {
        var address = options.MasterAddress ?? IPAddress.Loopback.ToString();
        var port = options.MasterPort ?? FreePort();
        var first = options.NodeRank * options.ProcessesPerNode;
        var threads = ThreadsPerWorker;
        Note(output, $"launcher: {options.ProcessesPerNode} worker processes (ranks {first} .. {first + options.ProcessesPerNode - 1} of {options.WorldSize}), " +
            $"{threads} thread{(threads == 1 ? string.Empty : "s")} each, rendezvous at {address}:{port}");

        var exited = new BlockingCollection<Worker>();
        var workers = new List<Worker>();
        try
        {
            for (var local = 0; local < options.ProcessesPerNode; local++)
            {
                var context = new DistributedContext(options.WorldSize, first + local, local, address, port);
                var worker = Start(program, arguments, context, options.ProcessesPerNode, threads, output, errors, exited);
                workers.Add(worker);
                Note(output, $"launcher: rank {worker.Rank} is process {worker.Process.Id}");
            }
        }
        catch
        {
            foreach (var worker in workers)
            {
                PosixSignals.Send(worker.Process.Id, PosixSignals.Kill);
            }

            throw;
        }

        using var onStop = stop.Register(() => Signal(workers, PosixSignals.Terminate));
        WorkerExit? failure = null;
        var exits = new List<WorkerExit>();
        DateTime? killAt = null;
        while (exits.Count < workers.Count)
        {
            var wait = killAt is { } deadline ? Max(deadline - DateTime.UtcNow, TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            if (!exited.TryTake(out var ended, wait))
            {
                foreach (var late in workers.Where(w => !exits.Any(e => e.Rank == w.Rank)))
                {
                    Note(errors, $"launcher: rank {late.Rank} (process {late.Process.Id}) did not stop within {StopGrace.TotalSeconds:0} s of SIGTERM: killing it");
                    PosixSignals.Send(late.Process.Id, PosixSignals.Kill);
                }

                killAt = null;
                continue;
            }

            // Exited can come before the last output lines are read; this waits for them.
            ended.Process.WaitForExit();
            var exit = new WorkerExit(ended.Rank, ended.Process.Id, ended.Process.ExitCode);
            exits.Add(exit);
            if (failure is null && !cleanExitCodes.Contains(exit.ExitCode))
            {
                failure = exit;
                var others = workers.Where(w => !exits.Any(e => e.Rank == w.Rank)).ToList();
                Note(errors, $"launcher: rank {exit.Rank} (process {exit.ProcessId}) {Describe(exit.ExitCode)}" +
                    (others.Count > 0 ? $"; stopping the other ranks ({string.Join(", ", others.Select(o => o.Rank))})" : string.Empty));
                Signal(others, PosixSignals.Terminate);
                killAt = DateTime.UtcNow + StopGrace;
            }
        }

        foreach (var worker in workers)
        {
            worker.Process.Dispose();
        }

        return new LaunchResult(exits.OrderBy(e => e.Rank).ToList(), failure);
    }

    /// <summary>"exited with code 3", or "was killed by signal 9 (SIGKILL)" for codes above 128.</summary>
    public static string Describe(int exitCode) => exitCode switch
    {
        > 128 and < 160 => string.Create(CultureInfo.InvariantCulture, $"was killed by signal {exitCode - 128}{SignalName(exitCode - 128)} (exit code {exitCode})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"exited with code {exitCode}"),
    };

    private static string SignalName(int signal) => signal switch
    {
        2 => " (SIGINT)",
        6 => " (SIGABRT)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        15 => " (SIGTERM)",
        _ => string.Empty,
    };

    private static Worker Start(
        string program, IReadOnlyList<string> arguments, DistributedContext context, int localWorkers, int threads, TextWriter output, TextWriter errors, BlockingCollection<Worker> exited)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in context.ToEnvironment())
        {
            start.Environment[name] = value;
        }

        start.Environment["LOCAL_WORLD_SIZE"] = localWorkers.ToString(CultureInfo.InvariantCulture);
        start.Environment[ProcessorCountVariable] = threads.ToString(CultureInfo.InvariantCulture);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new Worker(context.Rank, process);
        var prefix = $"[rank {context.Rank}] ";
        process.OutputDataReceived += (_, e) => Forward(output, prefix, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(errors, prefix, e.Data);
        process.Exited += (_, _) => exited.Add(worker);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private static void Signal(IEnumerable<Worker> workers, int signal)
    {
        foreach (var worker in workers)
        {
            try
            {
                if (!worker.Process.HasExited)
                {
                    PosixSignals.Send(worker.Process.Id, signal);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone and reaped.
            }
        }
    }

    private static void Forward(TextWriter writer, string prefix, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(prefix + line);
            writer.Flush();
        }
    }

    private static void Note(TextWriter writer, string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Worker(int Rank, Process Process);
}
