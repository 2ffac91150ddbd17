using System.Text.Json.Serialization;
using DigitOcr.Torch;

namespace DigitOcr.Training;

/// <summary>The arithmetic of the training forward pass.</summary>
public enum TrainingPrecision
{
    /// <summary>bfloat16 autocast where the CPU computes bfloat16 natively (AVX512-BF16, AMX), else float32.</summary>
    Auto,

    /// <summary>Everything in float32.</summary>
    [JsonStringEnumMemberName("float32")]
    Float32,

    /// <summary>
    /// Convolutions in bfloat16 (autocast), as <c>torch.autocast(dtype=torch.bfloat16)</c>: weights, gradients,
    /// the loss and the optimizer stay float32. On the CPU it needs AVX-512, and is only fast with native bfloat16.
    /// </summary>
    [JsonStringEnumMemberName("bfloat16")]
    BFloat16,
}

/// <summary>Resolves a <see cref="TrainingPrecision"/> for a device.</summary>
public static class TrainingPrecisions
{
    /// <summary>The autocast type of the forward pass, or null for plain float32.</summary>
    public static ScalarType? AutocastType(TrainingPrecision precision, DeviceType device) => precision switch
    {
        TrainingPrecision.Float32 => null,
        TrainingPrecision.BFloat16 => ScalarType.BFloat16,

        // CUDA stays float32 unless asked: the CUDA path is exercised less than the CPU one.
        _ => device == DeviceType.CPU && torch.cpu.is_bf16_supported() ? ScalarType.BFloat16 : null,
    };

    /// <summary>How a run's arithmetic reads in logs: "float32" or "bfloat16 autocast".</summary>
    public static string Describe(ScalarType? autocast) => autocast is null ? "float32" : $"{autocast.Value.ToString().ToLowerInvariant()} autocast";
}
