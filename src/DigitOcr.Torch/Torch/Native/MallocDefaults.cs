using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

/// <summary>
/// glibc malloc settings that keep freed tensor memory in the process for the next network run, set before libtorch
/// loads unless the user chose their own (<c>MALLOC_MMAP_THRESHOLD_</c>, <c>MALLOC_TRIM_THRESHOLD_</c> or a
/// <c>glibc.malloc</c> tunable).
/// </summary>
/// <remarks>
/// By default glibc hands blocks above a threshold that grows only as far as the blocks freed so far straight to the
/// kernel, and returns free memory at the top of the heap as soon as it exceeds twice that threshold. A forward pass
/// allocates and frees tens of feature maps of up to tens of megabytes each, so every tile of a photo faulted its
/// memory in afresh: on a 4000x3000 photo (12 tiles of 1120 px and 4 coarser passes) a third of the CPU time was the
/// kernel's (5.5 of 18 s). With the mmap threshold at glibc's maximum (32 MB) and a 256 MB trim threshold, that
/// memory is reused: 8.5 s user and 2.7 s system instead of 12 and 5.5, the same peak RSS. Setting only one of the
/// two does not help (either fixes the other at its default). Other C libraries have no <c>mallopt</c>: nothing is
/// set there.
/// </remarks>
internal static partial class MallocDefaults
{
    /// <summary>glibc's <c>M_TRIM_THRESHOLD</c>.</summary>
    private const int TrimThresholdParameter = -1;

    /// <summary>glibc's <c>M_MMAP_THRESHOLD</c>.</summary>
    private const int MmapThresholdParameter = -3;

    /// <summary>Blocks up to this size come from the heap (glibc's largest allowed threshold on 64-bit).</summary>
    internal const int MmapThreshold = 32 * 1024 * 1024;

    /// <summary>Free memory at the top of the heap up to this size is kept for reuse.</summary>
    internal const int TrimThreshold = 256 * 1024 * 1024;

    /// <summary>True once the settings were applied in this process.</summary>
    internal static bool Applied { get; private set; }

    /// <summary>Applies the settings unless the environment already sets malloc's.</summary>
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() || UserChose(Environment.GetEnvironmentVariable))
        {
            return;
        }

        try
        {
            // mallopt returns 1 on success; a refused value leaves glibc's default, which is still correct.
            Applied = MallOpt(TrimThresholdParameter, TrimThreshold) == 1 && MallOpt(MmapThresholdParameter, MmapThreshold) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt).
        }
    }

    /// <summary>True when the environment (read through <paramref name="get"/>) sets any of malloc's thresholds.</summary>
    internal static bool UserChose(Func<string, string?> get) =>
        get("MALLOC_MMAP_THRESHOLD_") is not null ||
        get("MALLOC_TRIM_THRESHOLD_") is not null ||
        get("GLIBC_TUNABLES")?.Contains("glibc.malloc.", StringComparison.Ordinal) == true;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
