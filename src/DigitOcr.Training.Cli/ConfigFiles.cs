using DigitOcr.CommandLine;
using DigitOcr.Data.Sources;

namespace DigitOcr.Training.Cli;

/// <summary>Loads the config named on the command line; any problem with it is a usage error naming the option.</summary>
internal static class ConfigFiles
{
    public static TrainingConfig Load(string path, string option = "--config")
    {
        try
        {
            return TrainingConfig.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(TrainerExitCodes.Usage, $"{option}: {e.Message}", e);
        }
    }

    /// <summary>Loads a data options file (<c>render</c>, <c>bench-data</c>); any problem with it is a usage error naming the option.</summary>
    public static DataOptions LoadData(string path, string option = "--config")
    {
        try
        {
            return DataOptions.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new CommandLineException(TrainerExitCodes.Usage, $"{option}: {e.Message}", e);
        }
    }

    /// <summary>Validates a config after command-line overrides; a problem is a usage error.</summary>
    public static TrainingConfig Validated(TrainingConfig config)
    {
        try
        {
            return config.Validated("the config with the command line's overrides");
        }
        catch (InvalidDataException e)
        {
            throw new CommandLineException(TrainerExitCodes.Usage, e.Message, e);
        }
    }
}
