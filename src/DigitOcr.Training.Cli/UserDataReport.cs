using System.Globalization;
using DigitOcr.Data.Annotated;

namespace DigitOcr.Training.Cli;

/// <summary>What the trainer prints about a <c>--data-dir</c> folder: what it holds and, when it cannot be used, every problem.</summary>
internal static class UserDataReport
{
    /// <summary>The folder's summary on stdout, and its unannotated images as a warning on stderr.</summary>
    public static void Describe(AnnotatedFolder folder, AnnotatedSplit split, string use)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"user data: {folder.Folder} ({AnnotationFormats.Name(folder.Format)}, {string.Join(", ", folder.AnnotationFiles.Take(3))}{(folder.AnnotationFiles.Count > 3 ? ", ..." : "")}): " +
            $"{folder.Images.Count} images, {folder.DigitCount} digits; {split.Train.Count} to train on, {split.HeldOut.Count} held out; {use}"));
        if (folder.Unannotated.Count > 0)
        {
            var names = folder.Unannotated.Count <= 5 ? string.Join(", ", folder.Unannotated) : $"{string.Join(", ", folder.Unannotated.Take(5))} and {folder.Unannotated.Count - 5} more";
            Console.Error.WriteLine($"warning: {folder.Unannotated.Count} image(s) in '{folder.Folder}' have no annotations and are not used: {names}");
        }
    }

    /// <summary>Prints why the folder cannot be used (the headline, then one problem per line) and returns the exit code.</summary>
    public static int Fail(AnnotatedFolderException error, string option = "--data-dir")
    {
        Console.Error.WriteLine($"trainer: {option}: {error.Headline}");
        foreach (var problem in error.Problems)
        {
            Console.Error.WriteLine($"  {problem}");
        }

        return TrainerExitCodes.BadAnnotations;
    }
}
