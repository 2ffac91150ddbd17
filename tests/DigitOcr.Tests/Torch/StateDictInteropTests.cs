using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Torch;

/// <summary>State dicts move between PyTorch and DigitOcr in both directions, in PyTorch's own file format.</summary>
public class StateDictInteropTests
{
    [Fact]
    public void StateDict_HasPyTorchNamesInPyTorchOrder()
    {
        using var net = new TinyNet();
        using var state = net.state_dict();
        Assert.Equal(
            [
                "features.0.weight", "features.0.bias",
                "features.1.weight", "features.1.bias", "features.1.running_mean", "features.1.running_var", "features.1.num_batches_tracked",
                "features.4.weight",
            ],
            state.Keys);
        Assert.Equal(ScalarType.Int64, state["features.1.num_batches_tracked"].dtype);
    }

    [Fact]
    public void PyTorchStateDict_LoadsAndReproducesPyTorchOutput()
    {
        using var scope = torch.NewDisposeScope();
        using var net = new TinyNet();
        using (var state = TorchFile.Load(Golden.PathOf("tiny_net_state.pt")))
        {
            Assert.Equal(3L, state["features.1.num_batches_tracked"].item<long>());
            var result = net.load_state_dict(state);
            Assert.Empty(result.MissingKeys);
        }

        net.eval();
        using var io = TorchFile.Load(Golden.PathOf("tiny_net_io.pt"));
        TensorAssert.Close(io["output"], net.forward(io["input"]), 1e-5, "eval output");
        Assert.Equal(3L, ((BatchNorm2d)net.features[1]).num_batches_tracked.item<long>());
    }

    [Fact]
    public void DigitOcrStateDict_LoadsInPyTorchAndReproducesOurOutput()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        using var net = new TinyNet();
        net.train();
        for (var i = 0; i < 5; i++)
        {
            net.forward(torch.randn([4, 1, 8, 8]));
        }

        net.eval();
        using var folder = new TempFolder("digitocr-state-");
        var statePath = folder.File("state.pt");
        var outputPath = folder.File("output.pt");
        using (var state = net.state_dict())
        {
            TorchFile.Save(state, statePath);
        }

        Python.Run("check_state_dict.py", statePath, Golden.PathOf("tiny_net_io.pt"), outputPath);

        using var io = TorchFile.Load(Golden.PathOf("tiny_net_io.pt"));
        using var fromPyTorch = TorchFile.Load(outputPath);
        TensorAssert.Close(net.forward(io["input"]), fromPyTorch["output"], 1e-5, "PyTorch's output with our weights");
        Assert.Equal(5L, fromPyTorch["num_batches_tracked"].item<long>());
    }

    [Fact]
    public void SaveThenLoad_ReturnsTheSameTensors()
    {
        using var scope = torch.NewDisposeScope();
        using var net = new TinyNet();
        using var folder = new TempFolder("digitocr-roundtrip-");
        var path = folder.File("state.pt");
        using var saved = net.state_dict();
        TorchFile.Save(saved, path);
        using var loaded = TorchFile.Load(path);
        Assert.Equal(saved.Keys, loaded.Keys);
        foreach (var (name, tensor) in saved)
        {
            Assert.Equal(tensor.dtype, loaded[name].dtype);
            TensorAssert.Close(tensor, loaded[name], 1e-12, name);
        }
    }

    [Fact]
    public void LoadStateDict_ListsMissingUnexpectedAndMisshapenKeys()
    {
        using var scope = torch.NewDisposeScope();
        using var net = new TinyNet();
        using var state = net.state_dict();
        var broken = state.Where(kv => kv.Key != "features.0.bias" && kv.Key != "features.4.weight")
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        broken["features.4.weight"] = torch.zeros([2, 4, 5, 5]);
        broken["head.weight"] = torch.zeros([1]);

        var error = Assert.Throws<StateDictMismatchException>(() => net.load_state_dict(broken));
        Assert.Equal(["features.0.bias"], error.Result.MissingKeys);
        Assert.Equal(["head.weight"], error.Result.UnexpectedKeys);
        Assert.Single(error.Result.MismatchedShapes);
        Assert.Contains("features.4.weight: expected [2, 4, 3, 3], got [2, 4, 5, 5]", error.Message);
    }

    [Fact]
    public void Load_TextFile_NamesTheFileAndTheFix()
    {
        using var folder = new TempFolder("digitocr-not-weights-");
        var path = folder.File("not-weights.pt");
        File.WriteAllText(path, "these are not weights");
        var error = Assert.Throws<InvalidDataException>(() => TorchFile.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("torch.save(model.state_dict()", error.Message);
    }
}
