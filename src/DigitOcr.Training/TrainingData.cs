using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Data;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Sources;
using DigitOcr.Matching;

namespace DigitOcr.Training;

/// <summary>
/// The data of a run, from its config: the training batches (the config's preset on MNIST training digits, made at
/// the model's input size on background threads) and the fixed validation sets (MNIST test digits): the trained
/// preset first — its mAP picks the best checkpoint — then, optionally, the other preset.
/// </summary>
public static class TrainingData
{
    /// <summary>The data options with crops and canvases at the model's input size and the run's batch size.</summary>
    public static DataOptions ForModel(TrainingConfig config) => config.Data with
    {
        Pages = config.Data.Pages with { Crop = config.Data.Pages.Crop with { Width = config.InputSize, Height = config.InputSize } },
        Reference = config.Data.Reference with { CanvasSize = config.InputSize },
        Loader = config.Data.Loader with { BatchSize = config.Training.BatchSize },
    };

    public static IBatchSource CreateTrainingSource(TrainingConfig config)
    {
        var options = ForModel(config);
        var loader = new BatchLoader(SampleSources.Create(options, DataSplit.Train), options.Loader);
        var batches = Math.Max(1, config.Training.ImagesPerEpoch / config.Training.BatchSize);
        return new LoaderBatchSource(loader, batches);
    }

    public static IReadOnlyList<ValidationSet> CreateValidationSets(TrainingConfig config)
    {
        var options = ForModel(config);
        var presets = new List<DataPreset> { options.Preset };
        if (config.Training.ValidateBothPresets)
        {
            presets.AddRange(DataPresets.All.Where(p => p != options.Preset));
        }

        return presets.Select(p => CreateValidationSet(options with { Preset = p }, config.Training.ValidationImages)).ToList();
    }

    /// <summary>The first <paramref name="count"/> images of a preset's fixed validation set.</summary>
    public static ValidationSet CreateValidationSet(DataOptions options, int count, DataSplit split = DataSplit.Validation)
    {
        var source = SampleSources.Create(options, split);
        var images = new List<ValidationImage>(count);
        foreach (var sample in source.GenerateRange(0, 0, count))
        {
            using (sample)
            {
                images.Add(new ValidationImage(sample.Image.ToPixels(), sample.Width, sample.Height, sample.Boxes, sample.PatchBoxes));
            }
        }

        return new ValidationSet(options.Preset.Name(), images);
    }

    /// <summary>Adapts the data loader's batches to the trainer.</summary>
    private sealed class LoaderBatchSource(BatchLoader loader, int batchesPerEpoch) : IBatchSource
    {
        public int BatchesPerEpoch { get; } = batchesPerEpoch;

        public IEnumerable<TrainingBatch> ReadEpoch(int epoch, int startBatch, BatchTargetEncoder? targets, CancellationToken cancellation)
        {
            using var stream = loader.ReadEpoch(epoch, BatchesPerEpoch, startBatch, targets);
            foreach (var batch in stream)
            {
                if (cancellation.IsCancellationRequested)
                {
                    batch.Dispose();
                    yield break;
                }

                // The training batch takes over the tensors.
                yield return new TrainingBatch(batch.Images, batch.Boxes, batch.Targets);
            }
        }

        public void Dispose()
        {
        }
    }
}
