using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Optim;

namespace DigitOcr.Tests.Torch;

public class OptimizerTests
{
    [Fact]
    public void Sgd_WithMomentumAndWeightDecay_MatchesPyTorchOverThreeSteps()
    {
        using var scope = torch.NewDisposeScope();
        using var p = new Parameter(Golden.Op("sgd.initial").clone());
        using var sgd = new SGD([p], lr: 0.1, momentum: 0.9, weight_decay: 0.01);
        for (var k = 0; k < 3; k++)
        {
            sgd.zero_grad();
            (p * Golden.Op($"sgd.grad{k}")).sum().backward();
            sgd.step();
            TensorAssert.Close(Golden.Op($"sgd.after{k}"), p, 1e-6, $"after step {k}");
        }
    }

    [Fact]
    public void AdamW_MatchesPyTorchOverThreeSteps()
    {
        using var scope = torch.NewDisposeScope();
        using var q = new Parameter(Golden.Op("adamw.initial").clone());
        using var adam = new AdamW([q], lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.05);
        for (var k = 0; k < 3; k++)
        {
            adam.zero_grad();
            (q * Golden.Op($"adamw.grad{k}")).sum().backward();
            adam.step();
            TensorAssert.Close(Golden.Op($"adamw.after{k}"), q, 1e-6, $"after step {k}");
        }
    }

    [Fact]
    public void OptimizerState_SurvivesAReload()
    {
        using var scope = torch.NewDisposeScope();
        using var a = new Parameter(torch.ones([3]));
        using var b = new Parameter(torch.ones([3]));
        using var first = new SGD([a], lr: 0.1, momentum: 0.9);
        using var second = new SGD([b], lr: 0.1, momentum: 0.9);
        var gradient = torch.tensor(new[] { 1f, -2f, 3f });
        (a * gradient).sum().backward();
        first.step();
        second.LoadState(new Dictionary<string, IReadOnlyList<Tensor?>> { ["momentum_buffer"] = [first.MomentumBuffers[0]!.clone()] });
        using (torch.no_grad())
        {
            b.copy_(a.detach());
        }

        first.zero_grad();
        (a * gradient).sum().backward();
        first.step();
        (b * gradient).sum().backward();
        second.step();
        Assert.Equal(a.data<float>(), b.data<float>());
    }

    [Fact]
    public void Sgd_PlainStep_IsParameterMinusLearningRateTimesGradient()
    {
        using var scope = torch.NewDisposeScope();
        using var p = new Parameter(torch.tensor(new[] { 1f, 2f }));
        using var sgd = new SGD([p], lr: 0.5);
        (p * torch.tensor(new[] { 2f, -4f })).sum().backward();
        sgd.step();
        Assert.Equal(new[] { 0f, 4f }, p.data<float>());
        Assert.Null(sgd.MomentumBuffers[0]);
    }

    [Fact]
    public void MultiStepLR_MatchesPyTorchSchedule()
    {
        using var scope = torch.NewDisposeScope();
        using var p = new Parameter(torch.zeros([1]));
        using var sgd = new SGD([p], lr: 0.1);
        var scheduler = new MultiStepLR(sgd, [2, 4], gamma: 0.1);
        var expected = Golden.Op("multistep.lrs").data<double>();
        foreach (var lr in expected)
        {
            Assert.Equal(lr, sgd.LearningRate, 12);
            scheduler.step();
        }
    }

    [Fact]
    public void ZeroGrad_DropsGradients()
    {
        using var scope = torch.NewDisposeScope();
        using var p = new Parameter(torch.ones([3]));
        using var sgd = new SGD([p], lr: 0.1);
        p.sum().backward();
        Assert.NotNull(p.grad);
        sgd.zero_grad();
        Assert.Null(p.grad);
    }
}
