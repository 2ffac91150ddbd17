using DigitOcr.Boxes;
using DigitOcr.Data.Annotated;
using DigitOcr.Imaging;
using DigitOcr.Loss;
using DigitOcr.Matching;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Preprocessing;
using DigitOcr.Priors;
using DigitOcr.Reading;
using DigitOcr.Torch;
using DigitOcr.Training.Metrics;

namespace DigitOcr.Training;

/// <summary>
/// The user's held-out annotated images as a validation set: each whole image in one pass at its own size (scaled
/// down to fit <see cref="Data.Annotated.AnnotatedOptions.ValidationMaxSide"/> when larger), padded to the backbone's
/// stride, as the predictor's finest pass reads it. Reports mAP@0.5 per digit and numbers read exactly against the
/// annotations, and the training loss on these images (<see cref="ValidationResult.Loss"/>: it moves before the mAP
/// does). The detector alone, without the predictor's coarser passes and recognizer: <c>evaluate --data-dir</c>
/// scores the whole predictor.
/// </summary>
public sealed class AnnotatedValidationSet : IValidationSet
{
    /// <summary>Inputs are padded to a multiple of the backbone's largest stride, as the predictor pads them.</summary>
    private const int PadMultiple = 32;

    private readonly PriorBoxGenerator generator;
    private readonly SsdMatcher matcher;
    private readonly MultiBoxLoss loss;
    private readonly int maxSide;

    /// <param name="name">The set's name in logs and metrics.</param>
    /// <param name="images">The held-out images.</param>
    /// <param name="config">The run's config: its priors, matcher and loss, and <c>data.user.validationMaxSide</c>.</param>
    public AnnotatedValidationSet(string name, IReadOnlyList<AnnotatedImage> images, TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(config);
        Name = name;
        Images = images;
        generator = new PriorBoxGenerator(config.Priors);
        matcher = new SsdMatcher(config.Matcher, new BoxCoder(config.Priors.Variances[0], config.Priors.Variances[1]));
        loss = new MultiBoxLoss(config.Loss);
        maxSide = config.Data.User.ValidationMaxSide;
    }

    public string Name { get; }

    public IReadOnlyList<AnnotatedImage> Images { get; }

    public ValidationResult Evaluate(SsdDetector model, Tensor priors, DetectionPostprocessor postprocessor)
    {
        var (detections, meanLoss) = Run(model, priors.device, postprocessor);
        var ap = new AveragePrecision();
        var numbers = new NumberExactMatch(new NumberReader());
        for (var i = 0; i < Images.Count; i++)
        {
            ap.Add(detections[i], Images[i].Boxes);
            numbers.Add(detections[i], Images[i].Boxes);
        }

        return new ValidationResult(Name, ap.Compute(), null, numbers.Compute(), meanLoss);
    }

    /// <summary>Detections for every image, in its own pixels, and the mean loss (localization + classification) per image.</summary>
    public (IReadOnlyList<IReadOnlyList<Detection>> Detections, double Loss) Run(SsdDetector model, Device device, DetectionPostprocessor postprocessor)
    {
        var anchors = new Dictionary<(int, int), Tensor>();
        var results = new List<IReadOnlyList<Detection>>(Images.Count);
        var totalLoss = 0.0;
        var wasTraining = model.training;
        model.eval();
        try
        {
            foreach (var image in Images)
            {
                using var gray = Image.Load(image.Path);
                var scale = Math.Min(1.0, (double)maxSide / Math.Max(gray.Width, gray.Height));
                var (w, h) = (Math.Max(1, (int)Math.Round(gray.Width * scale)), Math.Max(1, (int)Math.Round(gray.Height * scale)));
                var pass = new DetectorPass(0, gray.Width, gray.Height, w, h, Pad(w), Pad(h));
                using var scope = torch.NewDisposeScope();
                using var inference = torch.inference_mode();
                var input = InputPreprocessor.Prepare(gray, pass).unsqueeze(0).to(device);
                using var output = model.forward(input);
                var key = (pass.PaddedHeight, pass.PaddedWidth);
                if (!anchors.TryGetValue(key, out var imagePriors))
                {
                    imagePriors = generator.GenerateTensor(output.FeatureSizes, pass.PaddedHeight, pass.PaddedWidth, device).DetachFromDisposeScope();
                    anchors[key] = imagePriors;
                }

                var truths = image.Boxes.Select(t => t with { Box = t.Box.Scale((float)pass.ScaleX, (float)pass.ScaleY) }).ToList();
                using var targets = matcher.Match([truths], imagePriors, pass.PaddedHeight, pass.PaddedWidth);
                using var parts = loss.Compute(output.Loc, output.Conf, targets);
                totalLoss += parts.Localization.item<float>() + parts.Classification.item<float>();
                results.Add(postprocessor.Process(output.Loc, output.Conf, imagePriors, pass.PaddedHeight, pass.PaddedWidth)[0]
                    .Select(d => d with { Box = d.Box.Scale((float)(1 / pass.ScaleX), (float)(1 / pass.ScaleY)).Clip(gray.Width, gray.Height) })
                    .Where(d => !d.Box.IsEmpty)
                    .ToList());
            }
        }
        finally
        {
            model.train(wasTraining);
            foreach (var tensor in anchors.Values)
            {
                tensor.Dispose();
            }
        }

        return (results, Images.Count == 0 ? double.NaN : totalLoss / Images.Count);
    }

    private static int Pad(int size) => ((size + PadMultiple - 1) / PadMultiple) * PadMultiple;
}
