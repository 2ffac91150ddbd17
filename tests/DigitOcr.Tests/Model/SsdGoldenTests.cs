using DigitOcr.Training;
using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Loss;
using DigitOcr.Matching;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Priors;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Model;

/// <summary>
/// The port against a PyTorch model written from REFERENCE.md (golden/make_ssd_golden.py): the same state dict
/// gives the same outputs, targets, losses, gradients and detections.
/// </summary>
public sealed class SsdGoldenTests : IDisposable
{
    private const double Tolerance = 1e-4;
    private static readonly LabeledBox[][] Truths =
    [
        [
            new(new Box(4, 6, 20, 30), 3),
            new(new Box(22, 8, 40, 34), 7),
            new(new Box(30, 30, 60, 62), 0),
        ],
        [],
    ];

    private readonly TrainingConfig config = TestConfigs.Golden;
    private readonly StateDict io = TorchFile.Load(Golden.PathOf("ssd_io.pt"));
    private readonly SsdDetector model;
    private readonly BoxCoder coder = new();

    public SsdGoldenTests()
    {
        model = new SsdDetector(config.Model);
        using var state = TorchFile.Load(Golden.PathOf("ssd_state.pt"));
        model.load_state_dict(state);
    }

    public void Dispose()
    {
        model.Dispose();
        io.Dispose();
    }

    [Fact]
    public void Priors_MatchPyTorch()
    {
        using var priors = Priors();
        TensorAssert.Close(io["priors"], priors, 1e-6);
    }

    [Fact]
    public void Forward_TrainAndEval_MatchPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        model.train();
        using (var output = model.forward(io["input"]))
        {
            TensorAssert.Close(io["loc"], output.Loc, Tolerance, "loc");
            TensorAssert.Close(io["conf"], output.Conf, Tolerance, "conf");
        }

        model.eval();
        using var evaluated = model.forward(io["input"]);
        TensorAssert.Close(io["eval_loc"], evaluated.Loc, Tolerance, "eval loc");
        TensorAssert.Close(io["eval_conf"], evaluated.Conf, Tolerance, "eval conf");
    }

    [Fact]
    public void MatchingLossAndGradients_MatchPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        model.train();
        var priors = Priors();
        using var output = model.forward(io["input"]);
        using var targets = new SsdMatcher(config.Matcher, coder).Match(Truths, priors, config.InputSize, config.InputSize);
        TensorAssert.Equal(io["conf_t"].flatten().data<long>(), targets.Labels.flatten());
        using (var positive = targets.Labels.gt(0.0).unsqueeze(2).expand(2, -1, 4))
        {
            TensorAssert.Close(io["loc_t"].masked_select(positive), targets.Locations.masked_select(positive), 1e-5, "loc targets");
        }

        using var loss = new MultiBoxLoss(config.Loss).Compute(output.Loc, output.Conf, targets);
        TensorAssert.Close(io["loss_l"], loss.Localization, Tolerance, "localization");
        TensorAssert.Close(io["loss_c"], loss.Classification, Tolerance, "classification");
        Assert.Equal(io["negatives"].item<long>(), loss.Negatives);

        loss.Total().backward();
        var parameters = model.named_parameters().ToDictionary(p => p.Name, p => p.Parameter);
        foreach (var key in io.Keys.Where(k => k.StartsWith("grad.", StringComparison.Ordinal)))
        {
            TensorAssert.Close(io[key], parameters[key["grad.".Length..]].grad!, Tolerance, key);
        }
    }

    [Fact]
    public void BatchGlobalMining_MatchesPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        var priors = Priors();
        using var targets = new SsdMatcher(config.Matcher, coder).Match(Truths, priors, config.InputSize, config.InputSize);
        var loss = new MultiBoxLoss(config.Loss with { Mining = NegativeMining.BatchGlobal }).Compute(io["loc"], io["conf"], targets);
        TensorAssert.Close(io["global_loss_l"], loss.Localization, Tolerance, "localization");
        TensorAssert.Close(io["global_loss_c"], loss.Classification, Tolerance, "classification");
        Assert.Equal(io["global_negatives"].item<long>(), loss.Negatives);
    }

    [Fact]
    public void Detections_MatchPyTorch()
    {
        using var scope = torch.NewDisposeScope();
        var priors = Priors();
        var detections = new DetectionPostprocessor(config.Postprocess, coder)
            .Process(io["det_loc"].unsqueeze(0), io["det_conf"].unsqueeze(0), priors, config.InputSize, config.InputSize)[0];
        var expected = io["detections"].data<float>();
        Assert.Equal(expected.Length / 6, detections.Count);
        for (var i = 0; i < detections.Count; i++)
        {
            var d = detections[i];
            Assert.Equal((int)expected[6 * i], d.Digit);
            Assert.Equal(expected[(6 * i) + 1], d.Score, 1e-5);
            Assert.Equal(expected[(6 * i) + 2], d.Box.X1, 1e-3);
            Assert.Equal(expected[(6 * i) + 3], d.Box.Y1, 1e-3);
            Assert.Equal(expected[(6 * i) + 4], d.Box.X2, 1e-3);
            Assert.Equal(expected[(6 * i) + 5], d.Box.Y2, 1e-3);
        }
    }

    private Tensor Priors() =>
        new PriorBoxGenerator(config.Priors).GenerateTensor(model.FeatureSizes(config.InputSize, config.InputSize), config.InputSize, config.InputSize);
}
