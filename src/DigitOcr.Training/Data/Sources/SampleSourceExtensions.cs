namespace DigitOcr.Data.Sources;

/// <summary>Per-sample access to an <see cref="ISampleSource"/>.</summary>
public static class SampleSourceExtensions
{
    /// <summary>
    /// Sample <paramref name="index"/> of epoch <paramref name="epoch"/>. Makes its whole group and keeps one: to
    /// read many samples, prefer <see cref="ISampleSource.GenerateGroup"/>. The caller owns the sample.
    /// </summary>
    public static Sample Generate(this ISampleSource source, int epoch, long index)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var group = source.GenerateGroup(epoch, index / source.GroupSize);
        var keep = (int)(index % source.GroupSize);
        for (var i = 0; i < group.Count; i++)
        {
            if (i != keep)
            {
                group[i].Dispose();
            }
        }

        return group[keep];
    }

    /// <summary>
    /// Samples <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 of
    /// <paramref name="epoch"/>, in order, making each group once (the way to build a fixed validation set). The
    /// caller owns the samples; each is made as the enumeration reaches it.
    /// </summary>
    public static IEnumerable<Sample> GenerateRange(this ISampleSource source, int epoch, long start, long count)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var end = start + count;
        for (var group = start / source.GroupSize; group * source.GroupSize < end; group++)
        {
            var samples = source.GenerateGroup(epoch, group);
            for (var k = 0; k < samples.Count; k++)
            {
                var index = (group * source.GroupSize) + k;
                if (index < start || index >= end)
                {
                    samples[k].Dispose();
                    continue;
                }

                yield return samples[k];
            }
        }
    }
}
