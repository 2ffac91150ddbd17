using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Inference.Backends;
using DigitOcr.Inference.Passes;
using DigitOcr.Inference.Recognition;
using DigitOcr.Preprocessing;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Onnx;
using DigitOcr.Postprocess;
using DigitOcr.Priors;
using DigitOcr.Torch;

namespace DigitOcr.Inference;

/// <summary>
/// Finds handwritten digits in images. Load a DigitOcr checkpoint, a PyTorch state dict of the reference
/// architecture, or the model shipped in this package; then call <see cref="Detect(string)"/>. Thread-safe: calls
/// may run concurrently (each uses libtorch's intra-op threads). Owns the model: dispose it.
/// </summary>
public sealed class DigitDetector : IDisposable
{
    /// <summary>How many input sizes keep their priors between calls.</summary>
    private const int MaxCachedPriorSizes = 32;

    private readonly IDetectorNetwork network;
    private readonly Device device;
    private readonly DetectionPostprocessor postprocessor;
    private readonly PriorBoxGenerator priorGenerator;
    private readonly PassPlanner planner;
    private readonly PassPlanner rereadPlanner;
    private readonly RecognizerStage? recognizer;
    private readonly Dictionary<(int, int), Tensor> priors = [];
    private bool disposed;

    private DigitDetector(SsdDetector model, ModelConfig config, DetectorOptions options, string source, RecognizerStage? recognizer, IReadOnlyDictionary<string, ActivationRange>? ranges)
    {
        this.recognizer = recognizer;
        Config = config;
        Options = options;
        Source = source;
        device = Torch.Device.Parse(options.Device);
        var post = config.Postprocess with
        {
            ScoreThreshold = options.ScoreThreshold ?? config.Postprocess.ScoreThreshold,
            NmsIoU = options.NmsIoU ?? config.Postprocess.NmsIoU,
            MaxDetections = options.MaxDetections ?? config.Postprocess.MaxDetections,
            TopKPerClass = options.TopKPerClass ?? config.Postprocess.TopKPerClass,
        };
        // With a recognizer checking every box, the detector may offer the digits it is unsure of (measured in models/README.md).
        var candidates = recognizer is null ? CandidateRule.ArgMax : CandidateRule.Presence;
        postprocessor = new DetectionPostprocessor(post, new BoxCoder(config.Priors.Variances[0], config.Priors.Variances[1]), candidates);
        priorGenerator = new PriorBoxGenerator(config.Priors);
        planner = new PassPlanner(options, config.Priors);
        // A region read again is already enlarged to the scale wanted: one pass, in tiles when it is large.
        rereadPlanner = new PassPlanner(options with { PyramidLevels = 1, MaxSide = null, MinDigitHeight = null, MaxDigitHeight = null }, config.Priors);
        // Last: the checks above may throw, and the caller disposes the model but would not know of a network.
        network = DetectorNetworks.Create(model, config, options, ranges, source);
    }

    /// <summary>The model's configuration.</summary>
    public ModelConfig Config { get; }

    public DetectorOptions Options { get; }

    /// <summary>Where the weights came from (a path, or the embedded default model).</summary>
    public string Source { get; }

    /// <summary>Where the recognizer's weights came from; null when detections are not read a second time.</summary>
    public string? RecognizerSource => recognizer?.Source;

    /// <summary>
    /// Loads weights from <paramref name="modelPath"/> — a DigitOcr checkpoint (its config travels with it) or a
    /// <c>torch.save(model.state_dict())</c> file of the architecture in <see cref="DetectorOptions.ConfigForStateDict"/> —
    /// or, when null, the default model shipped with DigitOcr.
    /// </summary>
    public static DigitDetector Load(string? modelPath = null, DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        options.ThrowIfInvalid();
        if (modelPath is null)
        {
            using var stream = DefaultModel.Open();
            using var embedded = ModelFile.Load(stream, DefaultModel.Name);
            return FromFile(embedded, options);
        }

        using var file = ModelFile.Load(modelPath);
        return FromFile(file, options);
    }

    private static DigitDetector FromFile(ModelFile file, DetectorOptions options)
    {
        if (file.Recognizer is not null)
        {
            throw new InvalidDataException($"'{file.Source}' holds a digit recognizer, not a detector; pass it as the recognizer (DetectorOptions.RecognizerPath, --recognizer)");
        }

        var config = file.Config ?? options.ConfigForStateDict ?? new ModelConfig();
        var model = new SsdDetector(config.Model);
        try
        {
            file.LoadInto(model, config);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        RecognizerStage? recognizer = null;
        try
        {
            recognizer = LoadRecognizer(options);
            return new DigitDetector(model, config, options, file.Source, recognizer, file.ActivationRanges);
        }
        catch
        {
            recognizer?.Dispose();
            model.Dispose();
            throw;
        }
    }

    /// <summary>The recognizer the options ask for: a file, the embedded default when there is one, or none.</summary>
    private static RecognizerStage? LoadRecognizer(DetectorOptions options)
    {
        if (!options.UseRecognizer)
        {
            return null;
        }

        var device = Torch.Device.Parse(options.Device);
        if (options.RecognizerPath is { } path)
        {
            using var file = ModelFile.Load(path);
            return RecognizerStage.Load(file, options.Fusion, device, options.EffectiveBackend, options.Precision);
        }

        if (!DefaultModel.IsRecognizerAvailable)
        {
            return null;
        }

        using var stream = DefaultModel.OpenRecognizer();
        using var embedded = ModelFile.Load(stream, DefaultModel.RecognizerName);
        return RecognizerStage.Load(embedded, options.Fusion, device, options.EffectiveBackend, options.Precision);
    }

    /// <summary>
    /// Detects digits in an image file (PNG, JPEG, BMP, TIFF, WebP; EXIF orientation applied). A file that is cut
    /// short or corrupt but still decodes is read, and <see cref="DetectionResult.Damage"/> says what is wrong.
    /// </summary>
    public DetectionResult Detect(string path)
    {
        using var image = Image.Load(path, out var damage, Options.Decode);
        return Detect(image) with { Damage = damage };
    }

    /// <summary>Detects digits in encoded image bytes, as <see cref="Detect(string)"/>; <paramref name="sourceName"/> names them in errors.</summary>
    public DetectionResult Detect(ReadOnlySpan<byte> encoded, string sourceName = "image bytes")
    {
        using var image = Image.Decode(encoded, sourceName, out var damage, Options.Decode);
        return Detect(image) with { Damage = damage };
    }

    /// <summary>Detects digits in an encoded image read from <paramref name="stream"/>, as <see cref="Detect(string)"/>.</summary>
    public DetectionResult Detect(Stream stream, string sourceName = "image stream")
    {
        using var image = Image.Load(stream, sourceName, out var damage, Options.Decode);
        return Detect(image) with { Damage = damage };
    }

    /// <summary>Detects digits in raw 8-bit grayscale pixels (row-major, <paramref name="width"/> x <paramref name="height"/>).</summary>
    public DetectionResult Detect(ReadOnlySpan<byte> grayPixels, int width, int height)
    {
        using var image = Image.FromPixels(grayPixels, width, height);
        return Detect(image);
    }

    /// <summary>Detects digits in a decoded image (gray or BGR; the caller keeps ownership).</summary>
    public DetectionResult Detect(Image image) => DetectBatch([image])[0];

    /// <summary>Detects digits in several files; images of the same network size run as one batch.</summary>
    public IReadOnlyList<DetectionResult> DetectBatch(IReadOnlyList<string> paths)
    {
        var images = new List<Image>();
        try
        {
            foreach (var path in paths)
            {
                images.Add(Image.Load(path, Options.Decode));
            }

            return DetectBatch(images);
        }
        finally
        {
            images.ForEach(i => i.Dispose());
        }
    }

    /// <summary>
    /// Detects digits in several decoded images (the caller keeps ownership). Each image runs in the passes the
    /// <see cref="PassPlanner"/> chooses for its size (tiled when larger than <see cref="DetectorOptions.TileSize"/>);
    /// network inputs of the same size, from any pass of any image, run together in batches of at most
    /// <see cref="BatchPixels"/> pixels.
    /// </summary>
    public IReadOnlyList<DetectionResult> DetectBatch(IReadOnlyList<Image> images)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var plans = images.Select(image => planner.Plan(image.Width, image.Height)).ToList();
        var grays = images.Select(image => image.Channels == 1 ? null : image.ToGray()).ToList();
        try
        {
            var found = RunPasses(plans, images.Select((image, i) => grays[i] ?? image).ToList());
            var post = postprocessor.Options;
            return plans.Select((plan, image) =>
            {
                var levels = plan.Select((pass, level) => new PyramidLevel(pass.Pass.Scale, found[image][level])).ToList();
                // The cap is per network input, as in one pass of the reference: a photo in 12 tiles may hold 12 times as many digits.
                var cap = plan[0].Tiles.Sum(t => post.CapsFor(t.PaddedHeight, t.PaddedWidth).MaxDetections);
                var digits = PyramidMerge.Merge(levels, post.NmsIoU, cap, Options.PyramidMinHeight);
                if (digits.Count > cap)
                {
                    digits = digits.Take(cap).ToList();
                }

                if (recognizer is not null)
                {
                    digits = recognizer.Apply(grays[image] ?? images[image], digits);
                }

                if (RereadsSmallWriting)
                {
                    digits = Reread(grays[image] ?? images[image], digits);
                }

                return new DetectionResult(images[image].Width, images[image].Height, digits, plan[0].Pass.Scale);
            }).ToList();
        }
        finally
        {
            grays.ForEach(g => g?.Dispose());
        }
    }

    /// <summary>
    /// The most input pixels in one forward pass: one full tile, so that a batch needs no more memory than the largest
    /// single input, while small inputs of one size (pages of a batch, their coarse passes) still run together. Tiles
    /// run one at a time: four 1120 px tiles per forward took 60 % more CPU and 75 % more memory on a 12 MP photo.
    /// </summary>
    private long BatchPixels => (long)Options.TileSize * Options.TileSize;

    /// <summary>
    /// Runs every tile of every planned pass and returns, per image and pass, the detections in the image's pixels,
    /// merged across the pass's tiles. Each pass's image is scaled once; a tile is cut from it only when its batch runs.
    /// </summary>
    /// <param name="cachePriors">
    /// Whether new input sizes keep their priors: regions read again come in many sizes, and would fill the cache
    /// before the sizes of pages and tiles that recur.
    /// </param>
    private List<IReadOnlyList<Detection>[]> RunPasses(List<IReadOnlyList<PlannedPass>> plans, List<Image> grays, bool cachePriors = true)
    {
        var scaled = plans.Select(plan => new Image?[plan.Count]).ToList();
        try
        {
            for (var image = 0; image < plans.Count; image++)
            {
                for (var level = 0; level < plans[image].Count; level++)
                {
                    var pass = plans[image][level].Pass;
                    scaled[image][level] = pass.IsNativeSize ? null : grays[image].Resize(pass.Width, pass.Height, Interpolation.Area);
                }
            }

            var tileDetections = plans.Select(plan => plan.Select(p => new IReadOnlyList<Detection>[p.Tiles.Count]).ToArray()).ToList();
            var groups = plans
                .SelectMany((plan, image) => plan.SelectMany((pass, level) => pass.Tiles.Select((tile, index) => (image, level, index, tile))))
                .GroupBy(x => (x.tile.PaddedHeight, x.tile.PaddedWidth));
            foreach (var group in groups)
            {
                var (height, width) = group.Key;
                var perBatch = (int)Math.Clamp(BatchPixels / ((long)height * width), 1, int.MaxValue);
                foreach (var members in group.Chunk(perBatch))
                {
                    using var scope = torch.NewDisposeScope();
                    using var inference = torch.inference_mode();
                    var inputs = new List<Tensor>(members.Length);
                    foreach (var (image, level, _, tile) in members)
                    {
                        inputs.Add(PrepareTile(scaled[image][level] ?? grays[image], tile, level));
                    }

                    using var output = network.Forward(torch.stack(inputs));
                    var detections = postprocessor.Process(output.Loc, output.Conf, PriorsFor(output.FeatureSizes, height, width, cachePriors), height, width);
                    for (var b = 0; b < members.Length; b++)
                    {
                        var (image, level, index, _) = members[b];
                        tileDetections[image][level][index] = detections[b];
                    }
                }
            }

            var post = postprocessor.Options;
            return plans.Select((plan, image) => plan.Select((pass, level) =>
                (IReadOnlyList<Detection>)Rescale(TileMerge.Merge(pass.Tiles, tileDetections[image][level], post.NmsIoU), pass.Pass)).ToArray()).ToList();
        }
        finally
        {
            foreach (var image in scaled.SelectMany(s => s))
            {
                image?.Dispose();
            }
        }
    }

    /// <summary>Whether small writing is read again: asked for, and not ruled out by <see cref="DetectorOptions.MinDigitHeight"/>.</summary>
    private bool RereadsSmallWriting =>
        Options.RereadBelowHeight is { } below && !(Options.MinDigitHeight >= below);

    /// <summary>
    /// Reads the regions of small writing again, enlarged (<see cref="DetectorOptions.RereadBelowHeight"/>): what the
    /// network and the recognizer find in a region replaces what the first reading found there; the rest stays.
    /// </summary>
    private IReadOnlyList<Detection> Reread(Image gray, IReadOnlyList<Detection> digits)
    {
        var regions = RereadRegions.Find(digits, gray.Width, gray.Height, Options.RereadBelowHeight!.Value, RereadMinScore);
        if (regions.Count == 0)
        {
            return digits;
        }

        var scale = Options.RereadScale;
        var found = new List<Detection>();
        foreach (var region in regions)
        {
            var x = (int)Math.Floor(region.Crop.X1);
            var y = (int)Math.Floor(region.Crop.Y1);
            var width = (int)Math.Ceiling(region.Crop.X2) - x;
            var height = (int)Math.Ceiling(region.Crop.Y2) - y;
            using var crop = gray.Crop(x, y, width, height);
            var (enlargedWidth, enlargedHeight) = ((int)Math.Round(width * scale), (int)Math.Round(height * scale));
            using var enlarged = crop.Resize(enlargedWidth, enlargedHeight, Interpolation.Linear);
            var plan = rereadPlanner.Plan(enlargedWidth, enlargedHeight);
            var detections = RunPasses([plan], [enlarged], cachePriors: false)[0][0];
            var (scaleX, scaleY) = ((double)enlargedWidth / width, (double)enlargedHeight / height);
            found.AddRange(detections
                .Select(d => d with
                {
                    Box = new Box((float)((d.Box.X1 / scaleX) + x), (float)((d.Box.Y1 / scaleY) + y), (float)((d.Box.X2 / scaleX) + x), (float)((d.Box.Y2 / scaleY) + y)),
                })
                .Where(region.Holds));
        }

        var read = recognizer is null ? found : recognizer.Apply(gray, found);
        // Merged as two passes are: a digit on a region's edge may be centred inside it in one reading and outside in
        // the other, and is kept once.
        var kept = digits.Where(d => !regions.Any(r => r.Holds(d))).ToList();
        return PyramidMerge.Merge([new PyramidLevel(1, kept), new PyramidLevel(1, read)], postprocessor.Options.NmsIoU, int.MaxValue, 0);
    }

    /// <summary>A digit scoring less does not make a region of small writing: the number reader would not read it either.</summary>
    private static double RereadMinScore => new DigitOcr.Reading.NumberReaderOptions().MinDigitScore;

    /// <summary>The network input of one tile: cut from the pass's image (unless it is all of it), normalised and padded.</summary>
    private static Tensor PrepareTile(Image passImage, PassTile tile, int level)
    {
        var piece = new DetectorPass(level, tile.Width, tile.Height, tile.Width, tile.Height, tile.PaddedWidth, tile.PaddedHeight);
        if (tile.Width == passImage.Width && tile.Height == passImage.Height)
        {
            return InputPreprocessor.Prepare(passImage, piece);
        }

        using var crop = passImage.Crop(tile.X, tile.Y, tile.Width, tile.Height);
        return InputPreprocessor.Prepare(crop, piece);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        network.Dispose();
        recognizer?.Dispose();
        lock (priors)
        {
            foreach (var tensor in priors.Values)
            {
                tensor.Dispose();
            }

            priors.Clear();
        }
    }

    /// <summary>Priors for an input size, from the feature sizes the model actually produced; cached per size when <paramref name="cache"/> says so.</summary>
    private Tensor PriorsFor(IReadOnlyList<(int Height, int Width)> featureSizes, int height, int width, bool cache)
    {
        lock (priors)
        {
            if (priors.TryGetValue((height, width), out var cached))
            {
                return cached;
            }

            var tensor = priorGenerator.GenerateTensor(featureSizes, height, width, device);
            // Photos of many sizes give tiles of many sizes (6.7 MB of priors for a 1120 px tile): past the bound, a
            // size's priors are made for each use and freed with the caller's scope.
            if (cache && priors.Count < MaxCachedPriorSizes)
            {
                priors[(height, width)] = tensor.DetachFromDisposeScope();
            }

            return tensor;
        }
    }

    /// <summary>Boxes from a pass's network pixels back to the source image's pixels, clipped to it.</summary>
    private static List<Detection> Rescale(IReadOnlyList<Detection> detections, DetectorPass pass) =>
        detections.Select(d => d with
        {
            Box = new Box(
                (float)(d.Box.X1 / pass.ScaleX), (float)(d.Box.Y1 / pass.ScaleY),
                (float)(d.Box.X2 / pass.ScaleX), (float)(d.Box.Y2 / pass.ScaleY)).Clip(pass.SourceWidth, pass.SourceHeight),
        }).Where(d => !d.Box.IsEmpty).ToList();
}
