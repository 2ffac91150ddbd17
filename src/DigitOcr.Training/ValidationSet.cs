using DigitOcr.Boxes;
using DigitOcr.Data.Loading;
using DigitOcr.Training.Metrics;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Reading;
using DigitOcr.Torch;

namespace DigitOcr.Training;

/// <summary>One fixed validation image: 8-bit gray pixels, its ground truth and, for the reference preset, the patch boxes.</summary>
public sealed record ValidationImage(byte[] Pixels, int Width, int Height, IReadOnlyList<LabeledBox> Truths, IReadOnlyList<LabeledBox> PatchTruths);

/// <summary>
/// Validation figures of one set: mAP at IoU 0.5 against the tight boxes, against the patch boxes where present,
/// number-level exact match where the ground truth knows its written numbers (pages), and the training loss
/// (localization + classification) per image where the set computes it (the user's held-out images).
/// </summary>
public sealed record ValidationResult(string Name, AveragePrecisionResult Tight, AveragePrecisionResult? Patch, NumberMatchResult? Numbers = null, double? Loss = null);

/// <summary>
/// A fixed validation set (built once from MNIST test digits) and its evaluation: the model in eval mode detects
/// every image, and PASCAL VOC AP at IoU 0.5 is computed per digit.
/// </summary>
public sealed class ValidationSet(string name, IReadOnlyList<ValidationImage> images) : IValidationSet
{
    public string Name { get; } = name;

    public IReadOnlyList<ValidationImage> Images { get; } = images;

    /// <summary>Detections for every image (pixels), in batches of <paramref name="batchSize"/> equal-sized images.</summary>
    public IReadOnlyList<IReadOnlyList<Detection>> Detect(SsdDetector model, Tensor priors, DetectionPostprocessor postprocessor, int batchSize = 16)
    {
        var results = new List<IReadOnlyList<Detection>>(Images.Count);
        var wasTraining = model.training;
        model.eval();
        try
        {
            for (var start = 0; start < Images.Count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                using var inference = torch.inference_mode();
                var chunk = Images.Skip(start).Take(batchSize).ToList();
                var (height, width) = (chunk[0].Height, chunk[0].Width);
                if (chunk.Any(i => i.Width != width || i.Height != height))
                {
                    throw new InvalidOperationException($"validation set '{Name}' mixes image sizes");
                }

                using var input = Normalize(chunk.Select(i => i.Pixels).ToList(), height, width, priors.device);
                using var output = model.forward(input);
                results.AddRange(postprocessor.Process(output.Loc, output.Conf, priors, height, width));
            }
        }
        finally
        {
            model.train(wasTraining);
        }

        return results;
    }

    public ValidationResult Evaluate(SsdDetector model, Tensor priors, DetectionPostprocessor postprocessor)
    {
        var detections = Detect(model, priors, postprocessor);
        var tight = new AveragePrecision();
        var patch = new AveragePrecision();
        var numbers = new NumberExactMatch(new NumberReader());
        var hasPatch = Images.Any(i => i.PatchTruths.Count > 0);
        var hasNumbers = Images.Any(i => i.Truths.Any(t => t.Number >= 0));
        for (var i = 0; i < Images.Count; i++)
        {
            tight.Add(detections[i], Images[i].Truths);
            patch.Add(detections[i], Images[i].PatchTruths);
            numbers.Add(detections[i], Images[i].Truths);
        }

        return new ValidationResult(Name, tight.Compute(), hasPatch ? patch.Compute() : null, hasNumbers ? numbers.Compute() : null);
    }

    /// <summary>8-bit images to the network's input <c>[B, 1, H, W]</c> (<see cref="ImageNormalization"/>).</summary>
    public static Tensor Normalize(IReadOnlyList<byte[]> images, int height, int width, Device? device = null)
    {
        var plane = height * width;
        var values = new float[images.Count * plane];
        for (var b = 0; b < images.Count; b++)
        {
            var pixels = images[b];
            if (pixels.Length != plane)
            {
                throw new ArgumentException($"image {b} has {pixels.Length} pixels, expected {width}x{height}");
            }

            ImageNormalization.Normalize(pixels, values.AsSpan(b * plane, plane));
        }

        return torch.tensor(values, [images.Count, 1, height, width], device);
    }
}
