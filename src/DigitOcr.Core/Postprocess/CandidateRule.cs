namespace DigitOcr.Postprocess;

/// <summary>Which priors become candidate detections before NMS (<see cref="DetectionPostprocessor"/>).</summary>
public enum CandidateRule
{
    /// <summary>
    /// The reference's: a prior whose most probable class is a digit, scoring at least the threshold. A digit the
    /// network is unsure of loses to background and is never seen again.
    /// </summary>
    ArgMax,

    /// <summary>
    /// A prior where some digit is likely, <c>1 - p(background)</c> at least the threshold, read as its most probable
    /// digit (scored by that digit's probability, as with <see cref="ArgMax"/>). More candidates, some of them junk:
    /// for a second stage that checks every box (the recognizer), not for the detector alone.
    /// </summary>
    Presence,
}
