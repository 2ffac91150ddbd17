using System.Diagnostics;
using DigitOcr.Config;
using DigitOcr.Data;
using DigitOcr.Data.Mnist;
using DigitOcr.Data.Pages;
using DigitOcr.Data.Sources;
using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Recognition;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Optim;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Trains the digit recognizer (<see cref="DigitRecognizer"/>): harvests labelled crops from <c>pages</c>-preset pages
/// read by the detector (<see cref="CropHarvester"/>: training pages from MNIST training digits, validation pages from
/// MNIST test digits), then runs cross-entropy with the config's optimizer and learning-rate plan, validating each
/// epoch. Writes <c>last.pt</c> (weights, optimizer state, epoch: <c>--resume</c> continues from it; the crops are
/// harvested again, identically, from their seeds) and <c>best.pt</c> (model only, best validation accuracy).
/// </summary>
public sealed class RecognizerTrainer(RecognizerTrainingConfig config, string outputDirectory)
{
    public const string LastFile = "last.pt";
    public const string BestFile = "best.pt";
    private const string EpochKey = "meta.epoch";
    private const string BestKey = "meta.best_metric";

    private readonly TrainingOptions options = config.Training;

    /// <summary>Progress lines (harvest, epochs, validation), for the command to print.</summary>
    public event Action<string>? Progress;

    public string LastPath => Path.Combine(outputDirectory, LastFile);

    public string BestPath => Path.Combine(outputDirectory, BestFile);

    public RecognizerAccuracy Run(bool resume, CancellationToken cancellation = default)
    {
        if (resume && !File.Exists(LastPath))
        {
            throw new FileNotFoundException($"--resume was given but '{LastPath}' does not exist; start without --resume", LastPath);
        }

        if (!resume && options.Init is { } init)
        {
            // A wrong --init fails now, not after minutes of harvest.
            using var probe = new DigitRecognizer(config.ModelConfig);
            Initialize(probe, init, quiet: true);
        }

        Directory.CreateDirectory(outputDirectory);
        var train = Harvest(DataSplit.Train, config.Data.TrainPages, cancellation);
        if (config.Data.MnistDigits > 0)
        {
            var digits = GlyphSetCache.Mnist(MnistSplit.Train, null);
            MnistCrops.Add(digits, config.Data.MnistDigits, config.ModelConfig, new Random(config.Data.Seed + 17), train);
            Progress?.Invoke($"added {config.Data.MnistDigits} plain MNIST training digits: {train.Count} training crops");
        }

        var validation = Harvest(DataSplit.Test, config.Data.ValidationPages, cancellation);
        return Fit(train, validation, resume, cancellation);
    }

    /// <summary>
    /// Trains on <paramref name="train"/> for the configured epochs, validating on <paramref name="validation"/> (may be
    /// empty) after each; returns the last validation's accuracy.
    /// </summary>
    public RecognizerAccuracy Fit(CropSet train, CropSet validation, bool resume = false, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(outputDirectory);
        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }

        torch.set_malloc_caching(true);
        using var model = new DigitRecognizer(config.ModelConfig);
        model.InitializeWeights(options.Seed);
        using var optimizer = Optimizers.Create(options, model.parameters());
        var (firstEpoch, best) = (0, double.NegativeInfinity);
        if (resume)
        {
            (firstEpoch, best) = Restore(model, optimizer);
        }
        else if (options.Init is { } init)
        {
            Initialize(model, init);
        }

        var perEpoch = Math.Min(options.ImagesPerEpoch, train.Count);
        var batches = Math.Max(1, perEpoch / options.BatchSize);
        var plan = new LearningRatePlan(options, batches);
        var last = validation.Count > 0 ? Evaluate(model, validation) : null;
        var augmentation = new CropAugmentation(config.Data.Augment);
        for (var epoch = firstEpoch; epoch < options.Epochs && !cancellation.IsCancellationRequested; epoch++)
        {
            model.train();
            var clock = Stopwatch.StartNew();
            var order = Shuffled(train.Count, options.Seed + epoch);
            var rng = new Random(HashCode.Combine(options.Seed, epoch, 0x5eed));
            var loss = 0.0;
            for (var b = 0; b < batches && !cancellation.IsCancellationRequested; b++)
            {
                optimizer.LearningRate = plan.At(((long)epoch * batches) + b);
                loss += Step(model, optimizer, train, order.AsSpan(b * options.BatchSize, options.BatchSize), augmentation, rng);
            }

            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            last = validation.Count > 0 ? Evaluate(model, validation) : null;
            var metric = last?.Accuracy ?? -loss;
            Progress?.Invoke($"epoch {epoch + 1}/{options.Epochs}: loss {loss / batches:F4}, {batches * options.BatchSize / clock.Elapsed.TotalSeconds:F0} crops/s, validation {last}");
            if (metric > best)
            {
                best = metric;
                ModelFile.Save(BestPath, model, config.ToJson(), halfPrecision: false);
            }

            Save(model, optimizer, epoch + 1, best);
        }

        return last ?? new RecognizerAccuracy(0, double.NaN, double.NaN, double.NaN, double.NaN);
    }

    /// <summary>Accuracy of <paramref name="model"/> on labelled crops (evaluation mode, batches of 512).</summary>
    public static RecognizerAccuracy Evaluate(DigitRecognizer model, CropSet crops)
    {
        model.eval();
        var predicted = new int[crops.Count];
        using (torch.inference_mode())
        {
            for (var start = 0; start < crops.Count; start += 512)
            {
                using var scope = torch.NewDisposeScope();
                var indices = Enumerable.Range(start, Math.Min(512, crops.Count - start)).ToArray();
                var logits = model.forward(Batch(crops, indices));
                var labels = logits.argmax(1).data<long>();
                for (var i = 0; i < indices.Length; i++)
                {
                    predicted[start + i] = (int)labels[i];
                }
            }
        }

        var (correct, digits, digitsCorrect, junk, junkCaught, rejected) = (0, 0, 0, 0, 0, 0);
        for (var i = 0; i < crops.Count; i++)
        {
            var truth = crops.Label(i);
            correct += predicted[i] == truth ? 1 : 0;
            if (truth == RecognizerConfig.NotADigit)
            {
                junk++;
                junkCaught += predicted[i] == truth ? 1 : 0;
            }
            else
            {
                digits++;
                digitsCorrect += predicted[i] == truth ? 1 : 0;
                rejected += predicted[i] == RecognizerConfig.NotADigit ? 1 : 0;
            }
        }

        static double Rate(int a, int b) => b == 0 ? double.NaN : (double)a / b;
        return new RecognizerAccuracy(crops.Count, Rate(correct, crops.Count), Rate(digitsCorrect, digits), Rate(junkCaught, junk), Rate(rejected, digits));
    }

    /// <summary>The crops of <paramref name="indices"/> as a normalised <c>[N, 1, S, S]</c> tensor.</summary>
    public static Tensor Batch(CropSet crops, ReadOnlySpan<int> indices)
    {
        var size = crops.CropSize * crops.CropSize;
        var pixels = new byte[indices.Length * size];
        for (var i = 0; i < indices.Length; i++)
        {
            crops.Pixels(indices[i]).CopyTo(pixels.AsSpan(i * size));
        }

        return DigitCrops.ToTensor(pixels, indices.Length, crops.CropSize);
    }

    private CropSet Harvest(DataSplit split, int pages, CancellationToken cancellation)
    {
        var crops = new CropSet(config.CropSize);
        if (pages == 0)
        {
            return crops;
        }

        var clock = Stopwatch.StartNew();
        var source = (PageSampleSource)SampleSources.Create(new DataOptions { Preset = DataPreset.Pages, Seed = config.Data.Seed, Pages = config.Data.Pages ?? new PageOptions() }, split);
        var harvester = new CropHarvester(config.ModelConfig, config.Data);
        using var detector = new PageDetector(config.Data.Detector);
        var rng = new Random(config.Data.Seed + (split == DataSplit.Train ? 0 : 1_000_003));
        for (var page = 0; page < pages && !cancellation.IsCancellationRequested; page++)
        {
            using var sample = source.GeneratePage(0, page);
            var detections = split == DataSplit.Test || page % config.Data.DetectEvery == 0 ? detector.Detect(sample.Image) : [];
            harvester.Harvest(sample.Image, sample.Boxes, detections, rng, crops);
            if ((page + 1) % 250 == 0)
            {
                Progress?.Invoke($"harvest {split}: {page + 1}/{pages} pages, {crops.Count} crops, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        WriteSheet(crops, Path.Combine(outputDirectory, $"crops-{split.ToString().ToLowerInvariant()}.png"));
        var counts = crops.LabelCounts();
        Progress?.Invoke($"harvest {split}: {crops.Count} crops from {pages} pages in {clock.Elapsed.TotalSeconds:F0} s; per label 0-9: {string.Join(" ", counts.Take(10))}; not a digit: {counts[RecognizerConfig.NotADigit]}");
        return crops;
    }

    /// <summary>The first 16 x 16 crops as one PNG, each labelled (a digit, or "x" for not a digit): to see what the recognizer learns from.</summary>
    private static void WriteSheet(CropSet crops, string path)
    {
        const int Side = 16;
        var cell = crops.CropSize * 2;
        using var sheet = Image.Create(Side * cell, Side * (cell + 12), channels: 3, fill: 255);
        for (var i = 0; i < Math.Min(crops.Count, Side * Side); i++)
        {
            using var crop = Image.FromPixels(crops.Pixels(i), crops.CropSize, crops.CropSize);
            using var large = crop.Resize(cell, cell, Interpolation.Nearest);
            using var color = large.ToColor();
            var (x, y) = ((i % Side) * cell, (i / Side) * (cell + 12));
            sheet.DrawImage(color, x, y);
            var label = crops.Label(i) == RecognizerConfig.NotADigit ? "x" : crops.Label(i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sheet.DrawText(label, x + 2, y + cell + 10, 0.4, new Color(0, 0, 255));
        }

        sheet.Save(path);
    }

    private static double Step(DigitRecognizer model, Optimizer optimizer, CropSet crops, ReadOnlySpan<int> indices, CropAugmentation augmentation, Random rng)
    {
        using var scope = torch.NewDisposeScope();
        var labels = new long[indices.Length];
        var size = crops.CropSize * crops.CropSize;
        var pixels = new byte[indices.Length * size];
        for (var i = 0; i < indices.Length; i++)
        {
            labels[i] = crops.Label(indices[i]);
            augmentation.Apply(crops.Pixels(indices[i]), crops.CropSize, rng, pixels.AsSpan(i * size, size));
        }

        optimizer.zero_grad();
        var logits = model.forward(DigitCrops.ToTensor(pixels, indices.Length, crops.CropSize));
        var loss = torch.nn.functional.cross_entropy(logits, torch.tensor(labels));
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    private void Save(DigitRecognizer model, Optimizer optimizer, int epochsDone, double best)
    {
        using var scope = torch.NewDisposeScope();
        var extra = new List<KeyValuePair<string, Tensor>>
        {
            new(EpochKey, torch.scalar_tensor((long)epochsDone)),
            new(BestKey, torch.scalar_tensor(best)),
        };
        extra.AddRange(OptimizerEntries.Of(optimizer));
        ModelFile.Save(LastPath, model, config.ToJson(), halfPrecision: false, extra);
    }

    /// <summary>
    /// Starts <paramref name="model"/> from member <see cref="RecognizerTrainingConfig.InitMember"/> of the recognizer
    /// file <paramref name="path"/> (<c>training.init</c>, <c>--init</c>). A file that holds no recognizer, too few
    /// members, or weights of another architecture is an <see cref="InvalidDataException"/> naming the file and the fix.
    /// </summary>
    private void Initialize(DigitRecognizer model, string path, bool quiet = false)
    {
        using var file = ModelFile.Load(path);
        var found = file.Recognizer
            ?? throw new InvalidDataException($"--init: '{path}' holds no digit recognizer; give a recognizer file (such as models/digitocr-recognizer.pt) or none");
        if (config.InitMember >= found.Members)
        {
            throw new InvalidDataException($"--init-member {config.InitMember}: '{path}' holds {found.Members} recognizer(s); give a member from 0 to {found.Members - 1}");
        }

        try
        {
            model.load_state_dict(RecognizerEnsemble.MemberEntries(file.Weights, config.InitMember, found.Members));
        }
        catch (StateDictMismatchException e)
        {
            throw new InvalidDataException(
                $"--init: the recognizer in '{path}' (widths {string.Join("/", found.Widths)}) does not fit this config's (widths {string.Join("/", config.Widths)}); give a recognizer of the same architecture. {e.Message}", e);
        }

        if (quiet)
        {
            return;
        }

        Progress?.Invoke($"starting from '{path}'{(found.Members > 1 ? $", member {config.InitMember} of {found.Members}" : string.Empty)}");
    }

    private (int Epoch, double Best) Restore(DigitRecognizer model, Optimizer optimizer)
    {
        using var file = ModelFile.Load(LastPath);
        if (file.Recognizer is null)
        {
            throw new InvalidDataException($"'{LastPath}' is not a recognizer checkpoint; use another --output folder");
        }

        file.LoadInto(model, new ModelConfig { Name = config.Name });
        var entries = file.Entries;
        OptimizerEntries.Restore(entries, optimizer);
        Progress?.Invoke($"resumed from '{LastPath}' after epoch {entries[EpochKey].item<long>()}");
        return ((int)entries[EpochKey].item<long>(), entries[BestKey].item<double>());
    }
}
