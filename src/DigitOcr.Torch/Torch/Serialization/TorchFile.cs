using System.IO.Compression;
using System.Runtime.InteropServices;
using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Serialization;

/// <summary>
/// Reads and writes tensor dictionaries in PyTorch's own file format, so weights move between DigitOcr and PyTorch:
/// a file from <c>torch.save(model.state_dict())</c> loads here, and a file saved here loads with <c>torch.load</c>
/// (as a dict that <c>model.load_state_dict</c> accepts). Only tensors are read: whole pickled models are refused.
/// </summary>
public static class TorchFile
{
    private static readonly Dictionary<string, ScalarType> StorageTypes = new()
    {
        ["FloatStorage"] = ScalarType.Float32,
        ["DoubleStorage"] = ScalarType.Float64,
        ["HalfStorage"] = ScalarType.Float16,
        ["BFloat16Storage"] = ScalarType.BFloat16,
        ["LongStorage"] = ScalarType.Int64,
        ["IntStorage"] = ScalarType.Int32,
        ["ShortStorage"] = ScalarType.Int16,
        ["CharStorage"] = ScalarType.Int8,
        ["ByteStorage"] = ScalarType.Byte,
        ["BoolStorage"] = ScalarType.Bool,
    };

    /// <summary>What <see cref="Save"/> appends to a file's name, before the writer's process id, while it writes it.</summary>
    public const string TemporarySuffix = ".tmp-";

    /// <summary>
    /// Writes <paramref name="tensors"/> (copied to the CPU) atomically: the bytes go to <c>&lt;path&gt;.tmp-&lt;pid&gt;</c>,
    /// which then replaces <paramref name="path"/>, so a crash mid-write leaves any previous file intact (and the
    /// temporary file behind: see <see cref="RemoveStaleTemporaryFiles"/>).
    /// </summary>
    public static void Save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path)
    {
        var bytes = Serialize(tensors);
        var full = Path.GetFullPath(path);
        var temp = full + TemporarySuffix + Environment.ProcessId;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>
    /// Deletes the temporary files that <see cref="Save"/> left in <paramref name="folder"/> when its process was
    /// killed mid-write: <c>*.tmp-&lt;pid&gt;</c> whose process is no longer running. Files of running processes
    /// (this one included) are left alone, as they may be being written. Returns the paths deleted.
    /// </summary>
    public static IReadOnlyList<string> RemoveStaleTemporaryFiles(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var removed = new List<string>();
        if (!Directory.Exists(folder))
        {
            return removed;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*" + TemporarySuffix + "*"))
        {
            var name = Path.GetFileName(file);
            var at = name.LastIndexOf(TemporarySuffix, StringComparison.Ordinal);
            if (!int.TryParse(name.AsSpan(at + TemporarySuffix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId || IsRunning(pid))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process cleaning up at the same time, or a file we may not delete: not ours to fix.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The bytes of a PyTorch file holding <paramref name="tensors"/>.</summary>
    public static unsafe byte[] Serialize(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        var list = tensors.ToList();
        var names = new IntPtr[list.Count];
        try
        {
            for (var i = 0; i < list.Count; i++)
            {
                names[i] = Marshal.StringToCoTaskMemUTF8(list[i].Key);
            }

            return Tensor.WithHandles(list.Select(kv => kv.Value).ToList(), raw =>
            {
                fixed (IntPtr* n = names)
                fixed (IntPtr* t = raw)
                {
                    var buffer = NativeMethods.dgo_save_tensor_dict(n, t, raw.Length);
                    NativeError.CheckHandle(buffer);
                    try
                    {
                        var size = NativeMethods.dgo_buffer_size(buffer);
                        return new ReadOnlySpan<byte>((void*)NativeMethods.dgo_buffer_data(buffer), checked((int)size)).ToArray();
                    }
                    finally
                    {
                        NativeMethods.dgo_buffer_free(buffer);
                    }
                }
            });
        }
        finally
        {
            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }

    /// <summary>Loads a state dict (or any dict of tensors) saved by PyTorch or by <see cref="Save"/>, on the CPU.</summary>
    public static StateDict Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"weights file '{path}' does not exist", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads from a stream; <paramref name="sourceName"/> names it in errors.</summary>
    /// <remarks>
    /// Every record read is checked against the CRC-32 its zip entry stores, so a file damaged in transfer or on
    /// disk is refused instead of loading wrong weights.
    /// </remarks>
    /// <exception cref="InvalidDataException">The file is not such a file, or is damaged (a record's CRC-32 does not match).</exception>
    public static StateDict Load(Stream stream, string sourceName)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return Read(zip);
        }
        catch (DamagedRecordException e)
        {
            throw new InvalidDataException($"'{sourceName}' is damaged: {e.Message}. Copy the file again from where it came from.", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(
                $"'{sourceName}' is not a PyTorch state-dict file DigitOcr can read ({e.Message}). " +
                "Save weights with torch.save(model.state_dict(), path) (PyTorch 1.6+ zip format).", e);
        }
    }

    private static StateDict Read(ZipArchive zip)
    {
        var pickle = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("data.pkl", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1)
            ?? throw new InvalidDataException("no <archive>/data.pkl record");
        var prefix = pickle.FullName[..^"data.pkl".Length];
        var byteOrder = zip.GetEntry(prefix + "byteorder");
        if (byteOrder is not null)
        {
            var order = System.Text.Encoding.ASCII.GetString(ReadAll(byteOrder)).Trim();
            if (order != "little")
            {
                throw new InvalidDataException($"tensors are stored {order}-endian; only little-endian files are supported");
            }
        }

        using var storages = new StorageCache(zip, prefix);
        var root = new PickleReader(ReadAll(pickle), Reduce, storages.Load).Load();
        if (root is not PickleDict dict)
        {
            throw new InvalidDataException($"the file holds a {Describe(root)}, not a dict of tensors (a state dict)");
        }

        var result = new StateDict();
        try
        {
            foreach (var (key, value) in dict.Items)
            {
                if (key is not string name)
                {
                    throw new InvalidDataException($"a key of type {Describe(key)} is not a parameter name");
                }

                if (value is not TensorSpec spec)
                {
                    throw new InvalidDataException($"'{name}' holds a {Describe(value)}, not a tensor");
                }

                result.Add(name, storages.Materialize(spec));
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    private static object? Reduce(PickleGlobal callable, object?[] args) => callable.FullName switch
    {
        "collections.OrderedDict" => new PickleDict(),
        "builtins.dict" => new PickleDict(),
        "torch._utils._rebuild_tensor_v2" or "torch._utils._rebuild_tensor" => new TensorSpec(
            args[0] as StorageSpec ?? throw new InvalidDataException("tensor without storage"),
            (long)args[1]!,
            Longs(args[2]),
            Longs(args[3])),
        "torch._utils._rebuild_parameter" or "torch._utils._rebuild_parameter_with_state" => args[0],
        "torch.jit._pickle.restore_type_tag" => args[0],
        _ => throw new InvalidDataException(
            $"the file needs Python's {callable.FullName}: DigitOcr reads dicts of tensors (torch.save(model.state_dict())), not pickled objects"),
    };

    private static long[] Longs(object? tuple) =>
        ((object?[])tuple!).Select(v => (long)v!).ToArray();

    private static string Describe(object? value) => value switch
    {
        null => "None",
        PickleGlobal g => g.FullName,
        TensorSpec => "tensor",
        _ => value.GetType().Name,
    };

    /// <summary>An entry's bytes, checked against its stored CRC-32 and length.</summary>
    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream(checked((int)entry.Length));
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        if (bytes.Length != entry.Length)
        {
            throw new DamagedRecordException($"record '{entry.FullName}' holds {bytes.Length} bytes, its header says {entry.Length}");
        }

        var crc = Crc32.Compute(bytes);
        if (crc != entry.Crc32)
        {
            throw new DamagedRecordException($"record '{entry.FullName}' has CRC-32 {crc:x8}, its header says {entry.Crc32:x8}");
        }

        return bytes;
    }

    /// <summary>A zip record whose bytes do not match its header.</summary>
    private sealed class DamagedRecordException(string message) : Exception(message);

    private sealed record StorageSpec(string Key, ScalarType Type);

    private sealed record TensorSpec(StorageSpec Storage, long Offset, long[] Size, long[] Stride);

    /// <summary>Reads each storage record once and owns the flat tensors made from them until disposed.</summary>
    private sealed class StorageCache(ZipArchive zip, string prefix) : IDisposable
    {
        private readonly Dictionary<string, Tensor> flat = [];

        public object? Load(object? persistentId)
        {
            if (persistentId is not object?[] { Length: >= 5 } pid || pid[0] as string != "storage")
            {
                throw new InvalidDataException("unknown persistent id (not a tensor storage)");
            }

            var typeName = (pid[1] as PickleGlobal)?.Name ?? string.Empty;
            if (!StorageTypes.TryGetValue(typeName, out var type))
            {
                throw new InvalidDataException($"unsupported storage type '{typeName}'");
            }

            return new StorageSpec((string)pid[2]!, type);
        }

        public unsafe Tensor Materialize(TensorSpec spec)
        {
            if (!flat.TryGetValue(spec.Storage.Key, out var storage))
            {
                var entry = zip.GetEntry(prefix + "data/" + spec.Storage.Key)
                    ?? throw new InvalidDataException($"storage record data/{spec.Storage.Key} is missing");
                var bytes = ReadAll(entry);
                var elementSize = spec.Storage.Type.ElementSize();
                long[] shape = [bytes.Length / elementSize];
                fixed (byte* b = bytes)
                fixed (long* s = shape)
                {
                    storage = Tensor.Wrap(NativeMethods.dgo_from_data(b, shape[0] * elementSize, s, 1, (int)spec.Storage.Type))
                        .DetachFromDisposeScope();
                }

                flat[spec.Storage.Key] = storage;
            }

            using var view = storage.as_strided(spec.Size, spec.Stride, spec.Offset);
            return view.clone().DetachFromDisposeScope();
        }

        public void Dispose()
        {
            foreach (var tensor in flat.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
