using DigitOcr.ModelFiles;
using DigitOcr.Torch;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.ModelFiles;

/// <summary>A model whose weights are NaN or infinite (saved from a diverged run) is refused on load, naming the tensors.</summary>
public sealed class ModelFileFiniteWeightsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digitocr-modelfile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(float.NaN, ScalarType.Float32, "1 NaN, 0 infinite")]
    [InlineData(float.PositiveInfinity, ScalarType.Float32, "0 NaN, 1 infinite")]
    [InlineData(float.NegativeInfinity, ScalarType.Float16, "0 NaN, 1 infinite")]
    public void Load_WithANonFiniteWeight_IsRefusedNamingTheTensor(float bad, ScalarType type, string counts)
    {
        var path = Path.Combine(folder, "diverged.pt");
        using (var good = torch.ones([4]))
        using (var weights = torch.tensor(new[] { 0.5f, bad, -0.25f, 1f }, [2, 2]))
        using (var typed = weights.to(type))
        using (var steps = torch.tensor(new long[] { 7 }))
        {
            TorchFile.Save([new("head.bias", good), new("head.weight", typed), new("bn.num_batches_tracked", steps)], path);
        }

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(path));

        Assert.Contains($"'{path}'", error.Message);
        Assert.Contains($"'head.weight' ({counts} of 4)", error.Message);
        Assert.DoesNotContain("head.bias", error.Message);
    }

    [Fact]
    public void Load_TheShippedModel_HasOnlyFiniteWeights()
    {
        var path = Path.Combine(Support.Shell.RepositoryRoot(), "models", "digitocr-lite.pt");

        using var model = ModelFile.Load(path);

        Assert.NotEmpty(model.Weights);
    }
}
