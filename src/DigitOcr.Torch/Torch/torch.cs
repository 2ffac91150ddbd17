using System.Runtime.InteropServices;
using DigitOcr.Torch.Native;
using static DigitOcr.Torch.Native.NativeMethods;

namespace DigitOcr.Torch;

/// <summary>
/// Entry point shaped like PyTorch's <c>torch</c> module and TorchSharp's <c>torch</c> class: factories, joins,
/// modes, seeds and threads. Shapes are <c>long[]</c> (collection expressions read well: <c>torch.zeros([2, 3])</c>).
/// </summary>
public static partial class torch
{
    public static readonly ScalarType uint8 = ScalarType.Byte;
    public static readonly ScalarType int32 = ScalarType.Int32;
    public static readonly ScalarType int64 = ScalarType.Int64;
    public static readonly ScalarType float16 = ScalarType.Float16;
    public static readonly ScalarType float32 = ScalarType.Float32;
    public static readonly ScalarType float64 = ScalarType.Float64;
    public static readonly ScalarType @bool = ScalarType.Bool;

    public static unsafe Tensor empty(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_empty(p, shape.Length, (int)dtype, (int)d.Type, d.Index, requires_grad ? 1 : 0));
        }
    }

    public static unsafe Tensor zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_zeros(p, shape.Length, (int)dtype, (int)d.Type, d.Index, requires_grad ? 1 : 0));
        }
    }

    public static unsafe Tensor ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_ones(p, shape.Length, (int)dtype, (int)d.Type, d.Index, requires_grad ? 1 : 0));
        }
    }

    public static unsafe Tensor full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        var scalar = dtype.IsFloatingPoint() ? NativeScalar.From(value) : NativeScalar.From((long)value);
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_full(p, shape.Length, scalar, (int)dtype, (int)d.Type, d.Index, requires_grad ? 1 : 0));
        }
    }

    public static Tensor zeros_like(Tensor t) => Tensor.Wrap(dgo_zeros_like(t.Handle));

    public static Tensor ones_like(Tensor t) => Tensor.Wrap(dgo_ones_like(t.Handle));

    public static Tensor empty_like(Tensor t) => Tensor.Wrap(dgo_empty_like(t.Handle));

    /// <summary>A new CPU tensor holding a copy of <paramref name="data"/>, shaped as <paramref name="shape"/> (1-D when omitted).</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        shape ??= [data.Length];
        Tensor result;
        fixed (T* d = data)
        fixed (long* s = shape)
        {
            result = Tensor.Wrap(dgo_from_data(d, (long)data.Length * sizeof(T), s, shape.Length, (int)ScalarTypeExtensions.Of<T>()));
        }

        if (device is { Type: not DeviceType.CPU } target)
        {
            using var cpu = result.DetachFromDisposeScope();
            result = cpu.to(target);
        }

        if (requires_grad)
        {
            result.requires_grad = true;
        }

        return result;
    }

    /// <summary>
    /// A CPU tensor over native memory at <paramref name="data"/>, not a copy, as PyTorch's <c>torch.from_blob</c>: for
    /// reading another engine's output where it lies. The caller keeps that memory alive and unchanged for as long as
    /// this tensor and every view of it live; tensors computed from it (not views) own their own memory.
    /// </summary>
    public static unsafe Tensor from_blob(IntPtr data, long[] shape, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (data == IntPtr.Zero)
        {
            throw new ArgumentException("from_blob needs the address of the memory to view, got null", nameof(data));
        }

        fixed (long* s = shape)
        {
            return Tensor.Wrap(dgo_from_blob((void*)data, s, shape.Length, (int)dtype));
        }
    }

    public static Tensor tensor<T>(T[] data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged => tensor((ReadOnlySpan<T>)data, shape, device, requires_grad);

    /// <summary>A 0-dimensional tensor.</summary>
    public static Tensor scalar_tensor<T>(T value)
        where T : unmanaged => tensor([value], []);

    public static Tensor arange(long end, Device? device = null) => arange(0, end, 1, device);

    public static Tensor arange(long start, long end, long step = 1, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(dgo_arange(NativeScalar.From(start), NativeScalar.From(end), NativeScalar.From(step), (int)ScalarType.Int64, (int)d.Type, d.Index));
    }

    public static Tensor arange(double start, double end, double step, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(dgo_arange(NativeScalar.From(start), NativeScalar.From(end), NativeScalar.From(step), (int)dtype, (int)d.Type, d.Index));
    }

    public static unsafe Tensor rand(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_rand(p, shape.Length, (int)dtype, (int)d.Type, d.Index));
        }
    }

    public static unsafe Tensor randn(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_randn(p, shape.Length, (int)dtype, (int)d.Type, d.Index));
        }
    }

    public static unsafe Tensor randint(long low, long high, long[] shape, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        fixed (long* p = shape)
        {
            return Tensor.Wrap(dgo_randint(low, high, p, shape.Length, (int)dtype, (int)d.Type, d.Index));
        }
    }

    public static Tensor randperm(long n, Device? device = null)
    {
        var d = device ?? Device.CPU;
        return Tensor.Wrap(dgo_randperm(n, (int)d.Type, d.Index));
    }

    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) =>
        Tensor.WithHandles(tensors, raw =>
        {
            fixed (IntPtr* p = raw)
            {
                return Tensor.Wrap(dgo_cat(p, raw.Length, dim));
            }
        });

    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) =>
        Tensor.WithHandles(tensors, raw =>
        {
            fixed (IntPtr* p = raw)
            {
                return Tensor.Wrap(dgo_stack(p, raw.Length, dim));
            }
        });

    /// <summary>Element-wise <c>condition ? a : b</c>.</summary>
    public static Tensor where(Tensor condition, Tensor a, Tensor b) => Tensor.Wrap(dgo_where(condition.Handle, a.Handle, b.Handle));

    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);

    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);

    public static Tensor exp(Tensor t) => t.exp();

    public static Tensor log(Tensor t) => t.log();

    public static Tensor logsumexp(Tensor t, long dim, bool keepdim = false) => t.logsumexp(dim, keepdim);

    public static Tensor gather(Tensor t, long dim, Tensor index) => t.gather(dim, index);

    /// <summary>Opens a dispose scope on this thread: every tensor made until it is disposed is freed with it.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Turns gradient recording off on this thread until the guard is disposed.</summary>
    public static GradModeGuard no_grad() => new(enabled: false);

    public static GradModeGuard enable_grad() => new(enabled: true);

    public static bool is_grad_enabled() => dgo_is_grad_enabled() != 0;

    /// <summary>libtorch's inference mode on this thread until the guard is disposed.</summary>
    public static InferenceModeGuard inference_mode() => new();

    public static bool is_inference_mode_enabled() => dgo_is_inference_mode_enabled() != 0;

    /// <summary>
    /// Automatic mixed precision on this thread until disposed, as <c>with torch.autocast(device, dtype)</c>:
    /// convolutions and matrix products on <paramref name="device"/> run in <paramref name="dtype"/> (bfloat16 on the
    /// CPU, float16 or bfloat16 on CUDA); parameters and gradients stay float32. Wrap the forward pass only, and
    /// convert its outputs to float32 for the loss.
    /// </summary>
    public static AutocastGuard autocast(DeviceType device, ScalarType dtype = ScalarType.BFloat16) => new(device, dtype);

    /// <summary>Seeds libtorch's default generators (CPU and, when present, CUDA).</summary>
    public static void manual_seed(long seed) => NativeError.CheckStatus(dgo_manual_seed(unchecked((ulong)seed)));

    /// <summary>The CPU generator's state (a uint8 tensor), for checkpoints.</summary>
    public static Tensor get_rng_state() => Tensor.Wrap(dgo_rng_get_state());

    public static void set_rng_state(Tensor state) => NativeError.CheckStatus(dgo_rng_set_state(state.Handle));

    public static int get_num_threads() => dgo_get_num_threads();

    public static void set_num_threads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        NativeError.CheckStatus(dgo_set_num_threads(threads));
    }

    /// <summary>
    /// Intra-op threads of the calling thread only (DigitOcr's extension; libtorch's OpenMP backend keeps the team
    /// size per thread). Data workers call it with 1 so that their small tensor ops run serially beside the trainer's
    /// parallel ones, as PyTorch's DataLoader workers do. Returns false where this libtorch has no per-thread setting.
    /// </summary>
    public static bool set_num_threads_for_current_thread(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var applied = dgo_set_current_thread_num_threads(threads);
        NativeError.CheckStatus(applied < 0 ? applied : 0);
        return applied == 1;
    }

    /// <summary>
    /// Keeps freed native memory in the process (glibc: no mmap for large blocks, high trim threshold) so that each
    /// training step reuses its activations' pages instead of faulting fresh ones. Process-wide: the trainer turns it
    /// on; a host application decides for itself.
    /// </summary>
    public static void set_malloc_caching(bool enable) => NativeError.CheckStatus(dgo_set_malloc_caching(enable ? 1 : 0));

    /// <summary>Version of the libtorch the shim was built against.</summary>
    public static string __version__ => Marshal.PtrToStringUTF8(dgo_torch_version()) ?? "?";

    /// <summary>Version of OpenCV the shim was built against.</summary>
    public static string opencv_version => Marshal.PtrToStringUTF8(dgo_opencv_version()) ?? "?";

    /// <summary>Native tensors alive in this process (created and not yet freed); leak tests watch it.</summary>
    public static long LiveTensorCount => dgo_live_tensors();

    /// <summary>Native byte buffers alive in this process.</summary>
    public static long LiveBufferCount => dgo_live_buffers();

    /// <summary>Native images alive in this process.</summary>
    public static long LiveImageCount => dgo_live_images();

    /// <summary>CUDA support, detected from the libtorch in use (never assumed).</summary>
    public static class cpu
    {
        /// <summary>
        /// Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX-BF16), the condition under which CPU
        /// autocast is faster than float32 rather than emulated.
        /// </summary>
        public static bool is_bf16_supported()
        {
            if (!System.Runtime.Intrinsics.X86.X86Base.IsSupported)
            {
                return false;
            }

            var (_, _, _, features7) = System.Runtime.Intrinsics.X86.X86Base.CpuId(7, 0);
            var (features71, _, _, _) = System.Runtime.Intrinsics.X86.X86Base.CpuId(7, 1);
            var amxBf16 = (features7 & (1 << 22)) != 0;
            var avx512Bf16 = (features71 & (1 << 5)) != 0;
            return amxBf16 || avx512Bf16;
        }
    }

    public static class cuda
    {
        public static bool is_available() => dgo_cuda_is_available() != 0;

        public static int device_count() => dgo_cuda_device_count();

        public static void synchronize() => NativeError.CheckStatus(dgo_cuda_synchronize());
    }
}
