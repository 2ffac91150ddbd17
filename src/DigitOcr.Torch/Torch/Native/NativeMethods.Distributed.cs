// The distributed exports of the shim (native/src/distributed.cpp): c10d's TCPStore and ProcessGroupGloo. Collectives
// start asynchronously and return a work handle; dgo_dist_wait blocks until it completes (or fails: a peer gone, the
// timeout). Tensor inputs are TensorHandles so that a tensor cannot be freed while a call uses it.
using System.Runtime.InteropServices;
using DigitOcr.Torch.Distributed;

namespace DigitOcr.Torch.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_dist_is_available();

    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dgo_dist_init_gloo(
        string masterAddress, int masterPort, int rank, int worldSize, long timeoutMilliseconds, int hostStore, string? storePrefix, string? interfaceName, string? hostname);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_dist_free(IntPtr group);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_dist_all_reduce_sum(ProcessGroupHandle group, TensorHandle tensor);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_dist_broadcast(ProcessGroupHandle group, TensorHandle tensor, int root);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial IntPtr dgo_dist_barrier(ProcessGroupHandle group);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial int dgo_dist_wait(IntPtr work);

    [LibraryImport(NativeLibraryResolver.LibraryName)]
    internal static partial void dgo_dist_work_free(IntPtr work);

    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dgo_dist_store_set(ProcessGroupHandle group, string key, byte* value, long length);

    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dgo_dist_store_check(ProcessGroupHandle group, string key);

    [LibraryImport(NativeLibraryResolver.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dgo_dist_store_get(ProcessGroupHandle group, string key);
}
