namespace DigitOcr.Data.Sources;

/// <summary>The names of the data presets.</summary>
public static class DataPresets
{
    /// <summary>One MNIST digit on a 224x224 canvas, augmented exactly as the reference (REFERENCE.md); for parity and its validation protocol.</summary>
    public const string Reference = "reference";

    /// <summary>Synthetic pages of handwritten numbers cut into crops: the main training distribution.</summary>
    public const string Pages = "pages";

    public static IReadOnlyList<string> All { get; } = [Reference, Pages];
}
