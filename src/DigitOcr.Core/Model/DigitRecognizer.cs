using DigitOcr.Config;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// The second-stage digit classifier: three stages of 3x3 convolutions with batch norm (two convs then a 2x2 max-pool,
/// two convs then a 2x2 max-pool, one or two convs: <see cref="RecognizerConfig.LastStageConvs"/>), global average pooling and a 1x1 convolution to 11 logits — the digits
/// 0-9 and "not a digit" (<see cref="RecognizerConfig.NotADigit"/>). Input: <c>[B, 1, S, S]</c> float32 crops
/// normalised like the detector's input (<see cref="ImageNormalization"/>); output: <c>[B, 11]</c> logits.
/// With the default widths (24, 48, 96) and one last conv: 79,523 parameters and about 16 M multiply-adds per 32x32 crop;
/// the shipped recognizer (32, 64, 128, two last convs): 288,299 and about 38 M.
/// </summary>
public sealed class DigitRecognizer : Module<Tensor, Tensor>
{
    private readonly MaxPool2d pool = new(2);

    public DigitRecognizer(RecognizerConfig config)
    {
        Config = config;
        var (a, b, c) = (config.Widths[0], config.Widths[1], config.Widths[2]);
        stage1 = register_module(nameof(stage1), new Sequential(ConvBnRelu(1, a), ConvBnRelu(a, a)));
        stage2 = register_module(nameof(stage2), new Sequential(ConvBnRelu(a, b), ConvBnRelu(b, b)));
        // The last stage is one flat sequence (conv, bn, relu, conv, bn, relu) so that one conv keeps the parameter
        // names of the first recognizers' files (stage3.0, stage3.1).
        stage3 = register_module(nameof(stage3), config.LastStageConvs == 2
            ? new Sequential([.. ConvBnReluLayers(b, c), .. ConvBnReluLayers(c, c)])
            : new Sequential(ConvBnReluLayers(b, c)));
        classifier = register_module(nameof(classifier), new Conv2d(c, RecognizerConfig.Classes, 1));
    }

    public RecognizerConfig Config { get; }

    /// <summary>The 2x2 max-pool after the first two stages (an exporter reads it).</summary>
    public MaxPool2d Pool => pool;

    public Sequential stage1 { get; }

    public Sequential stage2 { get; }

    public Sequential stage3 { get; }

    public Conv2d classifier { get; }

    /// <summary>Xavier-uniform on every convolution weight, as the detector is initialised; seeds libtorch's generator with <paramref name="seed"/>.</summary>
    public void InitializeWeights(long seed)
    {
        torch.manual_seed(seed);
        foreach (var (_, module) in named_modules())
        {
            if (module is Conv2d convolution)
            {
                torch.nn.init.xavier_uniform_(convolution.weight);
            }
        }
    }

    public override Tensor forward(Tensor input)
    {
        if (input.ndim != 4 || input.size(1) != 1)
        {
            throw new ArgumentException($"the recognizer expects [batch, 1, size, size] crops, got [{string.Join(", ", input.shape)}]", nameof(input));
        }

        using var scope = torch.NewDisposeScope();
        var x = pool.forward(stage1.forward(input));
        x = pool.forward(stage2.forward(x));
        x = stage3.forward(x).mean([2, 3], keepdim: true);
        return classifier.forward(x).flatten(1).MoveToOuterDisposeScope();
    }

    private static Sequential ConvBnRelu(int input, int output) => new(ConvBnReluLayers(input, output));

    private static Module<Tensor, Tensor>[] ConvBnReluLayers(int input, int output) =>
        [new Conv2d(input, output, 3, padding: 1, bias: false), new BatchNorm2d(output), new ReLU()];
}
