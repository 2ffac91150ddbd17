using DigitOcr.CommandLine;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Cli;

/// <summary>
/// Loads what the reading commands (<c>detect</c>, <c>watch</c>, <c>serve</c>) read with: the detector and the
/// directory. A file that cannot be loaded stops the command with one line naming the option (exit code 2); problems
/// with single directory lines are reported on stderr and the others kept.
/// </summary>
internal static class ReaderLoading
{
    /// <exception cref="CommandLineException">The model cannot be loaded (exit code 2).</exception>
    public static DigitDetector LoadDetector(string? modelPath, DetectorOptions options)
    {
        try
        {
            return DigitDetector.Load(modelPath, options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or InvalidOperationException or NotSupportedException)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--model: {e.Message}", e);
        }
    }

    /// <summary>The directory at <paramref name="path"/>, or null without one; its problems and warnings go to stderr.</summary>
    /// <exception cref="CommandLineException">The directory cannot be loaded (exit code 2).</exception>
    public static PhoneDirectory? LoadDirectory(string? path)
    {
        if (path is null)
        {
            return null;
        }

        PhoneDirectory directory;
        try
        {
            directory = PhoneDirectory.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException(ExitCodes.Usage, $"--directory: {e.Message}", e);
        }

        foreach (var problem in directory.LoadReport.Problems)
        {
            Console.Error.WriteLine($"digitocr: {path}:{problem.LineNumber}: {problem.Message}");
        }

        if (directory.LoadReport.Warning is { } warning)
        {
            Console.Error.WriteLine($"digitocr: warning: {warning}");
        }

        return directory;
    }
}
