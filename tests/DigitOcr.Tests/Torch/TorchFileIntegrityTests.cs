using DigitOcr.Torch;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Torch;

/// <summary>A weights file damaged after it was written is refused, not loaded with wrong numbers.</summary>
public sealed class TorchFileIntegrityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digitocr-torchfile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_AFileWhoseTensorBytesChanged_IsRefusedAsDamaged()
    {
        var path = Path.Combine(folder, "weights.pt");
        var values = Enumerable.Range(0, 64).Select(i => 1000f + i).ToArray();
        using (var tensor = torch.tensor(values))
        {
            TorchFile.Save([new("layer.weight", tensor)], path);
        }

        // The writer stores records uncompressed: find the floats and change one bit of one of them.
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(BitConverter.GetBytes(1010f));
        Assert.True(at > 0, "the tensor's bytes are not stored as they are");
        bytes[at] ^= 1;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => TorchFile.Load(path));

        Assert.Contains($"'{path}' is damaged", error.Message);
        Assert.Contains("CRC-32", error.Message);
        Assert.Contains("data/", error.Message);
    }

    [Fact]
    public void Load_AFileWithCorrectChecksums_Loads()
    {
        var path = Path.Combine(folder, "weights.pt");
        using (var tensor = torch.arange(0, 10, 1, ScalarType.Float32))
        {
            TorchFile.Save([new("w", tensor)], path);
        }

        using var state = TorchFile.Load(path);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), state["w"].data<float>());
    }
}
