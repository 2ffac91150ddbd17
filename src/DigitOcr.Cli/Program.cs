using System.CommandLine;
using DigitOcr.Cli;
using DigitOcr.CommandLine;

// Thin entry point: parse the command line and hand over to a command. Parse errors and unexpected exceptions are
// one line each on stderr with a documented exit code (ExitCodes); the stack trace only with --verbose.
var root = new RootCommand("digitocr: find handwritten digits and read phone numbers in images.")
{
    DetectCommand.Create(),
    BenchCommand.Create(),
    WatchCommand.Create(),
    ServeCommand.Create(),
    BenchServeCommand.Create(),
};

// watch and serve stop on Ctrl-C by themselves: the read in progress ends (the first, warming the model up, may take
// seconds on a busy machine), the summary is printed, the server drains.
return CommandLineHost.Run(root, args, "digitocr", ExitCodes.Usage, _ => ExitCodes.Internal, ExitCodes.Internal, stopTimeout: TimeSpan.FromSeconds(15));
