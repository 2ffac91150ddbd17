using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Training.Metrics;

/// <summary>How many written numbers were read exactly, out of those evaluated.</summary>
public sealed record NumberMatchResult(int Numbers, int ReadExactly)
{
    public double Rate => Numbers == 0 ? double.NaN : (double)ReadExactly / Numbers;
}

/// <summary>
/// Number-level exact match: the ground truth's written numbers (digits sharing <see cref="LabeledBox.Number"/>, in
/// writing order) of at least <see cref="MinDigits"/> digits, all fully visible, each counted as read when the
/// <see cref="NumberReader"/> produced the same digit string over the same place (number boxes overlapping at IoU
/// &gt;= 0.5). Every read number serves one written number at most.
/// </summary>
public sealed class NumberExactMatch(NumberReader reader, int? minDigits = null, double iouThreshold = 0.5)
{
    private int numbers;
    private int readExactly;

    /// <summary>Written numbers this long count; by default what the reader itself calls a number.</summary>
    public int MinDigits { get; } = minDigits ?? reader.Options.MinDigits;

    public void Add(IReadOnlyList<Detection> detections, IReadOnlyList<LabeledBox> truths) =>
        Add(reader.Read(detections), truths);

    /// <summary>Scores numbers already read (by this match's reader) against <paramref name="truths"/>.</summary>
    public void Add(IReadOnlyList<RecognizedNumber> readNumbers, IReadOnlyList<LabeledBox> truths)
    {
        var read = readNumbers.ToList();
        foreach (var (_, text, box) in WrittenNumbers.Of(truths, MinDigits))
        {
            numbers++;
            var hit = read.FindIndex(r => r.Text == text && r.Box.IoU(box) >= iouThreshold);
            if (hit >= 0)
            {
                readExactly++;
                read.RemoveAt(hit);
            }
        }
    }

    public NumberMatchResult Compute() => new(numbers, readExactly);
}
