namespace DigitOcr.Cli;

/// <summary>One image to read: its path, and the name its annotated copy gets under <c>--draw</c>.</summary>
internal sealed record InputImage(string Path, string AnnotatedName);

/// <summary>
/// The images named on the command line, as shells pass them (<c>detect a.png b.png</c>, <c>detect scans/*.jpg</c>,
/// <c>detect scans/ more/</c>): files are read if their extension is in <see cref="Extensions"/>, folders give
/// their files with those extensions (not those of subfolders), in ordinal order. A file named twice is read once.
/// Inputs that give nothing to read are listed in <see cref="Problems"/>.
/// </summary>
internal sealed record ImageInputs(IReadOnlyList<InputImage> Images, IReadOnlyList<string> Problems)
{
    /// <summary>The file extensions read, for files and folders alike (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"];

    /// <summary>What an annotated copy's name ends with: <c>page.jpg</c> is drawn as <c>page.jpg.annotated.png</c>.</summary>
    public const string AnnotatedSuffix = ".annotated.png";

    public static string ExtensionList => string.Join(", ", Extensions);

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Expands <paramref name="inputs"/>. Annotated copies already in <paramref name="drawFolder"/> are not read again
    /// when that folder is also an input. Each image gets a distinct annotated name: its file name (extension
    /// included) plus <see cref="AnnotatedSuffix"/>, and for a second image of the same file name from another
    /// folder, <c>.2</c>, <c>.3</c>... before the suffix.
    /// </summary>
    public static ImageInputs Collect(IEnumerable<string> inputs, string? drawFolder)
    {
        var drawFull = drawFolder is null ? null : Path.GetFullPath(drawFolder);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var images = new List<InputImage>();
        var problems = new List<string>();

        void Add(string path)
        {
            if (!seen.Add(Path.GetFullPath(path)))
            {
                return;
            }

            var file = Path.GetFileName(path);
            var name = file + AnnotatedSuffix;
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{file}.{n}{AnnotatedSuffix}";
            }

            images.Add(new InputImage(path, name));
        }

        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var ownOutput = drawFull is not null && Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar) == drawFull.TrimEnd(Path.DirectorySeparatorChar);
                var files = Directory.EnumerateFiles(input)
                    .Where(IsSupported)
                    .Where(f => !ownOutput || !f.EndsWith(AnnotatedSuffix, StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    problems.Add($"no images ({ExtensionList}) in folder '{input}'");
                }

                files.ForEach(Add);
            }
            else if (File.Exists(input))
            {
                if (IsSupported(input))
                {
                    Add(input);
                }
                else
                {
                    problems.Add($"skipped '{input}': not a supported image extension ({ExtensionList})");
                }
            }
            else
            {
                problems.Add($"'{input}' is neither a file nor a folder");
            }
        }

        return new ImageInputs(images, problems);
    }
}
