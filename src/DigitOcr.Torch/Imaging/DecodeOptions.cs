namespace DigitOcr.Imaging;

/// <summary>Limits applied when decoding an image file (<see cref="Image.Decode(ReadOnlySpan{byte}, string, DecodeOptions?)"/>, <see cref="Image.Load(string, DecodeOptions?)"/> and their overloads).</summary>
public sealed record DecodeOptions
{
    /// <summary>The default <see cref="MaxPixels"/>: 100 megapixels (a 10000x10000 scan).</summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>The defaults.</summary>
    public static DecodeOptions Default { get; } = new();

    /// <summary>
    /// The largest width x height accepted. PNG, JPEG and BMP files are refused from their header, before any pixel
    /// memory is allocated, so a small file claiming a huge size cannot exhaust memory. 0 means no limit.
    /// </summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxPixels < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels,
                "DecodeOptions.MaxPixels must be 0 (no limit) or a positive pixel count.");
        }
    }
}
