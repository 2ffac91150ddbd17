using DigitOcr.Inference.PhoneBook;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.PhoneBook;

public class PhoneDirectoryLoadTests
{
    [Fact]
    public void Load_DifferentFormatsOfOneNumber_AreOneEntry()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,+1 (555) 123-4567
            Alice B.,555.123.4567
            Alice C.,5551234567
            """);

        var entry = Assert.Single(directory);
        Assert.Equal(new DirectoryEntry("Alice", "5551234567", 2), entry);
        Assert.Equal([3L, 4L], directory.LoadReport.Problems.Select(p => p.LineNumber));
        Assert.All(directory.LoadReport.Problems, p => Assert.Equal(DirectoryProblemKind.DuplicateNumber, p.Kind));
    }

    [Fact]
    public void Load_MalformedRows_AreReportedWithLineNumbersAndSkipped()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Bob,
            Carol,call me
            Dan,555-1234
            Eve,555 123 4567 / 555 123 4568

            Frank,"555 123 4569
            ,555-123-4570
            Grace
            Heidi,555-123-4571
            """);

        Assert.Equal(["Alice", "Heidi"], directory.Select(e => e.Name));
        Assert.Equal(2, directory.LoadReport.EntriesLoaded);
        var problems = directory.LoadReport.Problems.Select(p => (p.LineNumber, p.Kind)).ToList();
        Assert.Equal(
            [
                (3L, DirectoryProblemKind.MissingPhone),
                (4L, DirectoryProblemKind.NoDigits),
                (5L, DirectoryProblemKind.TooFewDigits),
                (6L, DirectoryProblemKind.TooManyDigits),
                (8L, DirectoryProblemKind.MalformedQuotes),
                (9L, DirectoryProblemKind.MissingName),
                (10L, DirectoryProblemKind.MissingPhone),
            ],
            problems);
    }

    [Fact]
    public void Load_Problems_CarryTheRawLineAndNameTheValue()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Dan,555-1234
            Frank,"555 123 4569
            """);

        var tooShort = directory.LoadReport.Problems[0];
        Assert.Equal("Dan,555-1234", tooShort.RawText);
        Assert.Contains("'555-1234'", tooShort.Message);
        Assert.Contains("7 digits", tooShort.Message);
        var unbalanced = directory.LoadReport.Problems[1];
        Assert.Equal("Frank,\"555 123 4569", unbalanced.RawText);
        Assert.Contains("quote not closed on its line", unbalanced.Message);
    }

    [Fact]
    public void Load_DuplicateNumberWithAnotherName_KeepsTheFirstAndNamesBoth()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Mallory,(555) 123-4567
            """);

        var match = Assert.IsType<DirectoryMatch>(directory.Lookup("5551234567", TestDirectories.Confident("5551234567")));
        Assert.Equal("Alice", match.Entry.Name);
        var duplicate = Assert.Single(directory.LoadReport.Problems);
        Assert.Equal(3, duplicate.LineNumber);
        Assert.Contains("'Mallory'", duplicate.Message);
        Assert.Contains("'Alice' on line 2", duplicate.Message);
    }

    [Fact]
    public void Load_HeaderIsMatchedIgnoringCase()
    {
        var directory = TestDirectories.FromCsv("Name , PHONE\nAlice,555-123-4567\n");
        Assert.Equal("Alice", Assert.Single(directory).Name);
    }

    [Fact]
    public void Load_CustomColumnsAndSeparator_AreUsed()
    {
        var options = new PhoneDirectoryOptions
        {
            Csv = new DirectoryCsvOptions { NameColumn = "full name", PhoneColumn = "Tel", Separator = ';' },
        };

        var directory = TestDirectories.FromCsv("""
            id;Full Name;tel
            7;Smith, Jane;555 123 4567
            """, options);

        Assert.Equal(new DirectoryEntry("Smith, Jane", "5551234567", 2), Assert.Single(directory));
    }

    [Fact]
    public void Load_MissingColumn_ThrowsNamingTheFileTheHeaderAndTheOption()
    {
        var error = Assert.Throws<InvalidDataException>(() => TestDirectories.FromCsv("name,telephone\nAlice,555-123-4567\n"));
        Assert.Contains(TestDirectories.Source, error.Message);
        Assert.Contains("no 'phone' column", error.Message);
        Assert.Contains("'name', 'telephone'", error.Message);
        Assert.Contains("DirectoryCsvOptions.PhoneColumn", error.Message);
    }

    [Fact]
    public void Load_WrongSeparator_SuggestsTheSeparatorOption()
    {
        var error = Assert.Throws<InvalidDataException>(() => TestDirectories.FromCsv("name;phone\nAlice;555-123-4567\n"));
        Assert.Contains("DirectoryCsvOptions.Separator", error.Message);
    }

    [Fact]
    public void Load_MalformedHeader_ThrowsInsteadOfTakingTheNextLineAsHeader()
    {
        var error = Assert.Throws<InvalidDataException>(() => TestDirectories.FromCsv("\"name,phone\nAlice,555-123-4567\n"));
        Assert.Contains(TestDirectories.Source, error.Message);
        Assert.Contains("header line with malformed quoting", error.Message);
    }

    [Fact]
    public void Load_EmptyFile_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => TestDirectories.FromCsv(""));
        Assert.Contains($"'{TestDirectories.Source}' is empty", error.Message);
    }

    [Fact]
    public void Load_HeaderOnly_IsAnEmptyDirectoryThatMatchesNothing()
    {
        var directory = TestDirectories.FromCsv("name,phone\n");
        Assert.Empty(directory);
        var noMatch = Assert.IsType<NoMatch>(directory.Lookup("5551234567", TestDirectories.Confident("5551234567")));
        Assert.Equal(NoMatchReason.NoCandidates, noMatch.Reason);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        using var folder = new TempFolder("digitocr-phone-");
        var path = folder.File("no-such-directory.csv");
        var error = Assert.Throws<FileNotFoundException>(() => PhoneDirectory.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Load_FromFile_ReportsThePathAsSource()
    {
        using var folder = new TempFolder("digitocr-phone-");
        var path = folder.File("phone-directory.csv");
        File.WriteAllText(path, "name,phone\nAlice,555-123-4567\nBob,12\n");
        var directory = PhoneDirectory.Load(path);
        Assert.Single(directory);
        Assert.Equal(path, directory.LoadReport.Source);
        Assert.Equal(DirectoryProblemKind.TooFewDigits, Assert.Single(directory.LoadReport.Problems).Kind);
    }

    [Fact]
    public void Load_InvalidOptions_ThrowsListingThem()
    {
        var options = new PhoneDirectoryOptions { Lookup = new LookupOptions { Margin = 0 } };
        var error = Assert.Throws<ArgumentException>(() => TestDirectories.FromCsv("name,phone\n", options));
        Assert.Contains("lookup.margin", error.Message);
    }
}
