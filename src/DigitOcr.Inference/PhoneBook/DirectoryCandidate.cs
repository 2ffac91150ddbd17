namespace DigitOcr.Inference.PhoneBook;

/// <summary>An entry considered for a read number, with its <see cref="WeightedEditDistance"/> from the read.</summary>
public sealed record DirectoryCandidate(DirectoryEntry Entry, float Distance);
