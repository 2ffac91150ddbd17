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
}
