using System.Collections.Concurrent;

namespace DigitOcr.Data.Mnist;

/// <summary>
/// Loads each glyph file set once per process (MNIST train is 47 MB): sources, loaders and tests that ask for the
/// same folder and split share one immutable <see cref="GlyphSet"/>.
/// </summary>
public static class GlyphSetCache
{
    private static readonly ConcurrentDictionary<(string Folder, bool Fashion, MnistSplit Split), Lazy<GlyphSet>> Sets = new();

    /// <summary>MNIST <paramref name="split"/> from <c>&lt;dataFolder&gt;/mnist</c>; the data folder resolves as <see cref="DataFolder.Resolve(string?)"/> says.</summary>
    public static GlyphSet Mnist(MnistSplit split, string? dataFolder = null)
    {
        var folder = Path.Combine(DataFolder.Resolve(dataFolder), DataFolder.MnistFolderName);
        return Get((folder, false, split));
    }

    /// <summary>Fashion-MNIST <paramref name="split"/> from <paramref name="folder"/> (Debian's install path by default).</summary>
    public static GlyphSet FashionMnist(MnistSplit split, string? folder = null) =>
        Get((Path.GetFullPath(string.IsNullOrEmpty(folder) ? MnistData.DebianFashionMnistFolder : folder), true, split));

    private static GlyphSet Get((string Folder, bool Fashion, MnistSplit Split) key)
    {
        var lazy = Sets.GetOrAdd(key, k => new Lazy<GlyphSet>(() => k.Fashion
            ? MnistData.LoadFashionMnist(k.Folder, k.Split)
            : MnistData.LoadMnist(k.Folder, k.Split)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load (data not fetched yet) must not be remembered: the next call tries again.
            Sets.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }
}
