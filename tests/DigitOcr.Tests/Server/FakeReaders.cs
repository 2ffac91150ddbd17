using DigitOcr.Boxes;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;
using DigitOcr.Server;

namespace DigitOcr.Tests.Server;

/// <summary>
/// Readers without a model, for the server's limits: each reads 5551234567 on any image, after an optional delay or
/// once released. The directory has Ada Lovelace at that number.
/// </summary>
public static class FakeReaders
{
    public const string Number = "5551234567";

    public static PhoneDirectory Directory { get; } = BuildDirectory();

    /// <summary>A reader that answers at once, or after <paramref name="delay"/>.</summary>
    public static ServerReader Fixed(TimeSpan delay = default) => new(image =>
    {
        if (delay > TimeSpan.Zero)
        {
            Thread.Sleep(delay);
        }

        return Reading(image);
    }, Directory, new DecodeOptions());

    /// <summary>A reader that waits for <paramref name="release"/> before it answers (and counts the reads begun).</summary>
    public static ServerReader Blocking(ManualResetEventSlim release, Action? started = null) => new(image =>
    {
        started?.Invoke();
        if (!release.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("the test never released the read");
        }

        return Reading(image);
    }, Directory, new DecodeOptions());

    /// <summary>What the fake reads on <paramref name="image"/>: 5551234567 across its middle, looked up in the directory.</summary>
    public static PageReading Reading(Image image)
    {
        var digits = Number.Select((c, i) => new Detection(c - '0', 0.9f, Box.FromCenter(20 + (i * 24), image.Height / 2f, 20, 30))).ToList();
        var number = RecognizedNumber.FromDigits(digits, 0);
        return new PageReading(new DetectionResult(image.Width, image.Height, digits, 1.0), [new NumberReading(number, Directory.Lookup(number))]);
    }

    /// <summary>A small PNG to upload (a gray page).</summary>
    public static byte[] Png(int width = 64, int height = 48)
    {
        using var image = Image.Create(width, height, fill: 240);
        return image.Encode(ImageFormat.Png);
    }

    private static PhoneDirectory BuildDirectory()
    {
        var builder = new PhoneDirectoryBuilder();
        builder.Add("Ada Lovelace", "555-123-4567", 2);
        return builder.Build();
    }
}
