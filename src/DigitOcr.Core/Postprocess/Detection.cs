using DigitOcr.Boxes;

namespace DigitOcr.Postprocess;

/// <summary>Another reading of a detected box: a digit 0-9 and its probability.</summary>
public readonly record struct DigitAlternative(int Digit, float Score);

/// <summary>
/// A detected digit: the digit 0-9, its score (probability) and its box in pixels (corner form), with the other
/// digits the box may be, best first (<see cref="Alternatives"/>; empty when only the detector has looked at it).
/// </summary>
public readonly record struct Detection(int Digit, float Score, Box Box)
{
    private readonly IReadOnlyList<DigitAlternative>? alternatives;

    /// <summary>Other readings of the box, best first, excluding <see cref="Digit"/>; empty when none are known.</summary>
    public IReadOnlyList<DigitAlternative> Alternatives
    {
        get => alternatives ?? [];
        init => alternatives = value;
    }

    /// <summary>Equal when digit, score, box and every alternative are (alternatives compared in order, not by reference).</summary>
    public bool Equals(Detection other) =>
        Digit == other.Digit && Score.Equals(other.Score) && Box == other.Box && Alternatives.SequenceEqual(other.Alternatives);

    public override int GetHashCode() => HashCode.Combine(Digit, Score, Box, Alternatives.Count);
}
