using DigitOcr.Imaging;

namespace DigitOcr.Inference.Pipelines;

/// <summary>
/// One input file, read and decoded: the <see cref="Image"/> (owned: dispose this), or why it could not be read
/// (<see cref="Error"/>). <see cref="Damage"/> says why a decoded image may be missing a part or be wrong (cut short,
/// or the decoder reported corrupt data: <see cref="ImageDamage"/>), or is null.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private DecodedImage(string path, Image? image, ImageDamage? damage, string? error)
    {
        Path = path;
        Image = image;
        Damage = damage;
        Error = error;
    }

    public string Path { get; }

    /// <summary>The decoded image; null when <see cref="Error"/> is set.</summary>
    public Image? Image { get; }

    public ImageDamage? Damage { get; }

    /// <summary>Why the file could not be read or decoded (one line, without the path); null when it was.</summary>
    public string? Error { get; }

    /// <summary>Reads and decodes <paramref name="path"/>; a file that cannot be read or decoded gives an <see cref="Error"/>, not an exception.</summary>
    public static DecodedImage Load(string path, DecodeOptions options)
    {
        try
        {
            var image = Image.Load(path, out var damage, options);
            return new DecodedImage(path, image, damage, null);
        }
        catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            return new DecodedImage(path, null, null, e is ImageDecodeException decode ? decode.Reason : e.Message);
        }
    }

    public void Dispose() => Image?.Dispose();
}
