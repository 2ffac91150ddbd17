using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Server;

/// <summary>
/// What the server reads images with: a <see cref="PageReader"/> (its detector's decoding limits, its directory), or
/// any function of an image (tests use a slow or blocking one to exercise the limits). Does not own the reader.
/// </summary>
public sealed class ServerReader
{
    private readonly Func<Image, PageReading> read;

    public ServerReader(PageReader reader, DecodeOptions decode)
        : this((reader ?? throw new ArgumentNullException(nameof(reader))).Read, reader.Directory, decode)
    {
    }

    public ServerReader(Func<Image, PageReading> read, PhoneDirectory? directory, DecodeOptions decode)
    {
        this.read = read ?? throw new ArgumentNullException(nameof(read));
        Directory = directory;
        Decode = decode ?? throw new ArgumentNullException(nameof(decode));
        Decode.Validate();
    }

    /// <summary>The directory voted live numbers are looked up in; null without one.</summary>
    public PhoneDirectory? Directory { get; }

    /// <summary>Limits for decoding uploads.</summary>
    public DecodeOptions Decode { get; }

    /// <summary>Reads one decoded image (the caller keeps it). Runs on a thread of the read queue.</summary>
    public PageReading Read(Image image) => read(image);
}
