using System.CommandLine;
using DigitOcr.Cli;

// Thin entry point: parse the command line and hand over to a command.
var root = new RootCommand("digitocr: find handwritten digits and read phone numbers in images.")
{
    DetectCommand.Create(),
    BenchCommand.Create(),
};

return root.Parse(args).Invoke();
