using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Inference.Live;

/// <summary>
/// One number followed across frames: its readings on the frames of the last two windows, and the vote over them. A
/// reading joins the track whose last box it overlaps, or whose last text it repeats (<see cref="ReadingStabilizer"/>).
/// </summary>
internal sealed class NumberTrack(long firstFrame, TimeSpan firstTime, long firstSequence)
{
    /// <summary>Alternatives whose mean score is below this are not listed on a voted digit.</summary>
    private const float MinAlternativeScore = 0.01f;

    private readonly List<(long Sequence, RecognizedNumber Number)> readings = [];

    public long FirstFrame { get; } = firstFrame;

    public TimeSpan FirstTime { get; } = firstTime;

    /// <summary>The stabilizer's count of frames read when the track started.</summary>
    public long FirstSequence { get; } = firstSequence;

    /// <summary>The latest reading.</summary>
    public RecognizedNumber Last => readings[^1].Number;

    /// <summary>The number reported for this track, kept while the track is in view and no other reading replaces it.</summary>
    public RecognizedNumber? Stable { get; set; }

    /// <summary>Frames read from the track's start to its first stable vote, both included; 0 until then.</summary>
    public int FramesToStable { get; set; }

    public void Add(long sequence, RecognizedNumber number) => readings.Add((sequence, number));

    /// <summary>Forgets readings of frames before <paramref name="firstKept"/> (a stabilizer's count of frames read).</summary>
    public void Forget(long firstKept) => readings.RemoveAll(r => r.Sequence < firstKept);

    /// <summary>Readings kept.</summary>
    public int Count => readings.Count;

    /// <summary>Readings of frames from <paramref name="first"/> on.</summary>
    public int CountSince(long first) => readings.Count(r => r.Sequence >= first);

    /// <summary>
    /// The vote over the readings from frame <paramref name="first"/> on (the window): the most frequent digit count
    /// (ties: the latest reading's), then at each position the digit with the largest sum of scores (a reading's digit
    /// and its alternatives each cast their score). Null when fewer than <paramref name="minFrames"/> readings have
    /// that count. The vote is clear when at every position
    /// the winner has at least <paramref name="minAgreement"/> of the scores cast there and was the first reading on at
    /// least <paramref name="minFrames"/> of them (so that two lucky frames out of three cannot settle a flickering
    /// digit). The voted digits carry their mean score over those readings, the other digits as alternatives, and
    /// the latest reading's boxes.
    /// </summary>
    public TrackVote? Vote(long first, int minFrames, double minAgreement)
    {
        var window = readings.Where(r => r.Sequence >= first).ToList();
        if (window.Count == 0)
        {
            return null;
        }

        var length = window
            .GroupBy(r => r.Number.Digits.Count)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(r => r.Sequence))
            .First().Key;
        var voters = window.Where(r => r.Number.Digits.Count == length).Select(r => r.Number).ToList();
        if (voters.Count < minFrames)
        {
            return null;
        }

        var latest = voters[^1];
        var digits = new List<Detection>(length);
        var mass = new double[10];
        var clear = true;
        for (var position = 0; position < length; position++)
        {
            Array.Clear(mass);
            foreach (var voter in voters)
            {
                var digit = voter.Digits[position];
                Cast(mass, digit.Digit, digit.Score);
                foreach (var alternative in digit.Alternatives)
                {
                    Cast(mass, alternative.Digit, alternative.Score);
                }
            }

            var total = mass.Sum();
            var winner = Array.IndexOf(mass, mass.Max());
            clear &= total > 0 && mass[winner] / total >= minAgreement && voters.Count(v => v.Digits[position].Digit == winner) >= minFrames;
            var alternatives = Enumerable.Range(0, 10)
                .Where(d => d != winner && mass[d] / voters.Count >= MinAlternativeScore)
                .OrderByDescending(d => mass[d])
                .Select(d => new DigitAlternative(d, (float)(mass[d] / voters.Count)))
                .ToList();
            digits.Add(new Detection(winner, (float)(mass[winner] / voters.Count), latest.Digits[position].Box) { Alternatives = alternatives });
        }

        return new TrackVote(RecognizedNumber.FromDigits(digits, latest.Line), voters.Count, clear);
    }

    /// <summary>
    /// Whether the readings from frame <paramref name="first"/> on still see <paramref name="reported"/>: at least
    /// <paramref name="minFrames"/> of them have its digit count and, at each position where <paramref name="other"/>
    /// differs from it, read its digit first.
    /// </summary>
    public bool Supports(RecognizedNumber reported, RecognizedNumber other, long first, int minFrames)
    {
        var same = readings.Where(r => r.Sequence >= first && r.Number.Digits.Count == reported.Digits.Count).Select(r => r.Number).ToList();
        if (same.Count < minFrames)
        {
            return false;
        }

        if (other.Digits.Count != reported.Digits.Count)
        {
            return true;
        }

        for (var position = 0; position < reported.Digits.Count; position++)
        {
            var digit = reported.Digits[position].Digit;
            if (other.Digits[position].Digit != digit && same.Count(r => r.Digits[position].Digit == digit) < minFrames)
            {
                return false;
            }
        }

        return true;
    }

    private static void Cast(double[] mass, int digit, float score)
    {
        if (digit is >= 0 and <= 9 && float.IsFinite(score) && score > 0)
        {
            mass[digit] += score;
        }
    }
}

/// <summary>A track's vote: the voted number, how many readings voted, and whether every digit was clearly agreed on.</summary>
internal readonly record struct TrackVote(RecognizedNumber Number, int Voters, bool IsClear);
