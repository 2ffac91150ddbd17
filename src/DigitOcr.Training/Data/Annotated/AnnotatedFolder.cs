using System.Globalization;
using DigitOcr.Boxes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// A folder of the user's own annotated images (<c>train --data-dir</c>, <c>evaluate --data-dir</c>), in any
/// <see cref="AnnotationFormat"/>, detected from what the folder holds. Loading checks everything before anything
/// uses it and reports every problem at once, each with its file and line or JSON element: malformed files, images
/// that are missing, do not decode, are damaged or differ from the size the annotations declare, labels that are not
/// a digit 0-9, boxes that are empty or reach outside their image. Nothing is dropped silently: images in the folder
/// that no annotation names are listed in <see cref="Unannotated"/>.
/// </summary>
public sealed class AnnotatedFolder
{
    private AnnotatedFolder(string folder, AnnotationFormat format, IReadOnlyList<string> files, IReadOnlyList<AnnotatedImage> images, IReadOnlyList<string> unannotated)
    {
        Folder = folder;
        Format = format;
        AnnotationFiles = files;
        Images = images;
        Unannotated = unannotated;
    }

    /// <summary>The folder as given.</summary>
    public string Folder { get; }

    public AnnotationFormat Format { get; }

    /// <summary>The files the annotations came from (names relative to the folder).</summary>
    public IReadOnlyList<string> AnnotationFiles { get; }

    /// <summary>Every annotated image, in name order (ordinal).</summary>
    public IReadOnlyList<AnnotatedImage> Images { get; }

    /// <summary>Images in the folder that no annotation names (not used; a warning for the user).</summary>
    public IReadOnlyList<string> Unannotated { get; }

    /// <summary>Digits over all images (ignored ones included).</summary>
    public int DigitCount => Images.Sum(i => i.Boxes.Count);

    /// <summary>Detects the format, reads the annotations and checks them against the images.</summary>
    /// <exception cref="AnnotatedFolderException">The folder is missing, empty or ambiguous, or any annotation is bad (all listed).</exception>
    public static AnnotatedFolder Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var detected = AnnotationFormats.Detect(folder);
        var paths = detected.Files.Select(f => Path.Combine(folder, f)).ToList();
        var set = detected.Format switch
        {
            AnnotationFormat.Csv => CsvAnnotations.Read(paths[0]),
            AnnotationFormat.Coco => CocoAnnotations.Read(paths[0]),
            AnnotationFormat.Voc => VocAnnotations.Read(paths),
            _ => throw new ArgumentOutOfRangeException(nameof(folder), detected.Format, "unknown annotation format"),
        };

        var problems = set.Problems.ToList();
        var sizes = new Dictionary<string, (int Width, int Height)>(StringComparer.Ordinal);
        foreach (var image in set.Images)
        {
            if (Measure(folder, image, problems) is { } size)
            {
                sizes[image.Name] = size;
            }
        }

        var boxes = set.Images.ToDictionary(i => i.Name, _ => new List<LabeledBox>(), StringComparer.Ordinal);
        foreach (var box in set.Boxes)
        {
            if (Check(box, sizes, problems) is { } checkedBox)
            {
                boxes[box.Image].Add(checkedBox);
            }
        }

        var where = $"{AnnotationFormats.Name(detected.Format)} annotations of '{folder}' ({string.Join(", ", detected.Files.Take(3))}{(detected.Files.Count > 3 ? ", ..." : "")})";
        if (problems.Count > 0)
        {
            var ordered = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => LineOf(p.Location)).ToList();
            throw new AnnotatedFolderException(folder, $"the {where} have {problems.Count} problem(s); fix them (each is listed with its file and place) and run again", ordered);
        }

        if (set.Images.Count == 0)
        {
            throw new AnnotatedFolderException(folder, $"the {where} name no images; annotate at least one image");
        }

        var images = set.Images
            .Select(i => new AnnotatedImage(i.Name, Path.GetFullPath(Path.Combine(folder, i.Name)), sizes[i.Name].Width, sizes[i.Name].Height, GroundTruthNumbers.Assign(boxes[i.Name])))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        var named = images.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var unannotated = Directory.EnumerateFiles(folder)
            .Where(AnnotationFormats.IsImage)
            .Where(f => !named.Contains(Path.GetFullPath(f)))
            .Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new AnnotatedFolder(folder, detected.Format, detected.Files, images, unannotated);
    }

    /// <summary>The image's size, decoding it once (the only sure check that it is a whole, readable image); null after a problem.</summary>
    private static (int Width, int Height)? Measure(string folder, DeclaredImage image, List<AnnotationProblem> problems)
    {
        var path = Path.Combine(folder, image.Name);
        if (!File.Exists(path))
        {
            problems.Add(image.Source.Problem($"the image '{image.Name}' is not in the folder; add it, or drop its annotations"));
            return null;
        }

        try
        {
            using var picture = Image.Load(path, out var damage);
            if (damage is not null)
            {
                problems.Add(image.Source.Problem($"the image '{image.Name}' is damaged ({damage}); export it again"));
                return null;
            }

            if ((image.Width is > 0 && image.Width != picture.Width) || (image.Height is > 0 && image.Height != picture.Height))
            {
                problems.Add(image.Source.Problem(
                    $"the annotations say '{image.Name}' is {image.Width}x{image.Height} but the image is {picture.Width}x{picture.Height}; the boxes were drawn on another version of the image"));
                return null;
            }

            return (picture.Width, picture.Height);
        }
        catch (ImageDecodeException e)
        {
            problems.Add(image.Source.Problem($"the image '{image.Name}' cannot be decoded ({e.Reason}); export it again as PNG or JPEG"));
            return null;
        }
    }

    /// <summary>The box as ground truth, or null after reporting what is wrong with it.</summary>
    private static LabeledBox? Check(DeclaredBox box, IReadOnlyDictionary<string, (int Width, int Height)> sizes, List<AnnotationProblem> problems)
    {
        var shown = string.Create(CultureInfo.InvariantCulture, $"[{box.X1:0.##}, {box.Y1:0.##}, {box.X2:0.##}, {box.Y2:0.##}]");
        var digit = box.Label.Length == 1 && char.IsAsciiDigit(box.Label[0]) ? box.Label[0] - '0' : -1;
        var ok = true;
        if (digit < 0)
        {
            problems.Add(box.Source.Problem($"unknown label '{box.Label}'; the labels are the digits 0 to 9 (drop boxes of anything else)"));
            ok = false;
        }

        if (box.X2 <= box.X1 || box.Y2 <= box.Y1)
        {
            problems.Add(box.Source.Problem($"the box {shown} of '{box.Image}' is empty (x2 must exceed x1 and y2 exceed y1; boxes are x1,y1,x2,y2 corners)"));
            ok = false;
        }
        else if (sizes.TryGetValue(box.Image, out var size) && (box.X1 < 0 || box.Y1 < 0 || box.X2 > size.Width || box.Y2 > size.Height))
        {
            problems.Add(box.Source.Problem($"the box {shown} reaches outside the {size.Width}x{size.Height} image '{box.Image}'; clip it to the image"));
            ok = false;
        }

        return ok ? new LabeledBox(new Box((float)box.X1, (float)box.Y1, (float)box.X2, (float)box.Y2), digit, box.Ignored) : null;
    }

    /// <summary>The line of a location such as "line 12", for sorting problems in file order; other locations keep their order.</summary>
    private static int LineOf(string? location) =>
        location is not null && location.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(location.AsSpan(5), out var line) ? line : 0;
}
