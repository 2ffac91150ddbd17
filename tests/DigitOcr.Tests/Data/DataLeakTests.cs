using DigitOcr.Data;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Sources;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Data;

/// <summary>Runs alone, so the live native counts are this collection's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DataLeakCollection
{
    public const string Name = "Data leak checks";
}

/// <summary>
/// Counts live native objects after the work and before any garbage collection, as Torch/LeakTests does: a
/// collection would run the finalizers of objects someone forgot to dispose and hide the leak. Garbage from before
/// is collected before the first count, so that its finalizers cannot run in between and offset a leak.
/// </summary>
[Collection(DataLeakCollection.Name)]
public class DataLeakTests
{
    [Fact]
    public void ReadEpoch_StoppedEarly_LeavesNoTensorsOrImages()
    {
        var source = SampleSources.Create(new DataOptions
        {
            DataFolder = TestGlyphs.DataFolder,
            Pages = new() { Crop = new() { Width = 96, Height = 96, CropsPerPage = 2 } },
        }, DataSplit.Train);
        var loader = new BatchLoader(source, new LoaderOptions { BatchSize = 4, Workers = 2, Prefetch = 3 });
        using (loader.MakeBatch(0, 0))
        {
        }

        Settle();
        var (tensors, images) = (torch.LiveTensorCount, torch.LiveImageCount);

        using (var stream = loader.ReadEpoch(0, 50))
        {
            var read = 0;
            foreach (var batch in stream)
            {
                batch.Dispose();
                if (++read == 3)
                {
                    break;
                }
            }
        }

        Assert.Equal(tensors, torch.LiveTensorCount);
        Assert.Equal(images, torch.LiveImageCount);
    }

    [Fact]
    public void GeneratingManySamples_LeavesNoImages()
    {
        var source = SampleSources.Create(new DataOptions { Preset = DataPreset.Reference, DataFolder = TestGlyphs.DataFolder }, DataSplit.Train);
        using (source.Generate(0, 0))
        {
        }

        Settle();
        var images = torch.LiveImageCount;
        for (var i = 0; i < 100; i++)
        {
            using var sample = source.Generate(0, i);
        }

        Assert.Equal(images, torch.LiveImageCount);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
