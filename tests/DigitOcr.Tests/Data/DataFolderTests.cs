using DigitOcr.Data.Mnist;

namespace DigitOcr.Tests.Data;

public sealed class DataFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("digitocr-data-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Resolve_ExplicitFolder_WinsOverEnvironmentAndSearch()
    {
        var resolved = DataFolder.Resolve("/somewhere/explicit", "/from/env", [root]);

        Assert.Equal("/somewhere/explicit", resolved);
    }

    [Fact]
    public void Resolve_EnvironmentValue_WinsOverSearch()
    {
        Assert.Equal("/from/env", DataFolder.Resolve(null, "/from/env", [root]));
    }

    [Fact]
    public void Resolve_NothingGiven_WalksUpToAFolderWithDataMnist()
    {
        Directory.CreateDirectory(Path.Combine(root, "data", "mnist"));
        var deep = Directory.CreateDirectory(Path.Combine(root, "a", "b", "c")).FullName;

        Assert.Equal(Path.Combine(root, "data"), DataFolder.Resolve(null, null, [deep]));
    }

    [Fact]
    public void Resolve_FirstStartFolderFindsNothing_TriesTheNext()
    {
        var other = Directory.CreateTempSubdirectory("digitocr-other-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "data", "mnist"));

            Assert.Equal(Path.Combine(root, "data"), DataFolder.Resolve(null, "", [other, root]));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Resolve_NoDataAnywhere_MessageNamesTheFetchScriptAndVariable()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => DataFolder.Resolve(null, null, [root]));

        Assert.Contains("scripts/fetch-mnist.sh", error.Message);
        Assert.Contains(DataFolder.EnvironmentVariable, error.Message);
    }
}
