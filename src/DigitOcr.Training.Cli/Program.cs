using System.CommandLine;
using DigitOcr.CommandLine;
using DigitOcr.Training.Cli;
using DigitOcr.Training.Cli.Commands;

// Thin entry point: parse the command line and hand over to a command. Every error is one line on stderr with a
// documented exit code (TrainerExitCodes); the stack trace only with --verbose.
var root = new RootCommand("DigitOcr trainer: trains and inspects the handwritten-digit detector.")
{
    InfoCommand.Create(),
    RenderCommand.Create(),
    BenchDataCommand.Create(),
    TrainCommand.Create(),
    BenchTrainCommand.Create(),
    ExportCommand.Create(),
    EvaluateCommand.Create(),
    EvaluateRecognizerCommand.Create(),
};

return CommandLineHost.Run(root, args, "trainer", TrainerExitCodes.Usage, TrainerExitCodes.Of, TrainerExitCodes.Unexpected);
