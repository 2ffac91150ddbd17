namespace DigitOcr.Reading;

/// <summary>
/// A shape a number may have, for <see cref="NumberReaderOptions.Formats"/>: an exact digit count
/// (<see cref="Length"/>), a regular expression over the digits (<see cref="Pattern"/>), or both (then both must
/// hold). The pattern is matched against the whole digit string (it is anchored for you), without separators:
/// <c>[2-9]\d{9}</c> is a North American number, <c>0\d{9}</c> a national number starting with 0.
/// </summary>
public sealed record NumberFormat
{
    /// <summary>A name for messages and results, e.g. "national"; the length or pattern when not given.</summary>
    public string? Name { get; init; }

    /// <summary>The exact number of digits, or null for any.</summary>
    public int? Length { get; init; }

    /// <summary>A .NET regular expression the whole digit string must match, or null for any.</summary>
    public string? Pattern { get; init; }

    /// <summary>Exactly <paramref name="digits"/> digits.</summary>
    public static NumberFormat OfLength(int digits, string? name = null) => new() { Length = digits, Name = name };

    /// <summary>Digit strings matching <paramref name="pattern"/> as a whole.</summary>
    public static NumberFormat Matching(string pattern, string? name = null) => new() { Pattern = pattern, Name = name };

    public override string ToString() => Name ?? (Length, Pattern) switch
    {
        ({ } length, null) => $"{length} digits",
        (null, { } pattern) => $"/{pattern}/",
        ({ } length, { } pattern) => $"{length} digits /{pattern}/",
        _ => "any digits",
    };
}
