namespace DigitOcr.Data.Sampling;

/// <summary>A range of integers to draw from, both ends included, <c>{ "min": 1, "max": 14 }</c> in JSON.</summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value; at least <paramref name="Min"/>.</param>
public readonly record struct IntRange(int Min, int Max)
{
    /// <summary>Throws when the range is inverted or below <paramref name="lowest"/>, naming <paramref name="name"/>.</summary>
    public void Validate(string name, int lowest = int.MinValue)
    {
        if (Min > Max || Min < lowest)
        {
            throw new ArgumentOutOfRangeException(name, this,
                $"{name} must be a range with {lowest} <= min <= max, got [{Min}, {Max}].");
        }
    }

    public override string ToString() => $"[{Min}, {Max}]";
}
