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

    /// <summary>
    /// Convolutions, additions, pooling and resizing in 8-bit integers (ONNX Runtime's QDQ kernels: int8 weights per
    /// output channel, uint8 activations over the ranges calibrated when the model was exported), outputs in float32.
    /// ONNX Runtime backend only; needs a model file with calibrated ranges (<c>export</c> writes them).
    /// </summary>
    [JsonStringEnumMemberName("int8")]
    Int8,
}
