using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Data;
using DigitOcr.Data.Annotated;
using DigitOcr.Data.Loading;
using DigitOcr.Data.Sources;
using DigitOcr.Matching;

namespace DigitOcr.Training;

/// <summary>
/// The data of a run, from its config: the training batches (the config's preset on MNIST training digits, made at
/// the model's input size on background threads, mixed with crops of the user's own annotated images when the config
/// names a folder of them) and the fixed validation sets (MNIST test digits): the trained preset first — its mAP
/// picks the best checkpoint, unless the user's held-out images come before it — then, optionally, the other preset.
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

    /// <summary>
    /// The training batches: the config's preset, mixed with crops of <paramref name="user"/>'s training images
    /// (<see cref="DataOptions.UserFraction"/> of the groups) when given. For one rank of a data-parallel run,
    /// <paramref name="shard"/> picks its slice of each global batch (<see cref="DataShard"/>): an epoch is then
    /// <c>imagesPerEpoch / (batchSize · ranks)</c> steps, each of <c>batchSize</c> images per rank.
    /// </summary>
    public static IBatchSource CreateTrainingSource(TrainingConfig config, AnnotatedSplit? user = null, DataShard? shard = null)
    {
        var share = shard ?? DataShard.Whole;
        var options = ForModel(config);
        ISampleSource source;
        if (user is not null && options.UserFraction >= 1)
        {
            // Only the user's images: no synthetic source, so MNIST is not even loaded.
            source = new AnnotatedSampleSource(user.Train, options.User, options.Pages.Crop, options.Seed);
        }
        else
        {
            source = SampleSources.Create(options, DataSplit.Train);
            if (user is not null && options.UserFraction > 0)
            {
                // The user's crops come in the synthetic source's groups (4 crops per page, 1 reference canvas), at its size.
                var crop = options.Pages.Crop with { Width = source.Width, Height = source.Height, CropsPerPage = source.GroupSize };
                var annotated = new AnnotatedSampleSource(user.Train, options.User, crop, options.Seed);
                source = new MixedSampleSource(source, annotated, options.UserFraction, options.Seed);
            }
        }

        var loader = new BatchLoader(source, options.Loader, share);
        var batches = Math.Max(1, config.Training.ImagesPerEpoch / (config.Training.BatchSize * share.Count));
        return new LoaderBatchSource(loader, batches);
    }

    /// <summary>
    /// The config's <see cref="DataOptions.UserFolder"/>, loaded, checked and split (<see cref="DataOptions.ValidationFraction"/>,
    /// by image, from the data seed); null without one.
    /// </summary>
    /// <exception cref="AnnotatedFolderException">The folder is missing, empty or ambiguous, or its annotations are bad (all listed).</exception>
    public static (AnnotatedFolder Folder, AnnotatedSplit Split)? LoadUserData(TrainingConfig config)
    {
        if (config.Data.UserFolder is not { } path)
        {
            return null;
        }

        var folder = AnnotatedFolder.Load(path);
        var fraction = config.Data.ValidationFraction;
        if (fraction > 0 && folder.Images.Count < 2)
        {
            throw new AnnotatedFolderException(path,
                $"the annotated folder '{path}' has {folder.Images.Count} image; holding some out for validation (data.validationFraction {fraction}) needs at least 2: annotate more, or set data.validationFraction to 0");
        }

        return (folder, AnnotatedSplit.Of(folder.Images, fraction, config.Data.Seed));
    }

    /// <summary>The held-out user images as the first validation set (it picks <c>best.pt</c>); null when none are held out.</summary>
    public static AnnotatedValidationSet? CreateUserValidationSet(TrainingConfig config, AnnotatedSplit user) =>
        user.HeldOut.Count == 0
            ? null
            : new AnnotatedValidationSet(UserSetName, user.HeldOut, config);

    /// <summary>The name of the user's held-out set in logs and <c>metrics.csv</c>.</summary>
    public const string UserSetName = "user";

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
