using DigitOcr.Data.Mnist;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Data;

public sealed class DataFolderTests : IDisposable
{
    private readonly TempFolder root = new("digitocr-data-");

    public void Dispose() => root.Dispose();

    [Fact]
    public void Resolve_ExplicitFolder_WinsOverEnvironmentAndSearch()
    {
        var resolved = DataFolder.Resolve("/somewhere/explicit", "/from/env", [root.Path]);

        Assert.Equal("/somewhere/explicit", resolved);
    }

    [Fact]
    public void Resolve_EnvironmentValue_WinsOverSearch()
    {
        Assert.Equal("/from/env", DataFolder.Resolve(null, "/from/env", [root.Path]));
    }

    [Fact]
    public void Resolve_NothingGiven_WalksUpToAFolderWithDataMnist()
    {
        Directory.CreateDirectory(root.File("data", "mnist"));
        var deep = Directory.CreateDirectory(root.File("a", "b", "c")).FullName;

        Assert.Equal(root.File("data"), DataFolder.Resolve(null, null, [deep]));
    }

    [Fact]
    public void Resolve_FirstStartFolderFindsNothing_TriesTheNext()
    {
        using var other = new TempFolder("digitocr-other-");
        Directory.CreateDirectory(root.File("data", "mnist"));

        Assert.Equal(root.File("data"), DataFolder.Resolve(null, "", [other.Path, root.Path]));
    }

    [Fact]
    public void Resolve_NoDataAnywhere_MessageNamesTheFetchScriptAndVariable()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => DataFolder.Resolve(null, null, [root.Path]));

        Assert.Contains("scripts/fetch-mnist.sh", error.Message);
        Assert.Contains(DataFolder.EnvironmentVariable, error.Message);
    }
}
