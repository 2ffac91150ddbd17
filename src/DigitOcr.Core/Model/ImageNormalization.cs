using DigitOcr.Torch;

namespace DigitOcr.Model;

/// <summary>
/// The model's input scaling (REFERENCE.md): <c>x = (pixel/255 - 0.485) / 0.229</c>, one channel, whatever the
/// ink's polarity.
/// </summary>
public static class ImageNormalization
{
    public const float Mean = 0.485f;

    public const float Std = 0.229f;

    private static readonly float[] Table = MakeTable();

    /// <summary>The normalised value of each gray level.</summary>
    public static ReadOnlySpan<float> Levels => Table;

    /// <summary>Writes the normalised <paramref name="pixels"/> into <paramref name="destination"/> (same length).</summary>
    public static void Normalize(ReadOnlySpan<byte> pixels, Span<float> destination)
    {
        if (destination.Length != pixels.Length)
        {
            throw new ArgumentException($"{pixels.Length} pixels need {pixels.Length} floats, got {destination.Length}.", nameof(destination));
        }

        for (var i = 0; i < pixels.Length; i++)
        {
            destination[i] = Table[pixels[i]];
        }
    }

    /// <summary>
    /// The normalised float32 values of a uint8 tensor of gray levels (any shape), by table lookup so that they equal
    /// <see cref="Levels"/> bit for bit.
    /// </summary>
    public static Tensor Normalize(Tensor pixels)
    {
        if (pixels.dtype != ScalarType.Byte)
        {
            throw new ArgumentException($"gray levels must be a uint8 tensor, got {pixels.dtype}", nameof(pixels));
        }

        using var table = torch.tensor(Table, device: pixels.device);
        using var flat = pixels.reshape(-1);
        using var index = flat.to(ScalarType.Int64);
        using var values = table.index_select(0, index);
        return values.view(pixels.shape);
    }

    private static float[] MakeTable()
    {
        var table = new float[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = ((v / 255f) - Mean) / Std;
        }

        return table;
    }
}
