using System.Text.Json.Serialization;

namespace DigitOcr.Inference;

/// <summary>The arithmetic of the detector's network (<see cref="DetectorOptions.Precision"/>).</summary>
public enum InferencePrecision
{
    /// <summary>Everything in float32: the results the accuracy figures were measured with.</summary>
    [JsonStringEnumMemberName("float32")]
    Float32,

    /// <summary>
    /// Convolutions in bfloat16 (libtorch's autocast, as <c>torch.autocast(dtype=torch.bfloat16)</c>), outputs back in
    /// float32 for post-processing. libtorch backend only; fast only on CPUs with native bfloat16 (AVX512-BF16, AMX).
    /// </summary>
    [JsonStringEnumMemberName("bfloat16")]
    BFloat16,
}
