namespace DigitOcr.Evaluation;

/// <summary>
/// A lookup that named the wrong person: what was written there (null for a number read where none is written), what
/// was read, and the entry it matched, exactly or at <paramref name="Distance"/>.
/// </summary>
public sealed record WrongPerson(string? Written, string Read, string Named, float Distance, bool IsExact);
