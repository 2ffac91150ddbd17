using System.Text.Json;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// Reads a COCO object-detection JSON file as annotation tools export it: <c>images</c> (<c>id</c>,
/// <c>file_name</c> relative to the folder, <c>width</c>, <c>height</c>), <c>annotations</c> (<c>image_id</c>,
/// <c>category_id</c>, <c>bbox</c> as <c>[x, y, width, height]</c> in pixels from the image's top-left edge,
/// optional <c>iscrowd</c>: 1 marks a box to ignore) and <c>categories</c> (<c>id</c>, <c>name</c>). Categories map
/// to digits by name ("0" to "9"), whatever their ids. Problems name the element by its JSON path
/// (<c>annotations[12] (id 13)</c>); a file that is not JSON is reported with its line.
/// </summary>
public static class CocoAnnotations
{
    /// <summary>How COCO files are parsed (comments and trailing commas tolerated; tools do not write them, people do).</summary>
    public static JsonDocumentOptions ParseOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static AnnotationSet Read(string path)
    {
        var file = Path.GetFileName(path);
        var problems = new List<AnnotationProblem>();
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, ParseOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}" : null;
            var message = e.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            return new AnnotationSet([], [], [new AnnotationProblem(file, where, $"not valid JSON: {(cut > 0 ? message[..cut] : message)}")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AnnotationSet([], [], [new AnnotationProblem(file, null, $"cannot be read: {e.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new AnnotationSet([], [], [new AnnotationProblem(file, "$", $"the top level is {Kind(root)}, not an object with images, annotations and categories")]);
            }

            var categories = ReadCategories(root, file, problems);
            var (images, byId) = ReadImages(root, file, problems);
            var boxes = ReadBoxes(root, file, categories, byId, problems);
            return new AnnotationSet(images, boxes, problems);
        }
    }

    private static Dictionary<long, string> ReadCategories(JsonElement root, string file, List<AnnotationProblem> problems)
    {
        var categories = new Dictionary<long, string>();
        foreach (var (element, source) in Array(root, "categories", file, problems))
        {
            var id = Integer(element, "id", source, problems);
            var name = Text(element, "name", source, problems);
            if (id is { } i && name is not null && !categories.TryAdd(i, name))
            {
                problems.Add(source.Problem($"category id {i} is used twice; give each category its own id"));
            }
        }

        return categories;
    }

    private static (List<DeclaredImage> Images, Dictionary<long, string> ById) ReadImages(JsonElement root, string file, List<AnnotationProblem> problems)
    {
        var images = new List<DeclaredImage>();
        var byId = new Dictionary<long, string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, source) in Array(root, "images", file, problems))
        {
            var id = Integer(element, "id", source, problems);
            var name = Text(element, "file_name", source, problems);
            int? width = element.TryGetProperty("width", out _) ? (int?)Integer(element, "width", source, problems) : null;
            int? height = element.TryGetProperty("height", out _) ? (int?)Integer(element, "height", source, problems) : null;
            if (id is not { } i || name is null)
            {
                continue;
            }

            if (!byId.TryAdd(i, name))
            {
                problems.Add(source.Problem($"image id {i} is used twice; give each image its own id"));
                continue;
            }

            if (!names.Add(name))
            {
                problems.Add(source.Problem($"'{name}' is listed twice; list each image once"));
                continue;
            }

            images.Add(new DeclaredImage(name, source, width, height));
        }

        return (images, byId);
    }

    private static List<DeclaredBox> ReadBoxes(
        JsonElement root, string file, Dictionary<long, string> categories, Dictionary<long, string> images, List<AnnotationProblem> problems)
    {
        var boxes = new List<DeclaredBox>();
        foreach (var (element, source) in Array(root, "annotations", file, problems))
        {
            var imageId = Integer(element, "image_id", source, problems);
            var categoryId = Integer(element, "category_id", source, problems);
            var bbox = Bbox(element, source, problems);
            var crowd = element.TryGetProperty("iscrowd", out _) ? Integer(element, "iscrowd", source, problems) : 0;
            if (imageId is not { } i || categoryId is not { } c || bbox is not { } b)
            {
                continue;
            }

            if (!images.TryGetValue(i, out var image))
            {
                problems.Add(source.Problem($"image_id {i} is not in images; add the image or drop the annotation"));
                continue;
            }

            if (!categories.TryGetValue(c, out var label))
            {
                problems.Add(source.Problem($"category_id {c} is not in categories (ids: {string.Join(", ", categories.Keys.Order())}); add a category named after its digit"));
                continue;
            }

            boxes.Add(new DeclaredBox(image, b.X, b.Y, b.X + b.Width, b.Y + b.Height, label, Ignored: crowd == 1, source));
        }

        return boxes;
    }

    /// <summary>The elements of a top-level array, each with its JSON path (and id, when it has one, for finding it in the file).</summary>
    private static IEnumerable<(JsonElement Element, AnnotationSource Source)> Array(JsonElement root, string name, string file, List<AnnotationProblem> problems)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new AnnotationProblem(file, name, array.ValueKind == JsonValueKind.Undefined ? $"no '{name}' array at the top level" : $"'{name}' is {Kind(array)}, not an array"));
            yield break;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number ? $" (id {i.GetRawText()})" : "";
            var source = new AnnotationSource(file, $"{name}[{index++}]{id}");
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(source.Problem($"is {Kind(element)}, not an object"));
                continue;
            }

            yield return (element, source);
        }
    }

    private static long? Integer(JsonElement element, string name, AnnotationSource source, List<AnnotationProblem> problems)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        problems.Add(source.Problem(value.ValueKind == JsonValueKind.Undefined ? $"no '{name}'" : $"'{name}' is {value.GetRawText()}, not a whole number"));
        return null;
    }

    private static string? Text(JsonElement element, string name, AnnotationSource source, List<AnnotationProblem> problems)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Trim();
        }

        // Category names may be written as numbers (7 rather than "7").
        if (value.ValueKind == JsonValueKind.Number && name == "name")
        {
            return value.GetRawText();
        }

        problems.Add(source.Problem(value.ValueKind == JsonValueKind.Undefined ? $"no '{name}'" : $"'{name}' is {value.GetRawText()}, not a string"));
        return null;
    }

    private static (double X, double Y, double Width, double Height)? Bbox(JsonElement element, AnnotationSource source, List<AnnotationProblem> problems)
    {
        if (!element.TryGetProperty("bbox", out var bbox))
        {
            problems.Add(source.Problem("no 'bbox'"));
            return null;
        }

        if (bbox.ValueKind != JsonValueKind.Array || bbox.GetArrayLength() != 4
            || bbox.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || !double.IsFinite(v.GetDouble())))
        {
            problems.Add(source.Problem($"'bbox' is {bbox.GetRawText()}, not [x, y, width, height] in pixels"));
            return null;
        }

        var v = bbox.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (v[0], v[1], v[2], v[3]);
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
