using DigitOcr.Data.Annotated;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Data.Annotated;

/// <summary>The format is told from what the folder holds; a folder with none, or several, says what it found.</summary>
public sealed class AnnotationFormatsTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-formats-");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("annotations.csv", "image,x1,y1,x2,y2,digit\n", AnnotationFormat.Csv)]
    [InlineData("labels.json", """{"images": [], "annotations": [], "categories": []}""", AnnotationFormat.Coco)]
    [InlineData("a.xml", "<annotation><filename>a.png</filename></annotation>", AnnotationFormat.Voc)]
    public void Detect_TellsTheFormatFromTheFiles(string name, string text, AnnotationFormat expected)
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        File.WriteAllText(folder.File(name), text);

        var detected = AnnotationFormats.Detect(folder.Path);

        Assert.Equal(expected, detected.Format);
        Assert.Equal([name], detected.Files);
    }

    [Fact]
    public void Detect_IgnoresJsonAndXmlThatAreNotAnnotations()
    {
        File.WriteAllText(folder.File("annotations.csv"), "image,x1,y1,x2,y2,digit\n");
        File.WriteAllText(folder.File("settings.json"), """{"theme": "dark"}""");
        File.WriteAllText(folder.File("notes.xml"), "<notes><note>scan again</note></notes>");

        Assert.Equal(AnnotationFormat.Csv, AnnotationFormats.Detect(folder.Path).Format);
    }

    [Fact]
    public void Detect_TwoFormats_IsAnErrorNamingBoth()
    {
        File.WriteAllText(folder.File("annotations.csv"), "image,x1,y1,x2,y2,digit\n");
        File.WriteAllText(folder.File("a.xml"), "<annotation><filename>a.png</filename></annotation>");

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotationFormats.Detect(folder.Path));

        Assert.Contains("2 formats", error.Message);
        Assert.Contains("CSV: annotations.csv", error.Message);
        Assert.Contains("Pascal VOC: a.xml", error.Message);
        Assert.Contains("keep one format", error.Message);
    }

    [Fact]
    public void Detect_NoAnnotations_ListsWhatTheFolderHolds()
    {
        AnnotatedPages.WriteImage(folder.File("a.png"), 40, 30);
        AnnotatedPages.WriteImage(folder.File("b.jpg"), 40, 30);
        File.WriteAllText(folder.File("readme.txt"), "photos of forms");

        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotationFormats.Detect(folder.Path));

        Assert.Contains("holds no annotations (2 images (.jpg, .png), 1 other file (readme.txt))", error.Message);
        Assert.Contains("annotations.csv", error.Message);
    }

    [Fact]
    public void Detect_EmptyFolder_SaysItIsEmpty()
    {
        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotationFormats.Detect(folder.Path));

        Assert.Contains("holds no annotations (it is empty)", error.Message);
    }

    [Fact]
    public void Detect_MissingFolder_SaysSo()
    {
        var error = Assert.Throws<AnnotatedFolderException>(() => AnnotationFormats.Detect(folder.File("nowhere")));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Detect_BrokenJson_IsTakenForCoco_SoThatItsErrorIsReported()
    {
        File.WriteAllText(folder.File("labels.json"), """{"images": [""");

        Assert.Equal(AnnotationFormat.Coco, AnnotationFormats.Detect(folder.Path).Format);
    }
}
