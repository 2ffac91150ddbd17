namespace DigitOcr.Data.Sampling;

/// <summary>
/// Derives an independent random source for one unit of work from (seed, stream, epoch, index), so that what a
/// sample looks like depends only on those numbers, never on which thread made it or in what order. Mixing is
/// SplitMix64 (Steele, Lea and Flood 2014), which spreads neighbouring inputs over unrelated seeds.
/// </summary>
public static class SampleSeed
{
    /// <summary>A new random source for (<paramref name="seed"/>, <paramref name="stream"/>, <paramref name="epoch"/>, <paramref name="index"/>).</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="stream">Separates independent uses of one seed (the data split, a purpose).</param>
    /// <param name="epoch">The epoch.</param>
    /// <param name="index">The sample or group within the epoch.</param>
    public static Random Random(int seed, int stream, int epoch, long index) => new(Mix(seed, stream, epoch, index));

    /// <summary>The 31-bit seed for (<paramref name="seed"/>, <paramref name="stream"/>, <paramref name="epoch"/>, <paramref name="index"/>).</summary>
    public static int Mix(int seed, int stream, int epoch, long index)
    {
        var state = SplitMix((ulong)(uint)seed);
        state = SplitMix(state ^ (ulong)(uint)stream);
        state = SplitMix(state ^ (ulong)(uint)epoch);
        state = SplitMix(state ^ (ulong)index);
        return (int)(state >> 33);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
