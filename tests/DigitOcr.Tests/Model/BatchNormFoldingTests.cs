using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Tests.Model;

/// <summary>Batch norm folded into the convolutions before it gives the same outputs, on random tiny models with random statistics.</summary>
public class BatchNormFoldingTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void FoldedDetector_GivesTheSameOutputs_Within1e4_AndEveryBatchNormIsFolded()
    {
        torch.manual_seed(11);
        using var model = new SsdDetector(TinyModel.Config.Model);
        model.InitializeWeights();
        var norms = RandomBatchNorms.Apply(model);
        using var input = torch.randn([2, 1, 64, 96]);
        var (loc, conf) = Outputs(model, input);

        var folded = BatchNormFolding.Fold(model);

        // 1 stem + 8 blocks x 2 + 3 downsamples in the backbone; 7 bottlenecks x 3 in the FPN.
        Assert.Equal(41, folded);
        Assert.Equal(norms, folded);
        Assert.All(model.named_modules().Select(m => m.Module).OfType<BatchNorm2d>(), n => Assert.True(n.IsFolded));
        var (foldedLoc, foldedConf) = Outputs(model, input);
        using (loc)
        using (conf)
        using (foldedLoc)
        using (foldedConf)
        {
            TensorAssert.Close(loc, foldedLoc, Tolerance, "loc");
            TensorAssert.Close(conf, foldedConf, Tolerance, "conf");
        }
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 6)]
    public void FoldedRecognizer_GivesTheSameLogits_Within1e4(int lastStageConvs, int batchNorms)
    {
        torch.manual_seed(12);
        using var model = new DigitRecognizer(new RecognizerConfig { LastStageConvs = lastStageConvs });
        model.InitializeWeights(12);
        RandomBatchNorms.Apply(model);
        using var crops = torch.randn([4, 1, 32, 32]);
        model.eval();
        using var expected = Logits(model, crops);

        Assert.Equal(batchNorms, BatchNormFolding.Fold(model));

        using var actual = Logits(model, crops);
        TensorAssert.Close(expected, actual, Tolerance, "logits");
    }

    [Fact]
    public void AConvolutionWithABias_KeepsItInTheFold()
    {
        torch.manual_seed(13);
        using var layers = new Sequential(new Conv2d(3, 4, 3, padding: 1, bias: true), new BatchNorm2d(4), new ReLU());
        RandomBatchNorms.Apply(layers);
        layers.eval();
        using var input = torch.randn([1, 3, 8, 8]);
        using var expected = Forward(layers, input);

        Assert.Equal(1, BatchNormFolding.Fold(layers));

        using var actual = Forward(layers, input);
        TensorAssert.Close(expected, actual, Tolerance, "output");
    }

    [Fact]
    public void AFoldedModel_RefusesToTrain()
    {
        using var layers = new Sequential(new Conv2d(1, 2, 3, bias: false), new BatchNorm2d(2));
        BatchNormFolding.Fold(layers);
        layers.train();
        // The scope frees the convolution's output that the refused forward leaves behind.
        using var scope = torch.NewDisposeScope();
        var input = torch.randn([1, 1, 5, 5]);

        var error = Assert.Throws<InvalidOperationException>(() => layers.forward(input).Dispose());

        Assert.Contains("folded", error.Message);
    }

    /// <summary>Gives every batch norm statistics and an affine far from the identity, so that a wrong fold shows; returns their count.</summary>
    private static (Tensor Loc, Tensor Conf) Outputs(SsdDetector model, Tensor input)
    {
        model.eval();
        using var inference = torch.inference_mode();
        using var output = model.forward(input);
        return (output.Loc.clone(), output.Conf.clone());
    }

    private static Tensor Logits(DigitRecognizer model, Tensor crops)
    {
        using var inference = torch.inference_mode();
        return model.forward(crops);
    }

    private static Tensor Forward(Sequential layers, Tensor input)
    {
        using var inference = torch.inference_mode();
        return layers.forward(input);
    }
}
