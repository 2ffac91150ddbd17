using System.Text.Json;
using System.Xml;

namespace DigitOcr.Data.Annotated;

/// <summary>The format an annotated folder holds and the files that hold it.</summary>
public sealed record DetectedAnnotations(AnnotationFormat Format, IReadOnlyList<string> Files);

/// <summary>
/// Tells which annotation format a folder holds from the files at its top level: <c>annotations.csv</c> is CSV; a
/// <c>.json</c> file whose top level has <c>images</c>, <c>annotations</c> and <c>categories</c> (or that is not valid
/// JSON, so that its own error is reported) is COCO; <c>.xml</c> files whose root is <c>&lt;annotation&gt;</c> (or that
/// are not valid XML) are Pascal VOC. Exactly one format must be there: a folder with none, or with several, is an
/// <see cref="AnnotatedFolderException"/> that lists what the folder holds.
/// </summary>
public static class AnnotationFormats
{
    /// <summary>The CSV format's one file name.</summary>
    public const string CsvFileName = "annotations.csv";

    /// <summary>The image files a folder may hold: what <c>digitocr detect</c> reads (any case).</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"];

    public static bool IsImage(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <exception cref="AnnotatedFolderException">The folder is missing, holds no annotations, or holds more than one format.</exception>
    public static DetectedAnnotations Detect(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new AnnotatedFolderException(folder, $"the annotated folder '{folder}' does not exist; give a folder of images with annotations.csv, a COCO .json or Pascal VOC .xml files");
        }

        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var csv = files.Where(f => f.Equals(CsvFileName, StringComparison.OrdinalIgnoreCase)).ToList();
        var coco = files.Where(f => HasExtension(f, ".json") && IsCoco(Path.Combine(folder, f))).ToList();
        var voc = files.Where(f => HasExtension(f, ".xml") && IsVoc(Path.Combine(folder, f))).ToList();
        var found = new List<(AnnotationFormat Format, List<string> Files)>();
        if (csv.Count > 0)
        {
            found.Add((AnnotationFormat.Csv, csv));
        }

        if (coco.Count > 0)
        {
            found.Add((AnnotationFormat.Coco, coco));
        }

        if (voc.Count > 0)
        {
            found.Add((AnnotationFormat.Voc, voc));
        }

        if (found.Count == 1 && found[0].Format == AnnotationFormat.Coco && coco.Count > 1)
        {
            throw new AnnotatedFolderException(folder,
                $"the annotated folder '{folder}' holds {coco.Count} COCO files ({string.Join(", ", coco)}); keep one (merge them, or put each in a folder of its own)");
        }

        return found.Count switch
        {
            1 => new DetectedAnnotations(found[0].Format, found[0].Files),
            0 => throw new AnnotatedFolderException(folder,
                $"the annotated folder '{folder}' holds no annotations ({Describe(files)}); it needs {CsvFileName} (header image,x1,y1,x2,y2,digit), a COCO .json file, or one Pascal VOC .xml file per image"),
            _ => throw new AnnotatedFolderException(folder,
                $"the annotated folder '{folder}' holds annotations in {found.Count} formats ({string.Join("; ", found.Select(f => $"{Name(f.Format)}: {Summary(f.Files)}"))}); keep one format in the folder"),
        };
    }

    /// <summary>The format's name as messages and the README spell it.</summary>
    public static string Name(AnnotationFormat format) => format switch
    {
        AnnotationFormat.Csv => "CSV",
        AnnotationFormat.Coco => "COCO",
        AnnotationFormat.Voc => "Pascal VOC",
        _ => format.ToString(),
    };

    /// <summary>What a folder holds, counted by kind: "12 images (.png), 3 other files (notes.txt, a.json, b.xml)".</summary>
    private static string Describe(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return "it is empty";
        }

        var images = files.Where(IsImage).ToList();
        var others = files.Where(f => !IsImage(f)).ToList();
        var parts = new List<string>();
        if (images.Count > 0)
        {
            var kinds = images.Select(f => Path.GetExtension(f).ToLowerInvariant()).Distinct().Order();
            parts.Add($"{images.Count} image{(images.Count == 1 ? "" : "s")} ({string.Join(", ", kinds)})");
        }
        else
        {
            parts.Add("no images");
        }

        if (others.Count > 0)
        {
            parts.Add($"{others.Count} other file{(others.Count == 1 ? "" : "s")} ({Summary(others)})");
        }

        return string.Join(", ", parts);
    }

    private static string Summary(IReadOnlyList<string> files) =>
        files.Count <= 4 ? string.Join(", ", files) : $"{string.Join(", ", files.Take(3))} and {files.Count - 3} more";

    private static bool HasExtension(string file, string extension) =>
        Path.GetExtension(file).Equals(extension, StringComparison.OrdinalIgnoreCase);

    private static bool IsCoco(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, CocoAnnotations.ParseOptions);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("images", out _) && root.TryGetProperty("annotations", out _) && root.TryGetProperty("categories", out _);
        }
        catch (JsonException)
        {
            // Not valid JSON: reading it as COCO reports where it breaks, which helps more than ignoring it.
            return true;
        }
    }

    private static bool IsVoc(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, VocAnnotations.ReaderSettings);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "annotation";
        }
        catch (XmlException)
        {
            return true;
        }
    }
}
