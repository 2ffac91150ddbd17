namespace DigitOcr.Inference.Live;

/// <summary>Which frames of a video source reach the reader.</summary>
public enum FramePolicy
{
    /// <summary>
    /// The newest frame, whenever the reader is ready; frames that came in the meantime are dropped, so the reading
    /// never falls behind. A file plays at its own frame rate, as a camera would deliver it.
    /// </summary>
    Latest,

    /// <summary>Every frame, in order, as fast as the reader takes them (for files: nothing is dropped, nothing waits for the clock).</summary>
    Every,
}
