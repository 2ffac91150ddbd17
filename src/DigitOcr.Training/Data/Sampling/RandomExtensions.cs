namespace DigitOcr.Data.Sampling;

/// <summary>The draws the augmentations need, on an explicit <see cref="Random"/> so every draw is reproducible.</summary>
public static class RandomExtensions
{
    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double Uniform(this Random rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    /// <summary>Uniform in [<paramref name="range"/>.Min, <paramref name="range"/>.Max).</summary>
    public static double Uniform(this Random rng, ValueRange range) => rng.Uniform(range.Min, range.Max);

    /// <summary>An integer uniform in [<paramref name="range"/>.Min, <paramref name="range"/>.Max], both ends included.</summary>
    public static int Between(this Random rng, IntRange range) => rng.Next(range.Min, range.Max + 1);

    /// <summary>Uniform in [-<paramref name="limit"/>, <paramref name="limit"/>).</summary>
    public static double Symmetric(this Random rng, double limit) => rng.Uniform(-limit, limit);

    /// <summary>Log-uniform in [<paramref name="range"/>.Min, <paramref name="range"/>.Max): every factor of two is equally likely.</summary>
    public static double LogUniform(this Random rng, ValueRange range) =>
        Math.Exp(rng.Uniform(Math.Log(range.Min), Math.Log(range.Max)));

    /// <summary>Normal with mean <paramref name="mean"/> and standard deviation <paramref name="sigma"/> (Box-Muller).</summary>
    public static double Normal(this Random rng, double mean, double sigma)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return mean + (sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>One of <paramref name="items"/>, uniformly.</summary>
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
