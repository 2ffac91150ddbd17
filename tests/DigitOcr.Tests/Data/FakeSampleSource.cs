using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Scenes;
using DigitOcr.Data.Sources;
using DigitOcr.Imaging;

namespace DigitOcr.Tests.Data;

/// <summary>
/// A tiny deterministic source for loader tests: sample (epoch, i) is an 8x6 picture whose pixels encode epoch and
/// i, with one box labelled i % 10. It sleeps a pseudo-random while per group (so workers finish out of order) and
/// records how far ahead of the reader it has been asked to go.
/// </summary>
internal sealed class FakeSampleSource(int groupSize = 1, bool jitter = true, long failAt = -1) : ISampleSource
{
    private long highestGroup = -1;

    public DataPreset Preset => DataPreset.Pages;

    public DataSplit Split => DataSplit.Train;

    public int Width => 8;

    public int Height => 6;

    public int GroupSize => groupSize;

    public long? Count => null;

    /// <summary>The highest group number asked for so far.</summary>
    public long HighestGroup => Interlocked.Read(ref highestGroup);

    public static byte PixelOf(int epoch, long index, int p) => (byte)((epoch * 31) + (index * 7) + p);

    public IReadOnlyList<Sample> GenerateGroup(int epoch, long group)
    {
        long seen;
        while ((seen = Interlocked.Read(ref highestGroup)) < group && Interlocked.CompareExchange(ref highestGroup, group, seen) != seen)
        {
        }

        if (jitter)
        {
            Thread.Sleep((int)((group * 7919) % 5));
        }

        var samples = new List<Sample>();
        for (var k = 0; k < groupSize; k++)
        {
            var index = (group * groupSize) + k;
            if (index == failAt)
            {
                samples.ForEach(s => s.Dispose());
                throw new InvalidOperationException($"sample {index} is broken");
            }

            var pixels = new byte[Width * Height];
            for (var p = 0; p < pixels.Length; p++)
            {
                pixels[p] = PixelOf(epoch, index, p);
            }

            samples.Add(new Sample(Image.FromPixels(pixels, Width, Height), [new LabeledBox(new Box(1, 1, 4, 5), (int)(index % 10))], [], []));
        }

        return samples;
    }

    public IReadOnlyList<Scene> RenderGroup(int epoch, long group) => throw new NotSupportedException();
}
