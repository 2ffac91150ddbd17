using DigitOcr.Imaging;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Inference;

/// <summary>
/// Reads phone numbers off an image: detects digits, groups them into numbers, and looks each number up in an
/// optional directory: every number gets its own lookup (<see cref="PageReading.Readings"/>), and the page's match
/// is the accepted lookup with the smallest distance (<see cref="PageReading.Match"/>). A number touching the picture's
/// edge says so (<see cref="NumberReading.Edges"/>): it may be cut. Does not own the detector
/// or the directory.
/// </summary>
public sealed class PageReader(DigitDetector detector, NumberReader? reader = null, PhoneDirectory? directory = null)
{
    private readonly NumberReader reader = reader ?? new NumberReader();

    /// <summary>The directory numbers are looked up in; null when there is none.</summary>
    public PhoneDirectory? Directory => directory;

    public PageReading Read(string path)
    {
        using var image = Image.Load(path, detector.Options.Decode);
        return Read(image);
    }

    public PageReading Read(Image image) => Interpret(detector.Detect(image));

    /// <summary>Groups detections into numbers and matches them against the directory.</summary>
    public PageReading Interpret(DetectionResult detection)
    {
        var numbers = reader.Read(detection.Digits);
        return new PageReading(detection, numbers.Select(n => Look(n, detection)).ToList());
    }

    private NumberReading Look(RecognizedNumber number, DetectionResult detection)
    {
        if (directory is null)
        {
            return NumberReading.InPicture(number, null, detection);
        }

        var (reading, lookup) = directory.LookupReading(number);
        return NumberReading.InPicture(reading, lookup, detection);
    }
}
