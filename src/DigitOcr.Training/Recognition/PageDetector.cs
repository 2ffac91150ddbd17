using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Postprocess;
using DigitOcr.Preprocessing;
using DigitOcr.Priors;
using DigitOcr.Torch;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// The detector run over whole synthetic pages in one pass at their own size (pages hold digits of 20-80 px, inside the
/// anchors' range), to harvest the boxes the recognizer will be asked about. Owns its model.
/// </summary>
public sealed class PageDetector : IDisposable
{
    private const int PadMultiple = 32;
    private readonly SsdDetector model;
    private readonly DetectionPostprocessor postprocessor;
    private readonly PriorBoxGenerator priors;

    public PageDetector(string modelPath)
    {
        using var file = ModelFile.Load(modelPath);
        var config = file.Config ?? new ModelConfig();
        model = new SsdDetector(config.Model);
        try
        {
            file.LoadInto(model, config);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        model.eval();
        postprocessor = new DetectionPostprocessor(config.Postprocess, new BoxCoder(config.Priors.Variances[0], config.Priors.Variances[1]));
        priors = new PriorBoxGenerator(config.Priors);
    }

    /// <summary>Detections on a gray page, in its pixels, best score first.</summary>
    public IReadOnlyList<Detection> Detect(Image gray)
    {
        var pass = new DetectorPass(0, gray.Width, gray.Height, gray.Width, gray.Height, Pad(gray.Width), Pad(gray.Height));
        using var scope = torch.NewDisposeScope();
        using var inference = torch.inference_mode();
        var input = InputPreprocessor.Prepare(gray, pass).unsqueeze(0);
        using var output = model.forward(input);
        using var anchors = priors.GenerateTensor(output.FeatureSizes, pass.PaddedHeight, pass.PaddedWidth);
        return postprocessor.Process(output.Loc, output.Conf, anchors, pass.PaddedHeight, pass.PaddedWidth)[0]
            .Select(d => d with { Box = d.Box.Clip(gray.Width, gray.Height) })
            .Where(d => !d.Box.IsEmpty)
            .ToList();
    }

    public void Dispose() => model.Dispose();

    private static int Pad(int size) => ((size + PadMultiple - 1) / PadMultiple) * PadMultiple;
}
