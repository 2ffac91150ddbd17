namespace DigitOcr.Inference.Live;

/// <summary>
/// The numbers in view once they are stable (<see cref="ReadingStabilizer"/>), reported when they first are and again
/// only when they change. <see cref="Reading"/> has the voted numbers in reading order, each with its own directory
/// lookup, and the best match (<see cref="PageReading.Match"/>); its <see cref="PageReading.Detection"/> is the
/// frame's own. An empty <see cref="PageReading.Readings"/> means the numbers reported before are gone.
/// </summary>
/// <param name="Frame">The index in the source of the frame on which the numbers became stable (0 is the first frame).</param>
/// <param name="Time">That frame's time from the start of the source.</param>
/// <param name="Reading">The voted numbers.</param>
/// <param name="History">For each of <see cref="PageReading.Readings"/>, when its number was first seen.</param>
public sealed record StableReading(long Frame, TimeSpan Time, PageReading Reading, IReadOnlyList<NumberHistory> History);

/// <summary>When a stable number was first seen, and how many frames were read from then until it was reported.</summary>
/// <param name="FirstFrame">The source index of the first frame the number was read on.</param>
/// <param name="FirstTime">That frame's time.</param>
/// <param name="FramesToStable">Frames read from the first sight to the report, both included (dropped frames not counted).</param>
public readonly record struct NumberHistory(long FirstFrame, TimeSpan FirstTime, int FramesToStable);
