using System.Net;
using System.Runtime.InteropServices;
using DigitOcr.Torch.Native;
using static DigitOcr.Torch.Native.NativeMethods;

namespace DigitOcr.Torch.Distributed;

/// <summary>
/// A c10d process group over gloo (torch.distributed's CPU backend, TCP between ranks): collectives on tensors that
/// every rank calls in the same order — <see cref="all_reduce"/> (sum, in place), <see cref="broadcast"/>,
/// <see cref="barrier"/> — and the rendezvous store rank 0 hosts, for small facts ranks leave for each other. Every
/// wait ends within <see cref="timeout"/>; a failure is a <see cref="DistributedException"/> naming this rank and the
/// operation. Collectives take dense CPU tensors of the same shape and dtype on every rank. Use it from one thread.
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    /// <summary>The variable PyTorch reads for the network interface gloo binds to (e.g. eth0).</summary>
    public const string SocketInterfaceVariable = "GLOO_SOCKET_IFNAME";

    private readonly ProcessGroupHandle handle;

    private ProcessGroup(ProcessGroupHandle handle, int rank, int worldSize, TimeSpan timeout)
    {
        this.handle = handle;
        this.rank = rank;
        world_size = worldSize;
        this.timeout = timeout;
    }

    /// <summary>This process's rank, 0 .. <see cref="world_size"/> - 1.</summary>
    public int rank { get; }

    public int world_size { get; }

    /// <summary>The longest any collective or store wait blocks before failing.</summary>
    public TimeSpan timeout { get; }

    /// <summary>Whether this native shim was built with gloo (it is when libgloo-dev was installed at build time).</summary>
    public static bool is_available() => dgo_dist_is_available() != 0;

    /// <summary>
    /// Joins the group <paramref name="context"/> describes: rank 0 hosts the TCPStore on its port (unless a launcher's
    /// agent does: <see cref="DistributedContext.AgentStorePrefix"/>), every rank meets there, then gloo connects the ranks. Blocks until all <see cref="DistributedContext.WorldSize"/> ranks have
    /// joined, at most <paramref name="timeout"/>. Gloo binds to <paramref name="socketInterface"/> (default:
    /// <c>GLOO_SOCKET_IFNAME</c>); without one, to the loopback address when the master is on this machine's
    /// loopback, else to the address this machine's host name resolves to.
    /// </summary>
    /// <exception cref="DistributedException">A rank did not join within the timeout, the port is taken, or the store cannot be reached.</exception>
    public static ProcessGroup Gloo(DistributedContext context, TimeSpan timeout, string? socketInterface = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var operation = $"joining the process group of {context.WorldSize} ranks at {context.MasterAddress}:{context.MasterPort}";
        if (!is_available())
        {
            throw new DistributedException(context.Rank, context.WorldSize, operation, DistributedFailure.Other, timeout,
                "this native shim was built without gloo's headers; install libgloo-dev (scripts/setup.sh) and rebuild it");
        }

        var device = socketInterface ?? Environment.GetEnvironmentVariable(SocketInterfaceVariable);
        var hostname = string.IsNullOrEmpty(device) && IsLoopback(context.MasterAddress) ? "127.0.0.1" : null;
        var raw = dgo_dist_init_gloo(context.MasterAddress, context.MasterPort, context.Rank, context.WorldSize,
            (long)timeout.TotalMilliseconds, context.AgentStorePrefix is null ? 1 : 0, context.AgentStorePrefix,
            string.IsNullOrEmpty(device) ? null : device, hostname);
        if (raw == IntPtr.Zero)
        {
            var detail = NativeError.TakeMessage();
            throw new DistributedException(context.Rank, context.WorldSize, operation, DistributedException.Classify(detail), timeout, detail);
        }

        return new ProcessGroup(new ProcessGroupHandle(raw), context.Rank, context.WorldSize, timeout);
    }

    /// <summary>Sums <paramref name="tensor"/> over all ranks, in place, and waits for it.</summary>
    public void all_reduce(Tensor tensor)
    {
        using var work = all_reduce_async(tensor);
        work.wait();
    }

    /// <summary>Starts summing <paramref name="tensor"/> over all ranks in place; it holds the sum once the work is waited for.</summary>
    public Work all_reduce_async(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var operation = $"all-reduce of {tensor.numel()} {tensor.dtype} values";
        return Start(dgo_dist_all_reduce_sum(handle, tensor.Handle), operation);
    }

    /// <summary>Copies rank <paramref name="src"/>'s <paramref name="tensor"/> into every rank's, and waits for it.</summary>
    public void broadcast(Tensor tensor, int src = 0)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentOutOfRangeException.ThrowIfNegative(src);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(src, world_size);
        using var work = Start(dgo_dist_broadcast(handle, tensor.Handle, src), $"broadcast of {tensor.numel()} {tensor.dtype} values from rank {src}");
        work.wait();
    }

    /// <summary>Waits until every rank has reached this call.</summary>
    public void barrier()
    {
        using var work = Start(dgo_dist_barrier(handle), "barrier");
        work.wait();
    }

    /// <summary>Sets <paramref name="key"/> in the rendezvous store (rank 0's TCPStore) to <paramref name="value"/>.</summary>
    public unsafe void store_set(string key, ReadOnlySpan<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        fixed (byte* data = value)
        {
            if (dgo_dist_store_set(handle, key, data, value.Length) != 0)
            {
                throw Failure($"setting '{key}' in the store at rank 0", NativeError.TakeMessage());
            }
        }
    }

    /// <summary>The value of <paramref name="key"/> in the rendezvous store, or null when it is not set; never waits for it.</summary>
    public byte[]? store_get(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var present = dgo_dist_store_check(handle, key);
        if (present < 0)
        {
            throw Failure($"reading '{key}' from the store at rank 0", NativeError.TakeMessage());
        }

        if (present == 0)
        {
            return null;
        }

        var buffer = dgo_dist_store_get(handle, key);
        if (buffer == IntPtr.Zero)
        {
            throw Failure($"reading '{key}' from the store at rank 0", NativeError.TakeMessage());
        }

        try
        {
            var bytes = new byte[dgo_buffer_size(buffer)];
            Marshal.Copy(dgo_buffer_data(buffer), bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            dgo_buffer_free(buffer);
        }
    }

    /// <summary>Leaves the group. Waits for collectives in flight, which end within the timeout.</summary>
    public void Dispose() => handle.Dispose();

    internal DistributedException Failure(string operation, string detail) =>
        new(rank, world_size, operation, DistributedException.Classify(detail), timeout, detail);

    private Work Start(IntPtr work, string operation) =>
        work == IntPtr.Zero ? throw Failure(operation, NativeError.TakeMessage()) : new Work(work, this, operation);

    private static bool IsLoopback(string address) =>
        string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip));
}
