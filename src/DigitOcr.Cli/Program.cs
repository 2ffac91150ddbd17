using System.CommandLine;
using DigitOcr.Cli;

// Thin entry point: parse the command line and hand over to a command. Parse errors and unexpected exceptions are
// one line each on stderr with a documented exit code (ExitCodes); the stack trace only with --verbose.
var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of an unexpected error.", Recursive = true };
var root = new RootCommand("digitocr: find handwritten digits and read phone numbers in images.")
{
    DetectCommand.Create(),
    BenchCommand.Create(),
};
root.Options.Add(verbose);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"digitocr: {error.Message}");
    }

    var command = parse.CommandResult.Command == root ? "digitocr" : $"digitocr {parse.CommandResult.Command.Name}";
    Console.Error.WriteLine($"Run '{command} --help' for the options.");
    return ExitCodes.Usage;
}

try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine($"digitocr: unexpected error: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine(parse.GetValue(verbose) ? e.ToString() : "Run again with --verbose for the details.");
    return ExitCodes.Internal;
}
