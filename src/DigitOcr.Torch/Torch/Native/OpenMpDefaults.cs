using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

/// <summary>
/// OpenMP settings put into the native process environment before libtorch (and with it libgomp) is loaded.
/// </summary>
/// <remarks>
/// libgomp's worker threads spin for a while when they run out of work (<c>OMP_WAIT_POLICY</c> unset: about
/// 300,000 spins, <c>ACTIVE</c>: minutes), so a DigitOcr process beside another busy process, or a second DigitOcr
/// process, fights for cores it does not use and both run several times slower. <c>PASSIVE</c> makes idle workers
/// sleep at once (libgomp then also sets <c>GOMP_SPINCOUNT</c> to 0, so that is not set separately).
/// libgomp reads its environment once, when it is loaded, and reads the C library's environment, which
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on Linux: hence <c>setenv</c>.
/// A value the user set wins (<c>overwrite = 0</c>). Child processes started through <see cref="System.Diagnostics.Process"/>
/// get .NET's copy of the environment, without this value.
/// </remarks>
internal static partial class OpenMpDefaults
{
    internal const string WaitPolicyVariable = "OMP_WAIT_POLICY";
    internal const string PassiveWaitPolicy = "PASSIVE";

    /// <summary>Sets <c>OMP_WAIT_POLICY=PASSIVE</c> unless the environment already names a policy.</summary>
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        if (SetEnv(WaitPolicyVariable, PassiveWaitPolicy, overwrite: 0) != 0)
        {
            throw new InvalidOperationException($"setenv({WaitPolicyVariable}) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The native environment's value of <paramref name="name"/> (what libgomp sees), or null.</summary>
    internal static string? NativeValue(string name) =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Marshal.PtrToStringUTF8(GetEnv(name)) : Environment.GetEnvironmentVariable(name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
