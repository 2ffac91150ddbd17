using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Optim;
using Xunit.Abstractions;

namespace DigitOcr.Tests.Torch;

/// <summary>Native memory does not grow across thousands of training steps: every handle has an owner.</summary>
[Collection(LeakTestCollection.Name)]
public class LeakTests(ITestOutputHelper output)
{
    private const long MaxGrowthBytes = 50L * 1024 * 1024;

    [Fact]
    public void TwoThousandTrainingSteps_LeaveNoHandlesAndBoundedMemory()
    {
        torch.manual_seed(11);
        using var net = new Sequential(
            new Conv2d(1, 8, 3, padding: 1), new BatchNorm2d(8), new ReLU(), new MaxPool2d(2),
            new Conv2d(8, 4, 3, padding: 1), new BatchNorm2d(4), new ReLU());
        using var optimizer = new SGD(net.parameters(), lr: 0.01, momentum: 0.9, weight_decay: 5e-5);
        using var input = torch.randn([4, 1, 16, 16]);
        using var target = torch.randn([4, 4, 8, 8]);

        void Step()
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = torch.nn.functional.smooth_l1_loss(net.forward(input), target);
            loss.backward();
            optimizer.step();
        }

        for (var i = 0; i < 200; i++)
        {
            Step();
        }

        ProcessMemory.Settle();
        var handles = torch.LiveTensorCount;
        var resident = ProcessMemory.ResidentBytes();
        for (var i = 0; i < 2000; i++)
        {
            Step();
        }

        Assert.Equal(handles, torch.LiveTensorCount);
        ProcessMemory.Settle();
        var growth = ProcessMemory.ResidentBytes() - resident;
        output.WriteLine($"2,000 training steps: live tensors {handles} -> {torch.LiveTensorCount}; resident memory {resident / 1048576.0:F1} MB -> {growth / 1048576.0:+0.0;-0.0} MB");
        Assert.True(growth < MaxGrowthBytes, $"resident memory grew by {growth / 1048576.0:F1} MB over 2,000 steps");
    }

    [Fact]
    public void DisposeScope_FreesEveryTemporaryOfAForwardPass()
    {
        using var net = new Sequential(new Conv2d(1, 2, 3), new BatchNorm2d(2), new ReLU());
        using var input = torch.randn([1, 1, 6, 6]);
        var before = torch.LiveTensorCount;
        Tensor kept;
        using (var scope = torch.NewDisposeScope())
        {
            var output = net.forward(input);
            output.sum().backward();
            kept = (output * 2).MoveToOuterDisposeScope();
            Assert.True(scope.Count > 0);
        }

        Assert.Equal(before + 1, torch.LiveTensorCount);
        kept.Dispose();
        Assert.Equal(before, torch.LiveTensorCount);
    }
}

/// <summary>Leak tests count process-wide handles, so they never run beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeakTestCollection
{
    public const string Name = "leak tests";
}
