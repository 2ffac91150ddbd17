namespace DigitOcr.Data.Sampling;

/// <summary>A range of real values to draw from, <c>{ "min": 12, "max": 200 }</c> in JSON.</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value; at least <paramref name="Min"/>.</param>
public readonly record struct ValueRange(double Min, double Max)
{
    /// <summary>Throws when the range is inverted or not finite, naming <paramref name="name"/>.</summary>
    public void Validate(string name, double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min > Max || Min < lowest || Max > highest)
        {
            throw new ArgumentOutOfRangeException(name, this,
                $"{name} must be a finite range with min <= max inside [{lowest}, {highest}], got [{Min}, {Max}].");
        }
    }

    public override string ToString() => $"[{Min}, {Max}]";
}
