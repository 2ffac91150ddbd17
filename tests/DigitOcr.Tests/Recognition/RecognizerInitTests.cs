using DigitOcr.Config;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Onnx;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Training;
using DigitOcr.Training.Recognition;

namespace DigitOcr.Tests.Recognition;

/// <summary>
/// A recognizer run may start from a trained recognizer (<c>training.init</c>, <c>--init</c>), and from any member
/// of a file of several (<see cref="RecognizerTrainingConfig.InitMember"/>, <c>--init-member</c>): with a learning
/// rate too small to move a weight, the run's weights are the member's.
/// </summary>
public sealed class RecognizerInitTests : IDisposable
{
    private const string TinyConfigJson = """{"task": "recognizer", "name": "tiny", "widths": [4, 8, 8]}""";
    private readonly TempFolder folder = new("digitocr-recognizer-init-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Init_FromTheSecondMemberOfAPair_StartsFromThatMembersWeights()
    {
        var pair = SavePair();
        var trainer = new RecognizerTrainer(Config(pair, member: 1), folder.File("run"));

        trainer.Fit(BlankCrops(), new CropSet(32));

        using var trained = ModelFile.Load(trainer.BestPath);
        using var saved = ModelFile.Load(pair);
        // Convolution weights: random, so the two members' differ (batch norm starts at 1 and 0 in both).
        var convs = trained.Weights.Where(kv => kv.Value.dim() == 4).Select(kv => kv.Key).ToList();
        Assert.NotEmpty(convs);
        foreach (var key in convs)
        {
            var second = saved.Weights[$"{RecognizerEnsemble.MemberPrefix}1.{key}"];
            var first = saved.Weights[$"{RecognizerEnsemble.MemberPrefix}0.{key}"];
            Assert.True(MaxDifference(trained.Weights[key], second) < 1e-6, $"{key} is not the second member's");
            Assert.True(MaxDifference(trained.Weights[key], first) > 1e-3, $"{key} is the first member's");
        }
    }

    [Fact]
    public void Init_AMemberThePairDoesNotHave_IsRefusedWithTheMembersThereAre()
    {
        var pair = SavePair();
        var trainer = new RecognizerTrainer(Config(pair, member: 2), folder.File("run"));

        var error = Assert.Throws<InvalidDataException>(() => trainer.Fit(BlankCrops(), new CropSet(32)));

        Assert.Contains("--init-member 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_FromARecognizerOfOtherWidths_NamesBothArchitectures()
    {
        var pair = SavePair();
        var config = Config(pair, member: 0) with { Widths = [8, 16, 32] };
        var trainer = new RecognizerTrainer(config, folder.File("run"));

        var error = Assert.Throws<InvalidDataException>(() => trainer.Fit(BlankCrops(), new CropSet(32)));

        Assert.Contains("widths 4/8/8", error.Message, StringComparison.Ordinal);
        Assert.Contains("widths 8/16/32", error.Message, StringComparison.Ordinal);
    }

    private RecognizerTrainingConfig Config(string init, int member) => new RecognizerTrainingConfig
    {
        Name = "tiny",
        Widths = [4, 8, 8],
        InitMember = member,
        Training = new TrainingOptions
        {
            Epochs = 1, ImagesPerEpoch = 64, BatchSize = 32, Optimizer = OptimizerKind.AdamW,
            LearningRate = 1e-12, WeightDecay = 0, Seed = 9, Init = init,
        },
    }.Validated();

    /// <summary>Two tiny recognizers with different random weights, as one file.</summary>
    private string SavePair()
    {
        var path = folder.File("pair.pt");
        var config = RecognizerConfig.FromJson(TinyConfigJson);
        torch.manual_seed(1);
        using var a = new DigitRecognizer(config);
        torch.manual_seed(2);
        using var b = new DigitRecognizer(config);
        IReadOnlyDictionary<string, ActivationRange> none = new Dictionary<string, ActivationRange>();
        RecognizerEnsemble.Save(path, [a, b], TinyConfigJson, [none, none]);
        return path;
    }

    private static float MaxDifference(Tensor a, Tensor b)
    {
        using var difference = a - b;
        using var magnitude = difference.abs();
        using var largest = magnitude.max();
        return largest.item<float>();
    }

    private static CropSet BlankCrops()
    {
        var crops = new CropSet(32);
        for (var i = 0; i < 64; i++)
        {
            crops.Add(Enumerable.Repeat((byte)(200 + (i % 50)), 32 * 32).ToArray(), i % 11);
        }

        return crops;
    }
}
