namespace DigitOcr.Inference.PhoneBook;

/// <summary>Why a read number matched no directory entry.</summary>
public enum NoMatchReason
{
    /// <summary>No entry is within one edit of the read (or the directory is empty).</summary>
    NoCandidates,

    /// <summary>The closest entries are within one edit, but that edit costs more than <see cref="LookupOptions.MaxDistance"/>.</summary>
    TooFar,

    /// <summary>Two or more entries are closest within <see cref="LookupOptions.Margin"/> of each other.</summary>
    Ambiguous,

    /// <summary>
    /// The read is one entry exactly, but a doubtful digit's alternative (<see cref="Postprocess.Detection.Alternatives"/>)
    /// makes it another entry, at a cost within <see cref="LookupOptions.Margin"/>: the reader could not tell
    /// which of the two people's numbers it saw. <see cref="NoMatch.Closest"/> holds the exact entry first.
    /// </summary>
    AmbiguousReading,

    /// <summary>
    /// One entry is within one edit, but the directory holds so many numbers of about the read's length that a read
    /// with two or more errors would often land that close to someone (<see cref="LookupOptions.MaxCrowding"/>), and
    /// the correction was not one the reader itself doubted (it costs more than
    /// <see cref="LookupOptions.CrowdedMaxDistance"/>). <see cref="NoMatch.Closest"/> holds that entry.
    /// </summary>
    Crowded,

    /// <summary>
    /// One entry would be named only by correcting the read (it is not exactly an entry), but the read is too unsure
    /// for a correction to be trusted: its digits' scores average (geometrically, <see cref="Reading.RecognizedNumber.Score"/>)
    /// below <see cref="LookupOptions.MinCorrectedScore"/>. <see cref="NoMatch.Closest"/> holds that entry.
    /// </summary>
    UnsureRead,
}
