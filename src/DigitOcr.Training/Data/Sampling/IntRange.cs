using DigitOcr.Training;

namespace DigitOcr.Data.Sampling;

/// <summary>A range of integers to draw from, both ends included, <c>{ "min": 1, "max": 14 }</c> in JSON.</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value; at least <paramref name="Min"/>.</param>
public readonly record struct IntRange(int Min, int Max)
{
    /// <summary>
    /// Null when the range is not inverted and inside [<paramref name="lowest"/>, <paramref name="highest"/>]; else a
    /// problem naming <paramref name="name"/> (a <c>nameof</c>) and the allowed range.
    /// </summary>
    public string? Check(string name, int lowest = int.MinValue, int highest = int.MaxValue) =>
        Min <= Max && Min >= lowest && Max <= highest
            ? null
            : OptionChecks.Invariant($"{OptionChecks.JsonName(name)} must be a range with {lowest} <= min <= max{(highest < int.MaxValue ? $" <= {highest}" : "")}, got {this}");

    public override string ToString() => OptionChecks.Invariant($"[{Min}, {Max}]");
}
