using System.CommandLine;
using DigitOcr.Training.Cli.Commands;

// Thin entry point: parse the command line and hand over to a command.
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

return root.Parse(args).Invoke();
