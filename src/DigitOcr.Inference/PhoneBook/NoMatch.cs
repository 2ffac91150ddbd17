namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// No entry was accepted. <see cref="Closest"/> holds the closest candidates, best first (ties in file order): the
/// best and every other within <see cref="LookupOptions.Margin"/> of it. For <see cref="NoMatchReason.Ambiguous"/>
/// these are the tied entries; for <see cref="NoMatchReason.AmbiguousReading"/> the exact entry (distance 0),
/// then the entries the read's alternatives make; for <see cref="NoMatchReason.TooFar"/> the nearest ones; for
/// <see cref="NoMatchReason.NoCandidates"/> none.
/// </summary>
public sealed record NoMatch(NoMatchReason Reason, IReadOnlyList<DirectoryCandidate> Closest) : LookupResult;
