using DigitOcr.Training;

namespace DigitOcr.Data.Sampling;

/// <summary>A range of real values to draw from, <c>{ "min": 12, "max": 200 }</c> in JSON.</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value; at least <paramref name="Min"/>.</param>
public readonly record struct ValueRange(double Min, double Max)
{
    /// <summary>
    /// Null when the range is finite, not inverted and inside [<paramref name="lowest"/>, <paramref name="highest"/>];
    /// else a problem naming <paramref name="name"/> (a <c>nameof</c>) and the allowed range.
    /// </summary>
    public string? Check(string name, double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity) =>
        double.IsFinite(Min) && double.IsFinite(Max) && Min <= Max && Min >= lowest && Max <= highest
            ? null
            : OptionChecks.Invariant($"{OptionChecks.JsonName(name)} must be a finite range with min <= max{Bounds(lowest, highest)}, got {this}");

    public override string ToString() => OptionChecks.Invariant($"[{Min}, {Max}]");

    private static string Bounds(double lowest, double highest) => (double.IsFinite(lowest), double.IsFinite(highest)) switch
    {
        (true, true) => OptionChecks.Invariant($" inside [{lowest}, {highest}]"),
        (true, false) => OptionChecks.Invariant($" and min >= {lowest}"),
        (false, true) => OptionChecks.Invariant($" and max <= {highest}"),
        _ => "",
    };
}
