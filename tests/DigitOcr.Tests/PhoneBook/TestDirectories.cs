using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>Phone directories for tests, loaded from CSV text.</summary>
internal static class TestDirectories
{
    public const string Source = "test-directory.csv";

    public static PhoneDirectory FromCsv(string csv, PhoneDirectoryOptions? options = null) =>
        PhoneDirectory.Load(new StringReader(csv), Source, options);

    /// <summary>Lookup options that treat every directory as crowded (<see cref="LookupOptions.MaxCrowding"/> 0): a one-edit correction dearer than 0.4 is refused.</summary>
    public static PhoneDirectoryOptions Crowded { get; } = new() { Lookup = new LookupOptions { MaxCrowding = 0 } };

    /// <summary>Alice (555-123-4567) and Bob (555-987-6543) with <paramref name="options"/> (default: <see cref="Crowded"/>).</summary>
    public static PhoneDirectory AliceAndBob(PhoneDirectoryOptions? options = null) => FromCsv("""
        name,phone
        Alice,555-123-4567
        Bob,555-987-6543
        """, options ?? Crowded);

    /// <summary>Every digit read with the same confidence.</summary>
    public static float[] Confident(string digits, float confidence = 0.95f) => Enumerable.Repeat(confidence, digits.Length).ToArray();
}
