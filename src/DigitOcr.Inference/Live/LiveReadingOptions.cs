namespace DigitOcr.Inference.Live;

/// <summary>
/// When a number seen on successive frames counts as read (<see cref="ReadingStabilizer"/>). Counts are in frames
/// read (frames dropped to keep up are not counted). <see cref="Validate"/> lists every value out of range.
/// </summary>
public sealed record LiveReadingOptions
{
    /// <summary>
    /// How many of the latest frames read vote on a number; older readings are forgotten. A number whose digits never
    /// agree clearly is reported once a whole window has voted, with its doubtful digits' alternatives.
    /// </summary>
    public int Window { get; init; } = 8;

    /// <summary>
    /// A number is reported only once it was read, with the same digit count, on at least this many frames of the
    /// window, and each of its digits was read first on at least this many; it stays reported while it is read on
    /// this many. At most <see cref="Window"/>.
    /// </summary>
    public int MinFrames { get; init; } = 3;

    /// <summary>
    /// At every digit position, the winning digit's share of all the scores cast at that position (each frame's digit
    /// score and its alternatives' scores) must reach this for the number to be reported: 0.6 takes a digit read as 1
    /// on three frames and as 7 on two at equal scores, and waits on a 50/50 split.
    /// </summary>
    public double MinAgreement { get; init; } = 0.6;

    /// <summary>
    /// A number on a new frame continues the number of an earlier frame whose box overlaps it at least this much
    /// (intersection over union), or that reads the same text anywhere on the frame (the paper moved).
    /// </summary>
    public double MatchIoU { get; init; } = 0.3;

    /// <summary>Every value out of range, each naming its field and the allowed range; empty when all are fine.</summary>
    public IEnumerable<string> Validate()
    {
        if (Window is < 1 or > 1000)
        {
            yield return $"live.window must be from 1 to 1000 frames, got {Window}";
        }

        if (MinFrames < 1 || MinFrames > Window)
        {
            yield return $"live.minFrames must be from 1 to live.window ({Window}), got {MinFrames}";
        }

        if (!(MinAgreement is > 0 and <= 1))
        {
            yield return $"live.minAgreement must be in (0, 1], got {MinAgreement}";
        }

        if (!(MatchIoU is > 0 and <= 1))
        {
            yield return $"live.matchIoU must be in (0, 1], got {MatchIoU}";
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <see cref="Validate"/>.</summary>
    internal void ThrowIfInvalid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"live reading options have {problems.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
