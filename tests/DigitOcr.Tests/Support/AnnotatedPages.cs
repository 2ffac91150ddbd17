using DigitOcr.Imaging;

namespace DigitOcr.Tests.Support;

/// <summary>
/// Folders of annotated pages for the fine-tuning tests: written by the checked-in generator
/// (<c>samples/make_annotated_pages.py</c>, Debian's python3 with numpy, MNIST test digits), or by hand for the
/// cases a generator never writes (bad boxes, labels, images).
/// </summary>
public static class AnnotatedPages
{
    /// <summary>Runs the generator into <paramref name="folder"/>; small pages by default, so that tests stay fast.</summary>
    public static string Generate(string folder, int count, string format, int seed = 1, string size = "256x192", string digitHeight = "16-28", string? layouts = null)
    {
        var repository = Shell.RepositoryRoot();
        List<string> arguments =
        [
            Path.Combine(repository, "samples", "make_annotated_pages.py"), folder,
            "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", format,
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--size", size, "--digit-height", digitHeight,
        ];
        if (layouts is not null)
        {
            arguments.AddRange(["--layouts", layouts]);
        }

        Shell.Run("/usr/bin/python3", arguments, repository);
        return folder;
    }

    /// <summary>Copies <paramref name="source"/>'s images and the given annotation files into a new folder <paramref name="target"/>.</summary>
    public static string CopyWith(string source, string target, params string[] annotationPatterns)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.png").Concat(annotationPatterns.SelectMany(p => Directory.EnumerateFiles(source, p))))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Writes a plain gray PNG of the given size (an image annotations can point at).</summary>
    public static void WriteImage(string path, int width, int height)
    {
        using var image = Image.Create(width, height, fill: 230);
        image.Save(path);
    }
}
