using DigitOcr.Data;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Sources;
using DigitOcr.Matching;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Data;

public class BatchLoaderTests
{
    [Fact]
    public void MakeBatch_IsAFloatTensorOfBx1xHxW_NormalisedAsTheReference()
    {
        var loader = new BatchLoader(new FakeSampleSource(), new LoaderOptions { BatchSize = 3 });

        using var batch = loader.MakeBatch(epoch: 2, index: 5);

        Assert.Equal([3L, 1, 6, 8], batch.Images.shape);
        Assert.Equal(ScalarType.Float32, batch.Images.dtype);
        var values = batch.Images.data<float>();
        for (var slot = 0; slot < 3; slot++)
        {
            var index = 15 + slot;
            for (var p = 0; p < 48; p++)
            {
                var pixel = FakeSampleSource.PixelOf(2, index, p);
                Assert.Equal(((pixel / 255f) - 0.485f) / 0.229f, values[(slot * 48) + p], 5);
            }

            Assert.Equal(index % 10, Assert.Single(batch.Boxes[slot]).Digit);
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    public void MakeBatch_RanksShares_AreDistinct_AndTogetherTheBatchOfOneProcessWithTheirSummedBatchSize(int ranks, int groupSize)
    {
        var source = new FakeSampleSource(groupSize, jitter: false);
        var whole = new BatchLoader(source, new LoaderOptions { BatchSize = 4 * ranks });
        var shares = Enumerable.Range(0, ranks).Select(r => new BatchLoader(source, new LoaderOptions { BatchSize = 4 }, new DataShard(r, ranks))).ToList();

        foreach (var index in new long[] { 0, 5 })
        {
            using var one = whole.MakeBatch(epoch: 1, index);
            var parts = shares.Select(s => s.MakeBatch(epoch: 1, index)).ToList();
            try
            {
                Assert.Equal(one.Images.data<float>(), parts.SelectMany(p => p.Images.data<float>()));
                Assert.Equal(one.Boxes.Select(b => b[0].Digit), parts.SelectMany(p => p.Boxes.Select(b => b[0].Digit)));
                Assert.NotEqual(parts[0].Images.data<float>(), parts[1].Images.data<float>());
            }
            finally
            {
                parts.ForEach(p => p.Dispose());
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void MakeBatch_GroupsStraddlingBatches_StillGiveSamplesInOrder(int groupSize)
    {
        var loader = new BatchLoader(new FakeSampleSource(groupSize, jitter: false), new LoaderOptions { BatchSize = 4 });

        using var batch = loader.MakeBatch(0, 1);

        Assert.Equal([4, 5, 6, 7], batch.Boxes.Select(b => b.Single().Digit));
    }

    [Fact]
    public void ReadEpoch_GivesTheSameBatchesWhateverTheWorkerCount()
    {
        var one = Read(new LoaderOptions { BatchSize = 4, Workers = 1 });
        var four = Read(new LoaderOptions { BatchSize = 4, Workers = 4, Prefetch = 6 });

        Assert.Equal(one.Count, four.Count);
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(one[i], four[i]);
        }
    }

    [Fact]
    public void ReadEpoch_RealSource_MatchesBatchesMadeOneByOne()
    {
        var source = SampleSources.Create(new DataOptions { Preset = DataPreset.Reference, DataFolder = TestGlyphs.DataFolder }, DataSplit.Train);
        var loader = new BatchLoader(source, new LoaderOptions { BatchSize = 2, Workers = 2 });

        using var stream = loader.ReadEpoch(epoch: 1, batchCount: 3);
        var b = 0;
        foreach (var batch in stream)
        {
            using (batch)
            using (var expected = loader.MakeBatch(1, b))
            {
                Assert.Equal(b, batch.Index);
                Assert.Equal(expected.Images.data<float>(), batch.Images.data<float>());
                Assert.Equal(expected.Boxes.SelectMany(x => x), batch.Boxes.SelectMany(x => x));
                Assert.Equal(expected.PatchBoxes.SelectMany(x => x), batch.PatchBoxes.SelectMany(x => x));
            }

            b++;
        }

        Assert.Equal(3, b);
    }

    [Fact]
    public void ReadEpoch_FromAMidEpochBatch_GivesTheSameBatchesAsAFullPass()
    {
        var loader = new BatchLoader(new FakeSampleSource(groupSize: 2), new LoaderOptions { BatchSize = 3, Workers = 2 });

        using var stream = loader.ReadEpoch(epoch: 1, batchCount: 6, firstBatch: 4);
        var indices = new List<long>();
        foreach (var batch in stream)
        {
            using (batch)
            using (var expected = loader.MakeBatch(1, batch.Index))
            {
                indices.Add(batch.Index);
                Assert.Equal(expected.Images.data<float>(), batch.Images.data<float>());
            }
        }

        Assert.Equal([4L, 5L], indices);
    }

    [Fact]
    public void GenerateRange_GivesTheSameSamplesAsGenerate()
    {
        var source = new FakeSampleSource(groupSize: 3, jitter: false);

        var range = source.GenerateRange(epoch: 2, start: 4, count: 5).ToList();

        try
        {
            for (var k = 0; k < range.Count; k++)
            {
                using var single = source.Generate(2, 4 + k);
                Assert.Equal(single.Image.ToPixels(), range[k].Image.ToPixels());
                Assert.Equal(single.Boxes, range[k].Boxes);
            }

            Assert.Equal(5, range.Count);
        }
        finally
        {
            range.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void ReadEpoch_NeverWorksMoreThanPrefetchBatchesAhead()
    {
        var source = new FakeSampleSource(jitter: false);
        var options = new LoaderOptions { BatchSize = 2, Workers = 3, Prefetch = 3 };
        var loader = new BatchLoader(source, options);

        using var stream = loader.ReadEpoch(0, 40);
        var delivered = 0L;
        foreach (var batch in stream)
        {
            batch.Dispose();
            delivered++;
            Thread.Sleep(2);

            // Batches claimed so far: at most those read plus the prefetch window.
            var claimedBatches = (source.HighestGroup / options.BatchSize) + 1;
            Assert.True(claimedBatches <= delivered + options.Prefetch, $"{claimedBatches} batches claimed after {delivered} read");
        }

        Assert.Equal(40, delivered);
    }

    [Fact]
    public void ReadEpoch_FailingSample_SurfacesOnTheReaderWithTheCause()
    {
        var loader = new BatchLoader(new FakeSampleSource(failAt: 9), new LoaderOptions { BatchSize = 2, Workers = 2 });

        using var stream = loader.ReadEpoch(0, 10);
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var batch in stream)
            {
                batch.Dispose();
            }
        });

        Assert.Contains("batch 4", error.Message);
        Assert.Contains("sample 9 is broken", error.InnerException!.Message);
    }

    [Fact]
    public void ReadEpoch_WithATargetEncoder_EachBatchCarriesTargetsOfItsOwnBoxes_MadeOnAWorkerThread()
    {
        var loader = new BatchLoader(new FakeSampleSource(groupSize: 3), new LoaderOptions { BatchSize = 4, Workers = 2 });
        var reader = Environment.CurrentManagedThreadId;
        var encoderThreads = new System.Collections.Concurrent.ConcurrentBag<int>();
        BatchTargetEncoder encoder = (truths, height, width) =>
        {
            encoderThreads.Add(Environment.CurrentManagedThreadId);
            var digits = truths.Select(t => (long)t.Single().Digit).ToArray();
            return new MatchedTargets(
                torch.full([truths.Count, 1, 4], (double)(height * width)).DetachFromDisposeScope(),
                torch.tensor(digits).reshape(truths.Count, 1).DetachFromDisposeScope());
        };

        using var stream = loader.ReadEpoch(epoch: 1, batchCount: 6, firstBatch: 0, encoder);
        var seen = 0;
        foreach (var batch in stream)
        {
            using (batch)
            {
                Assert.NotNull(batch.Targets);
                Assert.Equal(batch.Boxes.Select(b => (long)b.Single().Digit), batch.Targets.Labels.data<long>());
                Assert.All(batch.Targets.Locations.data<float>(), v => Assert.Equal(6 * 8, v));
                seen++;
            }
        }

        Assert.Equal(6, seen);
        Assert.Equal(6, encoderThreads.Count);
        Assert.DoesNotContain(reader, encoderThreads);
    }

    [Fact]
    public void ReadEpoch_FailingTargetEncoder_SurfacesOnTheReaderWithTheCause()
    {
        var loader = new BatchLoader(new FakeSampleSource(), new LoaderOptions { BatchSize = 2, Workers = 2 });
        BatchTargetEncoder broken = (_, _, _) => throw new ArgumentException("ground-truth box 0 has no area");

        using var stream = loader.ReadEpoch(0, 3, 0, broken);
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var batch in stream)
            {
                batch.Dispose();
            }
        });

        Assert.Contains("batch 0", error.Message);
        Assert.Contains("no area", error.InnerException!.Message);
    }

    [Fact]
    public void ReadEpoch_StreamReadTwice_Throws()
    {
        var loader = new BatchLoader(new FakeSampleSource(), new LoaderOptions { BatchSize = 1, Workers = 1 });
        using var stream = loader.ReadEpoch(0, 1);
        foreach (var batch in stream)
        {
            batch.Dispose();
        }

        Assert.ThrowsAny<InvalidOperationException>(() => stream.GetEnumerator());
    }

    private static List<float[]> Read(LoaderOptions options)
    {
        var loader = new BatchLoader(new FakeSampleSource(groupSize: 3), options);
        var batches = new List<float[]>();
        using var stream = loader.ReadEpoch(epoch: 4, batchCount: 12);
        foreach (var batch in stream)
        {
            using (batch)
            {
                batches.Add(batch.Images.data<float>());
            }
        }

        return batches;
    }
}
