using DigitOcr.Loss;
using DigitOcr.Matching;
using DigitOcr.Model;
using DigitOcr.Priors;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Optim;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Model;

/// <summary>A full-size reference model saved by PyTorch (12,149,296 parameters) loads for inference and training.</summary>
public class ReferenceWeightsTests
{
    [Fact]
    public void FullReferenceStateDict_LoadsReproducesPyTorchAndTrains()
    {
        using var folder = new TempFolder("digitocr-full-");
        var statePath = folder.File("state.pt");
        var ioPath = folder.File("io.pt");
        Assert.Contains("12149296", Python.Run("make_ssd_golden.py", "--full", statePath, ioPath));

        var config = TestConfigs.Load("resnet18-ssd");
        using var model = new SsdDetector(config.Model);
        using (var state = TorchFile.Load(statePath))
        {
            model.load_state_dict(state);
        }

        using var scope = torch.NewDisposeScope();
        using var io = TorchFile.Load(ioPath);
        model.eval();
        using (var output = model.forward(io["input"]))
        {
            TensorAssert.Close(io["loc"], output.Loc, 1e-4, "loc");
            TensorAssert.Close(io["conf"], output.Conf, 1e-4, "conf");
        }

        // Further training from the loaded weights: one SGD step lowers the loss on the same batch.
        model.train();
        using var sgd = new SGD(model.parameters(), lr: 1e-3, momentum: 0.9);
        var sizes = model.FeatureSizes(96, 128);
        var priors = new PriorBoxGenerator(config.Priors).GenerateTensor(sizes, 96, 128);
        using var targets = new SsdMatcher(config.Matcher, new DigitOcr.Boxes.BoxCoder()).Match(
            [[new(new DigitOcr.Boxes.Box(10, 10, 40, 50), 4), new(new DigitOcr.Boxes.Box(60, 20, 90, 70), 2)]], priors, 96, 128);
        var lossFunction = new MultiBoxLoss(config.Loss);
        double Step()
        {
            using var inner = torch.NewDisposeScope();
            sgd.zero_grad();
            using var output = model.forward(io["input"]);
            using var loss = lossFunction.Compute(output.Loc, output.Conf, targets);
            var total = loss.Total();
            total.backward();
            sgd.step();
            return total.item<float>();
        }

        var first = Step();
        var second = Step();
        Assert.True(double.IsFinite(first) && second < first, $"loss went from {first} to {second}");
    }
}
