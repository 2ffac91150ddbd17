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
}
