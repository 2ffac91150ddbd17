using DigitOcr.Boxes;
using DigitOcr.Inference;
using DigitOcr.Inference.Live;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Live;

/// <summary>
/// The stable reading on synthetic frames (no model): what each frame read is written out digit by digit, with its
/// scores, alternatives and place, and the stabilizer says when the numbers in view are reported.
/// </summary>
public class ReadingStabilizerTests
{
    private static readonly LiveReadingOptions Options = new() { Window = 8, MinFrames = 3, MinAgreement = 0.6 };

    [Fact]
    public void ANumberReadOnEveryFrame_IsReportedOnce_OnItsThirdFrame()
    {
        var stabilizer = new ReadingStabilizer(Options);
        var reports = Feed(stabilizer, Enumerable.Repeat(Frame(("5551234567", 100)), 10));

        var (frame, stable) = Assert.Single(reports);
        Assert.Equal(2, frame);
        Assert.Equal(["5551234567"], stable.Reading.Numbers.Select(n => n.Text));
        Assert.Equal(new NumberHistory(0, TimeSpan.Zero, 3), Assert.Single(stable.History));
    }

    [Fact]
    public void ANumberSeenOnTwoFrames_IsNotReported()
    {
        var stabilizer = new ReadingStabilizer(Options);
        var reports = Feed(stabilizer, [Frame(("5551234567", 100)), Frame(("5551234567", 100)), Frame(), Frame(), Frame()]);
        Assert.Empty(reports);
    }

    [Fact]
    public void AFlickeringDigit_IsVotedByItsScores_AndTheMajorityIsReported()
    {
        // The first digit reads 5, 8, 5, 5, 8, 5: a 5 by three frames of four, scores alike.
        var stabilizer = new ReadingStabilizer(Options);
        var frames = new[] { "5551234567", "8551234567", "5551234567", "5551234567", "8551234567", "5551234567" }.Select(t => Frame((t, 100)));

        var reports = Feed(stabilizer, frames);

        var (frame, stable) = Assert.Single(reports);
        Assert.Equal(3, frame);
        var number = Assert.Single(stable.Reading.Numbers);
        Assert.Equal("5551234567", number.Text);
        var first = number.Digits[0];
        Assert.Equal(0.9f * 3 / 4, first.Score, 4);
        var alternative = Assert.Single(first.Alternatives);
        Assert.Equal(8, alternative.Digit);
        Assert.Equal(0.9f / 4, alternative.Score, 5);
    }

    [Fact]
    public void TwoLuckyFramesOfThree_DoNotSettleAFlickeringDigit()
    {
        // 8, 8, 5 would pass a plain 60% vote (1.6 of 2.5); the 8 must also come first on three frames.
        var stabilizer = new ReadingStabilizer(Options);
        // The 8s even score a little lower, so that a plain vote of the first three frames would have settled on 8.
        var reports = Feed(stabilizer, [
            Frame(new Written("8551234567", Score: 0.8f)), Frame(new Written("8551234567", Score: 0.8f)),
            Frame(("5551234567", 100)), Frame(("5551234567", 100)), Frame(("5551234567", 100))]);

        var (frame, stable) = Assert.Single(reports);
        Assert.Equal("5551234567", Assert.Single(stable.Reading.Numbers).Text);
        Assert.Equal(4, frame);
    }

    [Fact]
    public void ADigitThatKeepsFlickering_IsReportedOnceAWholeWindowVoted_WithItsDoubtInItsScores_AndNotAgain()
    {
        // 5 at 0.8 and 8 at 0.9 in turn: neither ever has 60% of the scores. After 8 frames (the window) the number
        // is reported with the better of the two, 8 (3.6 to 3.2), scored 0.45 and 5 as its alternative at 0.4.
        var stabilizer = new ReadingStabilizer(Options);
        var reports = Feed(stabilizer, Enumerable.Range(0, 16).Select(i => Frame(i % 2 == 0 ? new Written("5551234567", Score: 0.8f) : new Written("8551234567"))));

        var (frame, stable) = Assert.Single(reports);
        Assert.Equal(7, frame);
        var number = Assert.Single(stable.Reading.Numbers);
        Assert.Equal("8551234567", number.Text);
        Assert.Equal(0.45f, number.Digits[0].Score, 5);
        var alternative = Assert.Single(number.Digits[0].Alternatives);
        Assert.Equal((5, 0.4f), (alternative.Digit, alternative.Score), new ToleranceComparer());
        Assert.Equal(8, stable.History[0].FramesToStable);
    }

    [Fact]
    public void AReportedNumber_ChangesOnlyForAClearVote()
    {
        // 5551234567 reported; then its first digit flickers 5/8: never a clear 8, so nothing new is reported.
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Repeat(Frame(("5551234567", 100)), 4)
            .Concat(Enumerable.Range(0, 12).Select(i => Frame((i % 2 == 0 ? "8551234567" : "5551234567", 100))));

        var reports = Feed(stabilizer, frames);

        Assert.Equal("5551234567", Assert.Single(Assert.Single(reports).Stable.Reading.Numbers).Text);
    }

    [Fact]
    public void Alternatives_CastTheirScores()
    {
        // The last digit reads 1 at 0.45 with 7 at 0.40, then 7 at 0.5 with 1 at 0.45: 1 has 0.45 x 4 + 0.45 x 2,
        // 7 has 0.4 x 4 + 0.5 x 2; 1 wins (2.7 to 2.6) on the scores alone, yet short of 60%: nothing is reported.
        var stabilizer = new ReadingStabilizer(Options);
        var one = Frame(new Written("5551234561", LastDigit: (1, 0.45f, 7, 0.40f)));
        var seven = Frame(new Written("5551234567", LastDigit: (7, 0.5f, 1, 0.45f)));
        Assert.Empty(Feed(stabilizer, [one, seven, one, seven, one, one]));

        // With the 7 far behind as an alternative of every 1, the 1 is read.
        var sure = new ReadingStabilizer(Options);
        var reports = Feed(sure, Enumerable.Repeat(Frame(new Written("5551234561", LastDigit: (1, 0.8f, 7, 0.1f))), 3));
        var digit = Assert.Single(reports).Stable.Reading.Numbers[0].Digits[^1];
        Assert.Equal(1, digit.Digit);
        var alternative = Assert.Single(digit.Alternatives);
        Assert.Equal(7, alternative.Digit);
        Assert.Equal(0.1f, alternative.Score, 5);
    }

    [Fact]
    public void ANumberThatChanges_IsReportedAgain_AndOnlyThen()
    {
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Repeat(Frame(("5551234567", 100)), 6).Concat(Enumerable.Repeat(Frame(("8006490213", 100)), 10));

        var reports = Feed(stabilizer, frames);

        Assert.Equal(["5551234567", "8006490213"], reports.Select(r => Assert.Single(r.Stable.Reading.Numbers).Text));
    }

    [Fact]
    public void ADigitReadOneWayAndTheOtherInRuns_DoesNotFlipTheReport()
    {
        // The first digit in runs of five: 5, then 8, then 5 again... Each run makes a clear vote (five of eight,
        // 62%), but the reported 5 is still read first on three frames of the window when the 8s win: no flip.
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Range(0, 40).Select(i => Frame(((i / 5) % 2 == 0 ? "5551234567" : "8551234567", 100)));

        var reports = Feed(stabilizer, frames);

        Assert.Equal("5551234567", Assert.Single(Assert.Single(reports).Stable.Reading.Numbers).Text);
    }

    [Fact]
    public void ANewNumberInPlaceOfTheOld_IsReportedOnceTheOldIsOutOfSight()
    {
        // B replaces A in the same place: B's vote is clear after five frames, reported after six, when A is read on
        // only two frames of the window.
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Repeat(Frame(("5551234567", 100)), 8).Concat(Enumerable.Repeat(Frame(("8006490213", 100)), 8));

        var reports = Feed(stabilizer, frames);

        Assert.Equal([2L, 13], reports.Select(r => r.Frame));
    }

    [Fact]
    public void AReportedDigit_IsCorrected_OnceTheOtherReadingHeldForTwoWindows()
    {
        // Four frames read 5551234567, then the first digit reads 8 for good: a correction of one digit waits until
        // the 5 is out of the last two windows (16 frames), then the 8 is reported.
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Repeat(Frame(("5551234567", 100)), 4).Concat(Enumerable.Repeat(Frame(("8551234567", 100)), 20));

        var reports = Feed(stabilizer, frames);

        Assert.Equal([(2L, "5551234567"), (17, "8551234567")], reports.Select(r => (r.Frame, Assert.Single(r.Stable.Reading.Numbers).Text)));
    }

    [Fact]
    public void ANumberThatLeaves_IsReportedGone_AndWhenItComesBack_ReportedAgain()
    {
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Repeat(Frame(("5551234567", 100)), 5)
            .Concat(Enumerable.Repeat(Frame(), 8))
            .Concat(Enumerable.Repeat(Frame(("5551234567", 100)), 5));

        var reports = Feed(stabilizer, frames);

        Assert.Equal([2, 10, 15], reports.Select(r => r.Frame));
        Assert.Equal([1, 0, 1], reports.Select(r => r.Stable.Reading.Numbers.Count));
        Assert.Equal(13, reports[2].Stable.History[0].FirstFrame);
    }

    [Fact]
    public void AFrameOrTwoWithoutTheNumber_DoNotMakeItLeave()
    {
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Repeat(Frame(("5551234567", 100)), 5)
            .Concat([Frame(), Frame()])
            .Concat(Enumerable.Repeat(Frame(("5551234567", 100)), 5));

        Assert.Single(Feed(stabilizer, frames));
    }

    [Fact]
    public void PaperThatJumps_KeepsItsNumber_ByText()
    {
        // The number moves 300 px between frames (no overlap at all): the same text continues the same number.
        var stabilizer = new ReadingStabilizer(Options);
        var frames = Enumerable.Range(0, 10).Select(i => Frame(("5551234567", i % 2 == 0 ? 100f : 400f)));

        var reports = Feed(stabilizer, frames);

        Assert.Single(reports);
    }

    [Fact]
    public void TwoNumbers_AreReportedInReadingOrder_EachFollowedOnItsOwn()
    {
        var stabilizer = new ReadingStabilizer(Options);
        var reports = Feed(stabilizer, Enumerable.Repeat(Frame(("8006490213", 300), ("5551234567", 100)), 5));

        var (_, stable) = Assert.Single(reports);
        Assert.Equal(["5551234567", "8006490213"], stable.Reading.Numbers.Select(n => n.Text));
        Assert.Equal(2, stable.History.Count);
    }

    [Fact]
    public void VotedNumbers_AreLookedUpInTheDirectory()
    {
        var builder = new PhoneDirectoryBuilder();
        builder.Add("Ada Lovelace", "555-123-4567", 2);
        var stabilizer = new ReadingStabilizer(Options, builder.Build());

        var reports = Feed(stabilizer, Enumerable.Repeat(Frame(("5551234567", 100)), 3));

        var stable = Assert.Single(reports).Stable;
        Assert.Equal("Ada Lovelace", stable.Reading.Match?.Entry.Name);
        Assert.Equal("Ada Lovelace", Assert.Single(stable.Reading.Readings).Match?.Entry.Name);
    }

    [Fact]
    public void TwoNeighboursSplitWhereADigitWasMissed_AreReportedAsTheOneEntryTheyMake()
    {
        var builder = new PhoneDirectoryBuilder();
        builder.Add("Ada Lovelace", "555-123-4567", 2);
        var stabilizer = new ReadingStabilizer(Options, builder.Build());
        // 55512 | 4567 on one line, a blank of two digits between them where the "3" was missed.
        var frame = Frame(new Written("55512"), new Written("4567", X: 100 + (7 * 32)));

        var reports = Feed(stabilizer, Enumerable.Repeat(frame, 3));

        var stable = Assert.Single(reports).Stable;
        var reading = Assert.Single(stable.Reading.Readings);
        Assert.Equal("555124567", reading.Number.Text);
        Assert.Equal("Ada Lovelace", reading.Match?.Entry.Name);
        Assert.Equal(new NumberHistory(0, TimeSpan.Zero, 3), Assert.Single(stable.History));
    }

    [Fact]
    public void TheReadingCarriesTheFramesOwnDetections_AndItsIndexAndTime()
    {
        var stabilizer = new ReadingStabilizer(Options);
        StableReading? stable = null;
        for (var i = 0; i < 3; i++)
        {
            stable = stabilizer.Add(40 + (2 * i), TimeSpan.FromSeconds(i), Frame(("5551234567", 100)));
        }

        Assert.NotNull(stable);
        Assert.Equal(44, stable.Frame);
        Assert.Equal(TimeSpan.FromSeconds(2), stable.Time);
        Assert.Equal(10, stable.Reading.Detection.Digits.Count);
        Assert.Same(stable, stabilizer.Current);
        Assert.Equal(3, stabilizer.FramesRead);
    }

    [Fact]
    public void Options_OutOfRange_AreAllReported()
    {
        var problems = new LiveReadingOptions { Window = 0, MinFrames = 5, MinAgreement = 1.5, MatchIoU = 0 }.Validate().ToList();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("live.window", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("live.minFrames", StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new ReadingStabilizer(new LiveReadingOptions { MinFrames = 9 }));
        Assert.Contains("live.minFrames must be from 1 to live.window (8), got 9", error.Message);
    }

    /// <summary>The frames fed in order (index = position); the stable readings returned, with their frame.</summary>
    private static List<(long Frame, StableReading Stable)> Feed(ReadingStabilizer stabilizer, IEnumerable<PageReading> frames)
    {
        var reports = new List<(long, StableReading)>();
        var index = 0L;
        foreach (var frame in frames)
        {
            if (stabilizer.Add(index, TimeSpan.FromSeconds(index / 30.0), frame) is { } stable)
            {
                reports.Add((index, stable));
            }

            index++;
        }

        return reports;
    }

    /// <summary>A frame reading these numbers.</summary>
    private static PageReading Frame(params Written[] numbers)
    {
        var readings = new List<NumberReading>();
        var all = new List<Detection>();
        foreach (var number in numbers)
        {
            var digits = number.Text.Select((c, i) => new Detection(c - '0', number.Score, Box.FromCenter(number.X + (i * 32), number.Y, 26, 40))).ToList();
            if (number.LastDigit is { } last)
            {
                digits[^1] = digits[^1] with { Digit = last.Digit, Score = last.Score, Alternatives = [new DigitAlternative(last.Alternative, last.AlternativeScore)] };
            }

            all.AddRange(digits);
            readings.Add(new NumberReading(RecognizedNumber.FromDigits(digits, line: (int)(number.Y / 100)), null));
        }

        readings.Sort((a, b) => a.Number.Line.CompareTo(b.Number.Line));
        return new PageReading(new DetectionResult(640, 480, all, 1.0), readings);
    }

    /// <summary>A number as a frame reads it: written left to right from <paramref name="X"/> at height <paramref name="Y"/>, every digit at <paramref name="Score"/>, the last one possibly replaced.</summary>
    private sealed record Written(string Text, float Y = 100, float Score = 0.9f, (int Digit, float Score, int Alternative, float AlternativeScore)? LastDigit = null, float X = 100)
    {
        public static implicit operator Written((string Text, float Y) number) => new(number.Text, number.Y);
    }

    private sealed class ToleranceComparer : IEqualityComparer<(int Digit, float Score)>
    {
        public bool Equals((int Digit, float Score) x, (int Digit, float Score) y) => x.Digit == y.Digit && Math.Abs(x.Score - y.Score) < 1e-5;

        public int GetHashCode((int Digit, float Score) obj) => obj.Digit;
    }
}
