using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Data.Loading;
using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Priors;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Serialization;
using DigitOcr.Training;

namespace DigitOcr.Inference;

/// <summary>
/// Finds handwritten digits in images. Load a DigitOcr checkpoint, a PyTorch state dict of the reference
/// architecture, or the model shipped in this package; then call <see cref="Detect(string)"/>. Thread-safe: calls
/// may run concurrently (each uses libtorch's intra-op threads). Owns the model: dispose it.
/// </summary>
public sealed class DigitDetector : IDisposable
{
    private readonly SsdDetector model;
    private readonly Device device;
    private readonly DetectionPostprocessor postprocessor;
    private readonly PriorBoxGenerator priorGenerator;
    private readonly MemoryFormat format;
    private readonly Dictionary<(int, int), Tensor> priors = [];
    private bool disposed;

    private DigitDetector(SsdDetector model, DetectorConfig config, DetectorOptions options, string source)
    {
        this.model = model;
        Config = config;
        Options = options;
        Source = source;
        device = Torch.Device.Parse(options.Device);
        model.to(device);
        format = options.ChannelsLast ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;
        model.to(format);
        model.eval();
        var post = config.Postprocess with
        {
            ScoreThreshold = options.ScoreThreshold ?? config.Postprocess.ScoreThreshold,
            NmsIoU = options.NmsIoU ?? config.Postprocess.NmsIoU,
            MaxDetections = options.MaxDetections ?? config.Postprocess.MaxDetections,
        };
        postprocessor = new DetectionPostprocessor(post, new BoxCoder(config.Priors.Variances[0], config.Priors.Variances[1]));
        priorGenerator = new PriorBoxGenerator(config.Priors);
    }

    /// <summary>The model's configuration.</summary>
    public DetectorConfig Config { get; }

    public DetectorOptions Options { get; }

    /// <summary>Where the weights came from (a path, or the embedded default model).</summary>
    public string Source { get; }

    /// <summary>
    /// Loads weights from <paramref name="modelPath"/> — a DigitOcr checkpoint (its config travels with it) or a
    /// <c>torch.save(model.state_dict())</c> file of the architecture in <see cref="DetectorOptions.ConfigForStateDict"/> —
    /// or, when null, the default model shipped with DigitOcr.
    /// </summary>
    public static DigitDetector Load(string? modelPath = null, DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        options.Validate();
        if (modelPath is null)
        {
            using var stream = DefaultModel.Open();
            return FromEntries(TorchFile.Load(stream, DefaultModel.Name), DefaultModel.Name, options);
        }

        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"model file '{modelPath}' does not exist; pass a checkpoint written by the trainer (best.pt) or omit it for the shipped model", modelPath);
        }

        return FromEntries(TorchFile.Load(modelPath), modelPath, options);
    }

    private static DigitDetector FromEntries(StateDict entries, string source, DetectorOptions options)
    {
        DetectorConfig config;
        IReadOnlyDictionary<string, Tensor> weights;
        Checkpoint? checkpoint = null;
        if (Checkpoint.IsCheckpoint(entries))
        {
            checkpoint = Checkpoint.FromEntries(entries, source);
            config = checkpoint.Config;
            weights = checkpoint.ModelState;
        }
        else
        {
            config = options.ConfigForStateDict ?? new DetectorConfig();
            weights = entries;
        }

        var model = new SsdDetector(config.Model);
        try
        {
            model.load_state_dict(weights);
        }
        catch (StateDictMismatchException e)
        {
            model.Dispose();
            throw new InvalidDataException(
                $"the weights in '{source}' do not fit the '{config.Name}' architecture (widths {string.Join("/", config.Model.Widths)}). " +
                "For a plain state dict, set DetectorOptions.ConfigForStateDict to the config it was trained with. " + e.Message, e);
        }
        finally
        {
            if (checkpoint is not null)
            {
                checkpoint.Dispose();
            }
            else
            {
                entries.Dispose();
            }
        }

        return new DigitDetector(model, config, options, source);
    }

    /// <summary>Detects digits in an image file (PNG, JPEG, BMP, TIFF; EXIF orientation applied).</summary>
    public DetectionResult Detect(string path)
    {
        using var image = Image.Load(path, Options.Decode);
        return Detect(image);
    }

    /// <summary>Detects digits in encoded image bytes; <paramref name="sourceName"/> names them in errors.</summary>
    public DetectionResult Detect(ReadOnlySpan<byte> encoded, string sourceName = "image bytes")
    {
        using var image = Image.Decode(encoded, sourceName, Options.Decode);
        return Detect(image);
    }

    /// <summary>Detects digits in an encoded image read from <paramref name="stream"/>.</summary>
    public DetectionResult Detect(Stream stream, string sourceName = "image stream")
    {
        using var image = Image.Load(stream, sourceName, Options.Decode);
        return Detect(image);
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
    /// Detects digits in several decoded images (the caller keeps ownership). Each image runs at the size policy's
    /// scale and at the coarser levels of <see cref="DetectorOptions.PyramidLevels"/>; passes of the same network
    /// size run as one batch.
    /// </summary>
    public IReadOnlyList<DetectionResult> DetectBatch(IReadOnlyList<Image> images)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var prepared = new List<Prepared>();
        for (var i = 0; i < images.Count; i++)
        {
            using var gray = images[i].Channels == 1 ? null : images[i].ToGray();
            for (var level = 0; level < Options.PyramidLevels; level++)
            {
                var (width, height) = LevelSize(images[i], level);
                if (level > 0 && Math.Max(Pad(width), Pad(height)) < DetectorOptions.PyramidMinSide)
                {
                    break;
                }

                prepared.Add(Prepare(gray ?? images[i], i, level));
            }
        }

        var found = new List<Detection>[prepared.Count];
        foreach (var group in prepared.Select((p, i) => (p, i)).GroupBy(x => (x.p.PaddedHeight, x.p.PaddedWidth)))
        {
            var members = group.ToList();
            var (height, width) = group.Key;
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            var plane = height * width;
            var values = new float[members.Count * plane];
            for (var b = 0; b < members.Count; b++)
            {
                members[b].p.Input.CopyTo(values, b * plane);
            }

            var input = torch.tensor(values, [members.Count, 1, height, width], device).contiguous(format);
            using var output = model.forward(input);
            var detections = postprocessor.Process(output.Loc, output.Conf, PriorsFor(height, width), height, width);
            for (var b = 0; b < members.Count; b++)
            {
                var (p, index) = members[b];
                found[index] = Rescale(detections[b], p);
            }
        }

        var post = postprocessor.Options;
        return prepared.Select((p, i) => (p, i)).GroupBy(x => x.p.Image).OrderBy(g => g.Key).Select(passes =>
        {
            var levels = passes.OrderBy(x => x.p.Level).Select(x => new PyramidLevel(x.p.Scale, found[x.i])).ToList();
            var first = passes.First(x => x.p.Level == 0).p;
            var digits = PyramidMerge.Merge(levels, post.NmsIoU, post.MaxDetections, Options.PyramidMinHeight);
            return new DetectionResult(first.Width, first.Height, digits, first.Scale);
        }).ToList();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        model.Dispose();
        lock (priors)
        {
            foreach (var tensor in priors.Values)
            {
                tensor.Dispose();
            }

            priors.Clear();
        }
    }

    private Tensor PriorsFor(int height, int width)
    {
        lock (priors)
        {
            if (!priors.TryGetValue((height, width), out var tensor))
            {
                var sizes = FeatureGeometry.FeatureSizes(height, width);
                tensor = priorGenerator.GenerateTensor(sizes, height, width, device).DetachFromDisposeScope();
                priors[(height, width)] = tensor;
            }

            return tensor;
        }
    }

    /// <summary>The network-input size of a pyramid level: the size policy's scale, halved <paramref name="level"/> times.</summary>
    private (int Width, int Height) LevelSize(Image image, int level)
    {
        var scale = Math.Min(1.0, (double)Options.MaxSide / Math.Max(image.Width, image.Height)) * Math.Pow(0.5, level);
        return (Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
    }

    /// <summary>
    /// A gray image scaled to its pyramid level's size, normalised, padded with white to a multiple of the stride.
    /// </summary>
    private Prepared Prepare(Image image, int imageIndex, int level)
    {
        var (width, height) = LevelSize(image, level);
        using var resized = width == image.Width && height == image.Height ? null : image.Resize(width, height, Interpolation.Area);
        var pixels = (resized ?? image).ToPixels();
        var paddedWidth = Pad(width);
        var paddedHeight = Pad(height);
        var input = new float[paddedWidth * paddedHeight];
        Array.Fill(input, ImageNormalization.Levels[byte.MaxValue]);
        for (var y = 0; y < height; y++)
        {
            ImageNormalization.Normalize(pixels.AsSpan(y * width, width), input.AsSpan(y * paddedWidth, width));
        }

        return new Prepared(imageIndex, level, input, image.Width, image.Height, paddedWidth, paddedHeight, (double)width / image.Width, (double)height / image.Height);
    }

    private int Pad(int size) => ((size + Options.PadMultiple - 1) / Options.PadMultiple) * Options.PadMultiple;

    private static List<Detection> Rescale(IReadOnlyList<Detection> detections, Prepared p) =>
        detections.Select(d => d with
        {
            Box = new Box(
                (float)(d.Box.X1 / p.ScaleX), (float)(d.Box.Y1 / p.ScaleY),
                (float)(d.Box.X2 / p.ScaleX), (float)(d.Box.Y2 / p.ScaleY)).Clip(p.Width, p.Height),
        }).Where(d => !d.Box.IsEmpty).ToList();

    private sealed record Prepared(int Image, int Level, float[] Input, int Width, int Height, int PaddedWidth, int PaddedHeight, double ScaleX, double ScaleY)
    {
        public double Scale => Math.Min(ScaleX, ScaleY);
    }
}
