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

    /// <summary>
    /// Groups detections into numbers and matches them against the directory
    /// (<see cref="PhoneDirectory.LookupReadings"/>: two neighbours that together are one entry are read as one number).
    /// </summary>
    public PageReading Interpret(DetectionResult detection)
    {
        var numbers = reader.Read(detection.Digits);
        var readings = directory is null
            ? numbers.Select(n => NumberReading.InPicture(n, null, detection))
            : directory.LookupReadings(numbers).Select(l => NumberReading.InPicture(l.Reading, l.Result, detection));
        return new PageReading(detection, readings.ToList());
    }
}
