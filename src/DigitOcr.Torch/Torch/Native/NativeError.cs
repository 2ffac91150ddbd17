using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

/// <summary>Turns a failed native call (null handle or non-zero status) into a <see cref="TorchException"/>.</summary>
internal static class NativeError
{
    public static IntPtr CheckHandle(IntPtr handle)
    {
        if (handle == IntPtr.Zero)
        {
            Throw();
        }

        return handle;
    }

    public static void CheckStatus(int status)
    {
        if (status != 0)
        {
            Throw();
        }
    }

    /// <summary>For calls whose return value cannot signal failure (item, metadata): throws if one was recorded.</summary>
    public static void CheckLast()
    {
        var message = NativeMethods.dgo_last_error();
        if (message != IntPtr.Zero)
        {
            throw new TorchException(Marshal.PtrToStringUTF8(message) ?? "unknown native error");
        }
    }

    /// <summary>The message of this thread's last native failure (reading clears it), for callers that wrap it in their own exception.</summary>
    public static string TakeMessage()
    {
        var message = NativeMethods.dgo_last_error();
        return message == IntPtr.Zero
            ? "a native call failed without a message"
            : Marshal.PtrToStringUTF8(message) ?? "unknown native error";
    }

    private static void Throw() => throw new TorchException(TakeMessage());
}
