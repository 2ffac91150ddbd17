using System.Text.Json;

namespace DigitOcr.Data.Sources;

/// <summary>
/// Which samples a run draws. Written in JSON and on command lines by its camelCase name (<c>"preset": "pages"</c>,
/// <see cref="DataPresets.Name"/>).
/// </summary>
public enum DataPreset
{
    /// <summary>Synthetic pages of handwritten numbers cut into crops: the main training distribution.</summary>
    Pages,

    /// <summary>One MNIST digit on a 224x224 canvas, augmented exactly as the reference (REFERENCE.md); for parity and its validation protocol.</summary>
    Reference,
}

/// <summary>The presets and their names.</summary>
public static class DataPresets
{
    public static IReadOnlyList<DataPreset> All { get; } = Enum.GetValues<DataPreset>();

    /// <summary>The preset's name as config files, file names, metrics and logs spell it: "pages", "reference".</summary>
    public static string Name(this DataPreset preset) => JsonNamingPolicy.CamelCase.ConvertName(preset.ToString());

    /// <summary>The known names when a JSON error is about a preset (the enum converter's own message names only the type), else "".</summary>
    internal static string HintFor(JsonException error) =>
        error.Path?.EndsWith("preset", StringComparison.Ordinal) == true ? $" Known presets: {string.Join(", ", All.Select(Name))}." : "";
}
