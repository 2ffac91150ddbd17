using DigitOcr.Inference.PhoneBook;
using DigitOcr.Reading;

namespace DigitOcr.Inference.Live;

/// <summary>
/// Turns the readings of successive frames into stable readings: a number is reported once it reads the same over
/// several frames, and again only when it changes. Each number is followed across frames (by box overlap, or by its
/// text when the paper moved); over the last <see cref="LiveReadingOptions.Window"/> frames its readings vote, per
/// digit position, with each digit's score and its alternatives' scores (<see cref="NumberTrack.Vote"/>).
/// <list type="bullet">
/// <item>A number is first reported when the vote is clear (every digit agreed on by
/// <see cref="LiveReadingOptions.MinFrames"/> frames and <see cref="LiveReadingOptions.MinAgreement"/> of the scores),
/// or, when a digit keeps flickering, once a whole window of frames has voted: then with the best digit, whose score
/// and alternatives say how doubtful it is (and the directory lookup weighs them).</item>
/// <item>A reported number changes only for another clear vote once the reported reading is out of sight (its digits,
/// where the two differ, read first on fewer than MinFrames frames): out of the window for another number, out of
/// the last two windows for a correction of a digit or two (at most a third of them), so that a digit read one way and
/// the other about as often does not flip the report back and forth. It stays reported while it is in view, even
/// through frames where the vote is split; it is gone once it was read on fewer than MinFrames frames of the window,
/// and reported anew if it comes back.</item>
/// </list>
/// Voted numbers are looked up in the directory with their voted scores and alternatives, together as a page's are
/// (<see cref="PhoneDirectory.LookupReadings"/>: two neighbours split where a digit was missed are read as one). Not
/// thread-safe: one stabilizer per stream of frames.
/// </summary>
public sealed class ReadingStabilizer
{
    private readonly PhoneDirectory? directory;
    private readonly List<NumberTrack> tracks = [];
    private IReadOnlyList<string> reportedTexts = [];

    /// <exception cref="ArgumentException">Some option is out of range; the message names each one and its value.</exception>
    public ReadingStabilizer(LiveReadingOptions? options = null, PhoneDirectory? directory = null)
    {
        Options = options ?? new LiveReadingOptions();
        Options.ThrowIfInvalid();
        this.directory = directory;
    }

    public LiveReadingOptions Options { get; }

    /// <summary>Frames added so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>The last stable reading returned by <see cref="Add"/>; null before the first.</summary>
    public StableReading? Current { get; private set; }

    /// <summary>
    /// Adds the reading of one frame (frames in the order they were read); returns a <see cref="StableReading"/> when
    /// the stable numbers changed with it (a number became stable, changed, or left), otherwise null.
    /// </summary>
    /// <param name="frame">The frame's index in its source.</param>
    /// <param name="time">The frame's time from the start of its source.</param>
    /// <param name="reading">What was read on the frame.</param>
    public StableReading? Add(long frame, TimeSpan time, PageReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var sequence = ++FramesRead;
        Follow(frame, time, sequence, reading.Numbers);

        // The window votes; the two windows before now decide whether a digit or two of a reported number changed.
        var window = sequence - Options.Window + 1;
        var memory = sequence - (2 * Options.Window) + 1;
        foreach (var track in tracks)
        {
            track.Forget(memory);
        }

        // Out of view long enough: a reported number has left (if it comes back, it is new); others fade out.
        tracks.RemoveAll(t => t.Count == 0 || (t.Stable is not null && t.CountSince(window) < Options.MinFrames));
        foreach (var track in tracks)
        {
            if (track.CountSince(window) < Options.MinFrames || track.Vote(window, Options.MinFrames, Options.MinAgreement) is not { } vote)
            {
                continue;
            }

            // First report: a clear vote, or, for a digit that keeps flickering, the best reading once a whole window
            // has voted (its doubt stays in the digit's score and alternatives). A reported number changes only for a
            // clear vote of another reading once the reported one is out of sight: out of the window for a different
            // number, out of both windows for a digit or two, so that a digit read one way and the other about as
            // often does not flip the report back and forth.
            var first = track.Stable is null && (vote.IsClear || vote.Voters >= Options.Window);
            var same = track.Stable is { } reported && vote.Number.Text == reported.Text;
            var changed = track.Stable is { } current && !same && vote.IsClear
                && !track.Supports(current, vote.Number, Corrects(current, vote.Number) ? memory : window, Options.MinFrames);
            if (first || (same && vote.IsClear) || changed)
            {
                if (track.FramesToStable == 0)
                {
                    track.FramesToStable = (int)(sequence - track.FirstSequence + 1);
                }

                track.Stable = vote.Number;
            }
        }

        var stable = tracks.Where(t => t.Stable is not null)
            .OrderBy(t => t.Stable!.Line).ThenBy(t => t.Stable!.Box.X1)
            .ToList();
        var texts = stable.Select(t => t.Stable!.Text).ToList();
        if (texts.SequenceEqual(reportedTexts, StringComparer.Ordinal))
        {
            return null;
        }

        reportedTexts = texts;
        var (readings, history) = LookUp(stable, reading.Detection);
        Current = new StableReading(frame, time, new PageReading(reading.Detection, readings), history);
        return Current;
    }

    /// <summary>
    /// The stable numbers (in reading order) looked up together, as <see cref="PageReader"/> looks up a page's: two
    /// neighbours that together are one entry become one reading, first seen when the first of them was.
    /// </summary>
    private (List<NumberReading> Readings, List<NumberHistory> History) LookUp(List<NumberTrack> stable, DetectionResult detection)
    {
        var readings = new List<NumberReading>(stable.Count);
        var history = new List<NumberHistory>(stable.Count);
        if (directory is null)
        {
            readings.AddRange(stable.Select(t => NumberReading.InPicture(t.Stable!, null, detection)));
            history.AddRange(stable.Select(t => new NumberHistory(t.FirstFrame, t.FirstTime, t.FramesToStable)));
            return (readings, history);
        }

        var next = 0;
        foreach (var found in directory.LookupReadings(stable.Select(t => t.Stable!).ToList()))
        {
            var tracks = stable.GetRange(next, found.NumbersJoined);
            next += found.NumbersJoined;
            // A joined reading was seen first when its first part was, and became stable when its last part did.
            var first = tracks.MinBy(t => t.FirstSequence)!;
            var stableAt = tracks.Max(t => t.FirstSequence + t.FramesToStable - 1);
            readings.Add(NumberReading.InPicture(found.Reading, found.Result, detection));
            history.Add(new NumberHistory(first.FirstFrame, first.FirstTime, (int)(stableAt - first.FirstSequence + 1)));
        }

        return (readings, history);
    }

    /// <summary>Whether <paramref name="other"/> corrects a digit or two of <paramref name="reported"/> (same length, at most a third of the digits differ) rather than being another number.</summary>
    private static bool Corrects(RecognizedNumber reported, RecognizedNumber other) =>
        reported.Text.Length == other.Text.Length
        && 3 * reported.Text.Zip(other.Text).Count(p => p.First != p.Second) <= reported.Text.Length;

    /// <summary>
    /// Adds each number to the track it continues: the best box overlaps first (one number per track), then the same
    /// text among the tracks left; the others start new tracks.
    /// </summary>
    private void Follow(long frame, TimeSpan time, long sequence, IReadOnlyList<RecognizedNumber> numbers)
    {
        var taken = new bool[tracks.Count];
        var placed = new bool[numbers.Count];
        var pairs = new List<(int Number, int Track, float IoU)>();
        for (var n = 0; n < numbers.Count; n++)
        {
            for (var t = 0; t < tracks.Count; t++)
            {
                var iou = numbers[n].Box.IoU(tracks[t].Last.Box);
                if (iou >= Options.MatchIoU)
                {
                    pairs.Add((n, t, iou));
                }
            }
        }

        foreach (var (n, t, _) in pairs.OrderByDescending(p => p.IoU))
        {
            if (!placed[n] && !taken[t])
            {
                (placed[n], taken[t]) = (true, true);
                tracks[t].Add(sequence, numbers[n]);
            }
        }

        for (var n = 0; n < numbers.Count; n++)
        {
            if (placed[n])
            {
                continue;
            }

            var same = Enumerable.Range(0, taken.Length)
                .FirstOrDefault(t => !taken[t] && (tracks[t].Last.Text == numbers[n].Text || tracks[t].Stable?.Text == numbers[n].Text), -1);
            if (same >= 0)
            {
                (placed[n], taken[same]) = (true, true);
                tracks[same].Add(sequence, numbers[n]);
                continue;
            }

            var track = new NumberTrack(frame, time, sequence);
            track.Add(sequence, numbers[n]);
            tracks.Add(track);
        }
    }
}
