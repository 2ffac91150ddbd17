using System.Text;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// A directory file that is not what it seems is reported, never read into wrong entries: lines that are not UTF-8,
/// fields longer than the limit, and a file with a header only.
/// </summary>
public sealed class DirectoryCsvEncodingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digitocr-directory-csv-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_ALineInLatin1_IsReportedWithItsLineAndSkipped()
    {
        var path = Write([.. "name,phone\nAlice,555-123-4567\nJos"u8, 0xE9, .. ",555-123-4568\nBob,555-123-4569\n"u8]);

        var directory = PhoneDirectory.Load(path);

        Assert.Equal(["Alice", "Bob"], directory.Select(e => e.Name));
        var problem = Assert.Single(directory.LoadReport.Problems);
        Assert.Equal((3L, DirectoryProblemKind.InvalidUtf8), (problem.LineNumber, problem.Kind));
        Assert.Contains("name field is not valid UTF-8 (byte e9 at byte 4", problem.Message);
    }

    [Fact]
    public void Load_AFieldLongerThanTheLimit_IsReportedWithItsLineAndSkipped()
    {
        var path = Write(Encoding.UTF8.GetBytes($"name,phone\n{new string('x', 257)},555-123-4567\n{new string('y', 256)},555-123-4568\n"));

        var directory = PhoneDirectory.Load(path);

        Assert.Equal(256, Assert.Single(directory).Name.Length);
        var problem = Assert.Single(directory.LoadReport.Problems);
        Assert.Equal((2L, DirectoryProblemKind.FieldTooLong), (problem.LineNumber, problem.Kind));
        Assert.Contains("257 characters long, more than the limit of 256", problem.Message);
    }

    [Fact]
    public void Load_MaxFieldLength_IsAnOption()
    {
        var path = Write("name,phone\nAlexandra,555-123-4567\n"u8.ToArray());

        var directory = PhoneDirectory.Load(path, new PhoneDirectoryOptions { Csv = new DirectoryCsvOptions { MaxFieldLength = 5 } });

        Assert.Empty(directory);
        Assert.Equal(DirectoryProblemKind.FieldTooLong, Assert.Single(directory.LoadReport.Problems).Kind);
    }

    [Fact]
    public void Load_HeaderOnly_Warns()
    {
        var path = Write("name,phone\n"u8.ToArray());

        var directory = PhoneDirectory.Load(path);

        Assert.Empty(directory);
        Assert.Contains("has a header but no entries", directory.LoadReport.Warning);
        Assert.Contains("no entries", directory.LoadReport.ToString());
    }

    [Fact]
    public void Load_WithEntries_HasNoWarning()
    {
        var directory = PhoneDirectory.Load(Write("name,phone\nAlice,555-123-4567\n"u8.ToArray()));

        Assert.Null(directory.LoadReport.Warning);
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(folder, "phones.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
