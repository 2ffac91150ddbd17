using System.Reflection;
using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

/// <summary>
/// Finds the native shim for every <c>[LibraryImport("digitocr_native")]</c> of this assembly, in order:
/// the file or folder named by <c>DIGITOCR_NATIVE_PATH</c>; <c>runtimes/&lt;rid&gt;/native</c> beside the assembly
/// (NuGet layout); the assembly's own folder; then the loader's default search.
/// </summary>
internal static class NativeLibraryResolver
{
    internal const string LibraryName = "digitocr_native";
    internal const string PathVariable = "DIGITOCR_NATIVE_PATH";
    private const string FileName = "libdigitocr_native.so";

    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>
    /// Installs the resolver once; called by <see cref="NativeMethods"/>'s type initializer, so before the shim,
    /// libtorch and libgomp are loaded: the OpenMP and malloc defaults (<see cref="OpenMpDefaults"/>,
    /// <see cref="MallocDefaults"/>) are set here too.
    /// </summary>
    internal static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            OpenMpDefaults.Apply();
            MallocDefaults.Apply();
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
            registered = true;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates(assembly))
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        if (NativeLibrary.TryLoad(FileName, assembly, searchPath, out var fallback))
        {
            return fallback;
        }

        throw new DllNotFoundException(
            $"The DigitOcr native shim ({FileName}) was not found. Looked in: {string.Join(", ", Candidates(assembly))}. " +
            $"Build it with 'dotnet build' (which runs CMake on native/), or set {PathVariable} to its path. " +
            "It needs libtorch and OpenCV: run scripts/setup.sh.");
    }

    private static IEnumerable<string> Candidates(Assembly assembly)
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            yield return Directory.Exists(configured) ? Path.Combine(configured, FileName) : configured;
        }

        var folder = Path.GetDirectoryName(assembly.Location);
        if (string.IsNullOrEmpty(folder))
        {
            folder = AppContext.BaseDirectory;
        }

        yield return Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", FileName);
        yield return Path.Combine(folder, "runtimes", "linux-x64", "native", FileName);
        yield return Path.Combine(folder, FileName);
    }
}
