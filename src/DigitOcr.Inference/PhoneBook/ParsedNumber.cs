namespace DigitOcr.Inference.PhoneBook;

/// <summary>A parsed phone field: the packed number, or the problem (then <see cref="Key"/> is 0); the digits counted.</summary>
internal readonly record struct ParsedNumber(DirectoryProblemKind? Problem, int DigitCount, long Key);
