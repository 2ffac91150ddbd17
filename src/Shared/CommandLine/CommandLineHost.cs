using System.CommandLine;
using System.CommandLine.Invocation;

namespace DigitOcr.CommandLine;

/// <summary>
/// Runs a command line the same way for every DigitOcr tool: parse errors are printed one per line with a pointer to
/// <c>--help</c> and the usage exit code; an exception escaping a command is printed as one line, with the exit
/// code its type maps to, and its stack trace only with <c>--verbose</c> (added to every command).
/// </summary>
internal static class CommandLineHost
{
    /// <summary>Parses <paramref name="args"/> and invokes the command they name.</summary>
    /// <param name="root">The tool's commands.</param>
    /// <param name="args">The process's arguments.</param>
    /// <param name="tool">The tool's name, the prefix of every message.</param>
    /// <param name="usageExitCode">Exit code of a command line that does not parse or validate.</param>
    /// <param name="exitCodeOf">Exit code of an exception a command did not handle (a <see cref="CommandLineException"/> carries its own).</param>
    /// <param name="internalExitCode">The code <paramref name="exitCodeOf"/> gives an unexpected error; those get a hint about <c>--verbose</c>.</param>
    /// <param name="stopTimeout">
    /// How long a command has, after Ctrl-C or SIGTERM cancelled its token, to stop on its own (finish a read, print
    /// its summary) before the tool exits with 130 (143 for SIGTERM) anyway; null: as long as it takes (the trainer,
    /// which saves a checkpoint first).
    /// </param>
    public static int Run(RootCommand root, string[] args, string tool, int usageExitCode, Func<Exception, int> exitCodeOf, int internalExitCode, TimeSpan? stopTimeout = null)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Print an error's stack trace.", Recursive = true };
        root.Options.Add(verbose);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"{tool}: {error.Message}");
            }

            var command = parse.CommandResult.Command == root ? tool : $"{tool} {parse.CommandResult.Command.Name}";
            Console.Error.WriteLine($"Run '{command} --help' for the options.");
            return usageExitCode;
        }

        try
        {
            // System.CommandLine's own signal handling is off (ProcessTerminationTimeout null): see TerminationSignals.
            // Only commands that take a cancellation token (asynchronous actions) get one; Ctrl-C ends the others at once.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            if (parse.Action is not AsynchronousCommandLineAction)
            {
                return parse.Invoke(configuration);
            }

            using var signals = new TerminationSignals(stopTimeout);
            return parse.InvokeAsync(configuration, signals.Token).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            var code = e is CommandLineException known ? known.ExitCode : exitCodeOf(e);
            Console.Error.WriteLine($"{tool}: {OneLine(e.Message)}");
            if (parse.GetValue(verbose))
            {
                Console.Error.WriteLine(e.ToString());
            }
            else if (code == internalExitCode)
            {
                Console.Error.WriteLine($"({e.GetType().Name}; run again with --verbose for the stack trace)");
            }

            return code;
        }
    }

    /// <summary>A message on one line: a list under a heading (<c>x has 2 problem(s):\n- a\n- b</c>) becomes <c>x has 2 problem(s): a; b</c>.</summary>
    public static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return message;
        }

        var text = lines[0];
        foreach (var line in lines.Skip(1))
        {
            text += (text.EndsWith(':') ? " " : "; ") + line.TrimStart('-', ' ');
        }

        return text;
    }
}
