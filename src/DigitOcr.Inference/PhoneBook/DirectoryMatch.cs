namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// The read number is <see cref="Entry"/>: exactly (<see cref="IsExact"/>, distance 0), or after correcting one
/// digit at the cost <see cref="Distance"/>. <see cref="RunnerUpDistance"/> is the next candidate's distance, if
/// there was one (an exact match is accepted without looking for others).
/// </summary>
public sealed record DirectoryMatch(DirectoryEntry Entry, float Distance, bool IsExact, float? RunnerUpDistance) : LookupResult;
