using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>Phone directories for tests, loaded from CSV text.</summary>
internal static class TestDirectories
{
    public const string Source = "test-directory.csv";

    public static PhoneDirectory FromCsv(string csv, PhoneDirectoryOptions? options = null) =>
        PhoneDirectory.Load(new StringReader(csv), Source, options);

    /// <summary>Every digit read with the same confidence.</summary>
    public static float[] Confident(string digits, float confidence = 0.95f) => Enumerable.Repeat(confidence, digits.Length).ToArray();
}
