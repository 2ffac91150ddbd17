using System.Globalization;
using System.Text.Json;

namespace DigitOcr.Onnx;

/// <summary>
/// A detector's calibrated activation ranges (<see cref="ActivationRange"/>, one per activation of its ONNX graph), as
/// a model file stores them for int8 inference: JSON <c>{"name": [min, max], ...}</c> in the entry
/// <see cref="ModelFiles.ModelFile.ActivationRangesKey"/>.
/// </summary>
public static class ActivationRanges
{
    public static string ToJson(IReadOnlyDictionary<string, ActivationRange> ranges) =>
        JsonSerializer.Serialize(ranges.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => new[] { kv.Value.Min, kv.Value.Max }));

    /// <exception cref="InvalidDataException">The JSON is not such an object; the message names <paramref name="source"/>.</exception>
    public static IReadOnlyDictionary<string, ActivationRange> FromJson(string json, string source)
    {
        try
        {
            var pairs = JsonSerializer.Deserialize<Dictionary<string, float[]>>(json) ?? [];
            return pairs.ToDictionary(
                kv => kv.Key,
                kv => kv.Value is [var min, var max] && float.IsFinite(min) && float.IsFinite(max) && min <= max
                    ? new ActivationRange(min, max)
                    : throw new InvalidDataException($"{source}: the range of '{kv.Key}' must be [min, max] with min <= max, got [{string.Join(", ", kv.Value.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]"),
                StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: activation ranges are not a JSON object of [min, max] pairs: {e.Message}", e);
        }
    }
}
