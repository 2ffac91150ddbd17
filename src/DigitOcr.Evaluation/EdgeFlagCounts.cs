using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Reading;
using DigitOcr.Training.Metrics;

namespace DigitOcr.Evaluation;

/// <summary>
/// How the reader's edge flag (<see cref="PictureEdge"/>, a number that may be cut by the picture's edge) fares on
/// test pages. A written number is cut when its digits' ink box touches the edge (some of its ink may lie outside,
/// though every digit keeps most of its ink: a number with a digit mostly outside is not counted).
/// </summary>
/// <param name="Written">Written numbers counted (as for exact reading).</param>
/// <param name="Cut">Of those, cut by the picture's edge.</param>
/// <param name="CutFlagged">Cut numbers whose reading at their place was flagged.</param>
/// <param name="Misread">Written numbers not read exactly at their place.</param>
/// <param name="MisreadFlagged">Of those, the ones whose reading at their place was flagged.</param>
/// <param name="ExactFlagged">Numbers read exactly whose reading was flagged all the same.</param>
public sealed record EdgeFlagCounts(int Written, int Cut, int CutFlagged, int Misread, int MisreadFlagged, int ExactFlagged)
{
    public static readonly EdgeFlagCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>Adds one page: its truths, what was read, every detection and the picture's size.</summary>
    public EdgeFlagCounts Add(IReadOnlyList<LabeledBox> truths, IReadOnlyList<RecognizedNumber> read, IReadOnlyList<Detection> digits,
        int width, int height, int minDigits, double placeIoU)
    {
        var (written, cut, cutFlagged, misread, misreadFlagged, exactFlagged) = this;
        foreach (var number in WrittenNumbers.Of(truths, minDigits))
        {
            written++;
            var isCut = PictureEdge.Touched(number.Box, width, height) != PictureEdges.None;
            var atPlace = read.Where(r => r.Box.IoU(number.Box) >= placeIoU).MaxBy(r => r.Box.IoU(number.Box));
            var flagged = atPlace is not null && PictureEdge.Touched(atPlace, digits, width, height) != PictureEdges.None;
            var exact = atPlace?.Text == number.Text;
            cut += isCut ? 1 : 0;
            cutFlagged += isCut && flagged ? 1 : 0;
            misread += exact ? 0 : 1;
            misreadFlagged += !exact && flagged ? 1 : 0;
            exactFlagged += exact && flagged ? 1 : 0;
        }

        return new EdgeFlagCounts(written, cut, cutFlagged, misread, misreadFlagged, exactFlagged);
    }
}
