using System.Runtime.CompilerServices;
using DigitOcr.Data.Mnist;

namespace DigitOcr.Tests.Data;

/// <summary>
/// Real MNIST for the tests, from the data folder (scripts/setup.sh fetches it; a missing folder fails with a message
/// that names scripts/fetch-mnist.sh), and glyph sets built from it.
/// </summary>
internal static class TestGlyphs
{
    /// <summary>
    /// The data folder: as the library resolves it, plus a search upward from this source file, so that a test run
    /// whose build output lies outside the repository (a private artifacts path) still finds &lt;repo&gt;/data.
    /// </summary>
    public static string DataFolder { get; } = DigitOcr.Data.Mnist.DataFolder.Resolve(
        null,
        Environment.GetEnvironmentVariable(DigitOcr.Data.Mnist.DataFolder.EnvironmentVariable),
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory, SourceFolder()]);

    public static GlyphSet Train => GlyphSetCache.Mnist(MnistSplit.Train, DataFolder);

    public static GlyphSet Test => GlyphSetCache.Mnist(MnistSplit.Test, DataFolder);

    /// <summary>The first <paramref name="count"/> glyphs of <paramref name="source"/> labelled <paramref name="digit"/>, as a set of their own.</summary>
    public static GlyphSet OnlyDigit(GlyphSet source, int digit, int count = 200)
    {
        var indices = Enumerable.Range(0, source.Count).Where(i => source.Label(i) == digit).Take(count).ToArray();
        var plane = source.Rows * source.Columns;
        var pixels = new byte[indices.Length * plane];
        for (var k = 0; k < indices.Length; k++)
        {
            source.Pixels(indices[k]).CopyTo(pixels.AsSpan(k * plane));
        }

        return new GlyphSet($"MNIST {digit}s", new IdxImages(indices.Length, source.Rows, source.Columns, pixels),
            Enumerable.Repeat((byte)digit, indices.Length).ToArray());
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
