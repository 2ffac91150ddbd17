using DigitOcr.Inference.Directory;

// Not DigitOcr.Tests.Directory: a namespace of that name would capture System.IO.Directory for every test in
// DigitOcr.Tests.* (Directory.CreateTempSubdirectory would stop compiling). The test filter
// "FullyQualifiedName~DigitOcr.Tests.Directory" still selects these tests.
namespace DigitOcr.Tests.DirectoryLookup;

/// <summary>Phone directories for tests, loaded from CSV text.</summary>
internal static class TestDirectories
{
    public const string Source = "test-directory.csv";

    public static PhoneDirectory FromCsv(string csv, PhoneDirectoryOptions? options = null) =>
        PhoneDirectory.Load(new StringReader(csv), Source, options);

    /// <summary>Every digit read with the same confidence.</summary>
    public static float[] Confident(string digits, float confidence = 0.95f) => Enumerable.Repeat(confidence, digits.Length).ToArray();
}
