using DigitOcr.Imaging;

namespace DigitOcr.Inference.Live;

/// <summary>
/// One frame read by <see cref="LiveReader.ReadFramesAsync"/>: what was read on it, and the stable reading it
/// produced, if the stable numbers changed with it.
/// </summary>
/// <param name="Index">The frame's index in its source.</param>
/// <param name="Time">The frame's time from the start of its source.</param>
/// <param name="Image">
/// The frame. Borrowed: it belongs to the reader and is disposed when the enumeration moves on; clone it to keep it.
/// </param>
/// <param name="Reading">What was read on this frame alone.</param>
/// <param name="Stable">The new stable reading when this frame changed the stable numbers; otherwise null.</param>
public sealed record LiveFrame(long Index, TimeSpan Time, Image Image, PageReading Reading, StableReading? Stable);
