using DigitOcr.Boxes;
using DigitOcr.Data.Annotated;
using DigitOcr.Imaging;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Data.Annotated;

/// <summary>
/// An annotated folder reads to the same ground truth whatever the format, and every bad annotation is reported at
/// once with its file and line (or JSON element), never dropped.
/// </summary>
public sealed class AnnotatedFolderTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-annotated-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EachFormat_ReadsTheGeneratedPagesToTheSameBoxes()
    {
        var all = AnnotatedPages.Generate(folder.File("all"), count: 3, format: "csv,coco,voc");
        var csv = AnnotatedFolder.Load(AnnotatedPages.CopyWith(all, folder.File("csv"), "annotations.csv"));
        var coco = AnnotatedFolder.Load(AnnotatedPages.CopyWith(all, folder.File("coco"), "annotations.json"));
        var voc = AnnotatedFolder.Load(AnnotatedPages.CopyWith(all, folder.File("voc"), "*.xml"));

        Assert.Equal((AnnotationFormat.Csv, AnnotationFormat.Coco, AnnotationFormat.Voc), (csv.Format, coco.Format, voc.Format));
        Assert.Equal(["page-0001.png", "page-0002.png", "page-0003.png"], csv.Images.Select(i => i.Name));
        Assert.True(csv.DigitCount > 20, $"the generator wrote only {csv.DigitCount} digits");
        foreach (var other in new[] { coco, voc })
        {
            Assert.Equal(csv.Images.Select(i => i.Name), other.Images.Select(i => i.Name));
            for (var i = 0; i < csv.Images.Count; i++)
            {
                Assert.Equal((csv.Images[i].Width, csv.Images[i].Height), (other.Images[i].Width, other.Images[i].Height));
                Assert.Equal(Sorted(csv.Images[i].Boxes), Sorted(other.Images[i].Boxes));
            }
        }

        // And the boxes are the file's own numbers: x2 and y2 are far edges, not sizes.
        var row = File.ReadLines(Path.Combine(all, "annotations.csv")).Skip(1).First().Split(',');
        var first = new LabeledBox(new Box(float.Parse(row[1]), float.Parse(row[2]), float.Parse(row[3]), float.Parse(row[4])), int.Parse(row[5]));
        Assert.Contains(first, csv.Images[0].Boxes.Select(b => b with { Number = -1 }));
    }

    [Fact]
    public void Csv_EveryKindOfBadRow_IsReportedWithItsLine_AllAtOnce()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        File.WriteAllBytes(folder.File("broken.png"), [0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
        File.WriteAllText(folder.File("annotations.csv"), string.Join('\n',
            "image,x1,y1,x2,y2,digit",
            "a.png,2,3,12,20,7",
            "a.png,30,5,45,35,3",
            "a.png,5,5,5,15,1",
            "a.png,1,1,8,8,x",
            "missing.png,1,1,5,5,2",
            "broken.png,1,1,5,5,2",
            "a.png,1,abc,5,5,2",
            "a.png,1,1,5",
            ""));

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotatedFolder.Load(folder.Path));

        Assert.Equal(7, error.Problems.Count);
        AssertProblem(error, "annotations.csv", "line 3", "reaches outside the 40x30 image 'a.png'");
        AssertProblem(error, "annotations.csv", "line 4", "is empty");
        AssertProblem(error, "annotations.csv", "line 5", "unknown label 'x'");
        AssertProblem(error, "annotations.csv", "line 6", "'missing.png' is not in the folder");
        AssertProblem(error, "annotations.csv", "line 7", "'broken.png' cannot be decoded");
        AssertProblem(error, "annotations.csv", "line 8", "y1 'abc' is not a number");
        AssertProblem(error, "annotations.csv", "line 9", "4 field(s) where the header has 6");
        Assert.Contains("have 7 problem(s)", error.Headline);
        Assert.Contains("annotations.csv line 3: ", error.Message);
    }

    [Fact]
    public void Csv_WithoutItsColumns_SaysWhichAreMissing()
    {
        File.WriteAllText(folder.File("annotations.csv"), "file,left,top,right,bottom,label\na.png,1,1,5,5,2\n");

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotatedFolder.Load(folder.Path));

        AssertProblem(error, "annotations.csv", "line 1", "no column image, x1, y1, x2, y2, digit");
    }

    [Fact]
    public void Coco_BadElements_AreReportedByTheirJsonPath()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        File.WriteAllText(folder.File("labels.json"), """
            {
              "images": [{"id": 1, "file_name": "a.png", "width": 40, "height": 30}, {"id": 2, "file_name": "gone.png"}],
              "categories": [{"id": 1, "name": "0"}, {"id": 8, "name": "7"}, {"id": 20, "name": "dog"}],
              "annotations": [
                {"id": 1, "image_id": 1, "category_id": 8, "bbox": [2, 3, 10, 17]},
                {"id": 2, "image_id": 1, "category_id": 8, "bbox": [35, 3, 10, 10]},
                {"id": 3, "image_id": 1, "category_id": 20, "bbox": [2, 3, 5, 5]},
                {"id": 4, "image_id": 1, "category_id": 9, "bbox": [2, 3, 5, 5]},
                {"id": 5, "image_id": 7, "category_id": 1, "bbox": [2, 3, 5, 5]},
                {"id": 6, "image_id": 1, "category_id": 1, "bbox": [2, 3, 5]}
              ]
            }
            """);

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotatedFolder.Load(folder.Path));

        Assert.Equal(6, error.Problems.Count);
        AssertProblem(error, "labels.json", "images[1] (id 2)", "'gone.png' is not in the folder");
        AssertProblem(error, "labels.json", "annotations[1] (id 2)", "reaches outside the 40x30 image 'a.png'");
        AssertProblem(error, "labels.json", "annotations[2] (id 3)", "unknown label 'dog'");
        AssertProblem(error, "labels.json", "annotations[3] (id 4)", "category_id 9 is not in categories");
        AssertProblem(error, "labels.json", "annotations[4] (id 5)", "image_id 7 is not in images");
        AssertProblem(error, "labels.json", "annotations[5] (id 6)", "not [x, y, width, height]");
    }

    [Fact]
    public void Coco_CategoriesMapToDigitsByName_NotById()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        File.WriteAllText(folder.File("labels.json"), """
            {"images": [{"id": 5, "file_name": "a.png"}], "categories": [{"id": 1, "name": "7"}],
             "annotations": [{"id": 1, "image_id": 5, "category_id": 1, "bbox": [2.5, 3, 10, 17], "iscrowd": 1}]}
            """);

        var image = Assert.Single(AnnotatedFolder.Load(folder.Path).Images);

        Assert.Equal(new LabeledBox(new Box(2.5f, 3, 12.5f, 20), 7, Ignored: true), Assert.Single(image.Boxes));
    }

    [Fact]
    public void Coco_NotJson_IsReportedWithItsLine()
    {
        File.WriteAllText(folder.File("labels.json"), "{\n  \"images\": [\n    {\"id\": 1,, }\n");

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotatedFolder.Load(folder.Path));

        AssertProblem(error, "labels.json", "line 3", "not valid JSON");
    }

    [Fact]
    public void Voc_CornersAreOneBasedAndInclusive()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        File.WriteAllText(folder.File("a.xml"), Voc("a.png", 40, 30, ("3", 11, 21, 20, 30), ("5", 1, 1, 40, 30)));

        var image = Assert.Single(AnnotatedFolder.Load(folder.Path).Images);

        Assert.Equal(2, image.Boxes.Count);
        Assert.Contains(new Box(10, 20, 20, 30), image.Boxes.Select(b => b.Box));
        Assert.Contains(new Box(0, 0, 40, 30), image.Boxes.Select(b => b.Box));
    }

    [Fact]
    public void Voc_BadObjectsAndFiles_AreReportedWithTheirLine()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        AnnotatedPages.WriteImage(folder.File("b.png"), 40, 30);
        File.WriteAllText(folder.File("a.xml"), Voc("a.png", 40, 30, ("3", 2, 2, 10, 10), ("seven", 2, 2, 10, 10), ("4", 30, 2, 50, 10)));
        File.WriteAllText(folder.File("b.xml"), Voc("b.png", 64, 48, ("1", 2, 2, 10, 10)));
        File.WriteAllText(folder.File("c.xml"), "<annotation>\n  <filename>c.png</filename>\n  <object><name>1</name>\n</annotation>\n");

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotatedFolder.Load(folder.Path));

        AssertProblem(error, "a.xml", "line 17", "unknown label 'seven'");
        AssertProblem(error, "a.xml", "line 26", "reaches outside the 40x30 image 'a.png'");
        AssertProblem(error, "b.xml", "line 1", "the annotations say 'b.png' is 64x48 but the image is 40x30");
        AssertProblem(error, "c.xml", "line 4", "not valid XML");
        Assert.Equal(4, error.Problems.Count);
    }

    [Fact]
    public void ImagesNoAnnotationNames_AreListed_NotSilentlyDropped()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        AnnotatedPages.WriteImage(folder.File("forgotten.png"), 40, 30);
        AnnotatedPages.WriteImage(folder.File("blank.png"), 40, 30);
        File.WriteAllText(folder.File("annotations.csv"), "image,x1,y1,x2,y2,digit\na.png,2,3,12,20,7\nblank.png,,,,,\n");

        var loaded = AnnotatedFolder.Load(folder.Path);

        Assert.Equal(["a.png", "blank.png"], loaded.Images.Select(i => i.Name));
        Assert.Empty(loaded.Images[1].Boxes);
        Assert.Equal(["forgotten.png"], loaded.Unannotated);
    }

    [Fact]
    public void DamagedImage_IsAProblem_NotTrainedOnHalfGray()
    {
        AnnotatedPages.WriteImage(folder.File("whole.png"), 200, 150);
        using (var image = Image.Load(folder.File("whole.png")))
        {
            image.Save(folder.File("whole.jpg"));
        }

        File.WriteAllBytes(folder.File("cut.jpg"), DamagedImages.CutJpegScan(File.ReadAllBytes(folder.File("whole.jpg")), 0.5));
        File.WriteAllText(folder.File("annotations.csv"), "image,x1,y1,x2,y2,digit\ncut.jpg,2,3,12,20,7\n");

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotatedFolder.Load(folder.Path));

        AssertProblem(error, "annotations.csv", "line 2", "'cut.jpg' is damaged");
    }

    [Fact]
    public void WrittenNumbers_AreTheReadersGroupingOfTheBoxes_InWritingOrder()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 200, 60);
        // 5 5 1 written left to right, listed out of order, and a lone 9 far to the right.
        File.WriteAllText(folder.File("annotations.csv"),
            "image,x1,y1,x2,y2,digit\na.png,44,10,58,30,1\na.png,10,10,24,30,5\na.png,27,10,41,30,5\na.png,170,10,184,30,9\n");

        var boxes = Assert.Single(AnnotatedFolder.Load(folder.Path).Images).Boxes;

        Assert.Equal([(5, 0), (5, 0), (1, 0), (9, -1)], boxes.Select(b => (b.Digit, b.Number)));
    }

    private static void AssertProblem(AnnotatedFolderException error, string file, string location, string text) =>
        Assert.True(
            error.Problems.Any(p => p.File == file && p.Location == location && p.Message.Contains(text, StringComparison.Ordinal)),
            $"no problem '{text}' at {file} {location}; got:\n{string.Join('\n', error.Problems)}");

    private static List<(Box, int, bool)> Sorted(IReadOnlyList<LabeledBox> boxes) =>
        boxes.Select(b => (b.Box, b.Digit, b.Ignored)).OrderBy(b => b.Box.X1).ThenBy(b => b.Box.Y1).ToList();

    private static string Voc(string image, int width, int height, params (string Name, int XMin, int YMin, int XMax, int YMax)[] objects) =>
        $"<annotation>\n  <filename>{image}</filename>\n  <size>\n    <width>{width}</width>\n    <height>{height}</height>\n    <depth>1</depth>\n  </size>\n" +
        string.Concat(objects.Select(o =>
            $"  <object>\n    <name>{o.Name}</name>\n    <bndbox>\n      <xmin>{o.XMin}</xmin>\n      <ymin>{o.YMin}</ymin>\n      <xmax>{o.XMax}</xmax>\n      <ymax>{o.YMax}</ymax>\n    </bndbox>\n  </object>\n")) +
        "</annotation>\n";
}
