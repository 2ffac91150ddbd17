namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// One person of a phone directory: the name as written, the number normalised to digits (see
/// <see cref="PhoneNumberOptions"/>; <c>+1 (555) 123-4567</c> is <c>5551234567</c>) and the 1-based line of the
/// file it came from.
/// </summary>
public sealed record DirectoryEntry(string Name, string Number, long LineNumber);
