using DigitOcr.Torch;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Support;

/// <summary>The golden files written by <c>golden/make_golden.py</c> (PyTorch's own results), loaded once.</summary>
public static class Golden
{
    private static readonly Lazy<StateDict> OpsFile = new(() => TorchFile.Load(PathOf("ops.pt")));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "golden");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>A tensor of ops.pt, such as "conv2d.weight"; owned by the cache (do not dispose).</summary>
    public static Tensor Op(string name) => OpsFile.Value[name];
}
