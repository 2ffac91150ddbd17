using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace DigitOcr.Data.Annotated;

/// <summary>
/// Reads Pascal VOC files, one <c>.xml</c> per image: <c>&lt;annotation&gt;</c> with <c>&lt;filename&gt;</c> (the
/// image, relative to the folder), optional <c>&lt;size&gt;</c> (<c>width</c>, <c>height</c>) and one
/// <c>&lt;object&gt;</c> per digit (<c>name</c>, <c>bndbox</c> with <c>xmin ymin xmax ymax</c>, optional
/// <c>difficult</c>: 1 marks a box to ignore). VOC counts pixels from 1 and includes <c>xmax</c>; the box in pixel
/// edges is <c>[xmin - 1, ymin - 1, xmax, ymax]</c>, as detectron2's VOC loader converts it. Problems name the line.
/// </summary>
public static class VocAnnotations
{
    /// <summary>No DTDs (an annotation needs none, and they can expand without bound), comments skipped.</summary>
    public static XmlReaderSettings ReaderSettings { get; } = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, XmlResolver = null };

    public static AnnotationSet Read(IReadOnlyList<string> paths)
    {
        var images = new List<DeclaredImage>();
        var boxes = new List<DeclaredBox>();
        var problems = new List<AnnotationProblem>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var file = Path.GetFileName(path);
            XElement root;
            try
            {
                using var reader = XmlReader.Create(path, ReaderSettings);
                root = XDocument.Load(reader, LoadOptions.SetLineInfo).Root!;
            }
            catch (XmlException e)
            {
                problems.Add(new AnnotationProblem(file, $"line {e.LineNumber}", $"not valid XML: {e.Message}"));
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new AnnotationProblem(file, null, $"cannot be read: {e.Message}"));
                continue;
            }

            var source = At(file, root);
            var name = root.Element("filename")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
            {
                problems.Add(source.Problem("no <filename>: name the image this file annotates"));
                continue;
            }

            if (names.TryGetValue(name, out var other))
            {
                problems.Add(source.Problem($"'{name}' is annotated by {other} too; keep one file per image"));
                continue;
            }

            names[name] = file;
            var size = root.Element("size");
            images.Add(new DeclaredImage(name, source, Whole(size?.Element("width"), file, problems), Whole(size?.Element("height"), file, problems)));
            foreach (var item in root.Elements("object"))
            {
                var at = At(file, item);
                var label = item.Element("name")?.Value.Trim();
                var box = item.Element("bndbox");
                if (label is null || box is null)
                {
                    problems.Add(at.Problem($"an <object> without {(label is null ? "<name>" : "<bndbox>")}"));
                    continue;
                }

                var corners = new[] { "xmin", "ymin", "xmax", "ymax" }.Select(c => Number(box, c, file, problems)).ToArray();
                if (corners.Any(c => c is null))
                {
                    continue;
                }

                var difficult = item.Element("difficult")?.Value.Trim() == "1";
                boxes.Add(new DeclaredBox(name, corners[0]!.Value - 1, corners[1]!.Value - 1, corners[2]!.Value, corners[3]!.Value, label, difficult, at));
            }
        }

        return new AnnotationSet(images, boxes, problems);
    }

    private static AnnotationSource At(string file, XElement element) =>
        new(file, ((IXmlLineInfo)element).HasLineInfo() ? $"line {((IXmlLineInfo)element).LineNumber}" : null);

    private static double? Number(XElement parent, string name, string file, List<AnnotationProblem> problems)
    {
        var element = parent.Element(name);
        if (element is not null && double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        problems.Add(At(file, element ?? parent).Problem(element is null ? $"<{parent.Name}> has no <{name}>" : $"<{name}> is '{element.Value.Trim()}', not a number of pixels"));
        return null;
    }

    private static int? Whole(XElement? element, string file, List<AnnotationProblem> problems)
    {
        if (element is null)
        {
            return null;
        }

        if (int.TryParse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(At(file, element).Problem($"<{element.Name}> is '{element.Value.Trim()}', not a whole number of pixels"));
        return null;
    }
}
