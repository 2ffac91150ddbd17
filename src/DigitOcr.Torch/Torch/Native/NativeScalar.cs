using System.Runtime.InteropServices;

namespace DigitOcr.Torch.Native;

/// <summary>A number passed by value to the shim (no native Scalar objects): keeps integers integer.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NativeScalar
{
    private const int Floating = 0;
    private const int Integer = 1;
    private const int Boolean = 2;

    public readonly double D;
    public readonly long I;
    public readonly int Kind;

    private NativeScalar(double d, long i, int kind)
    {
        D = d;
        I = i;
        Kind = kind;
    }

    public static NativeScalar From(double value) => new(value, 0, Floating);

    public static NativeScalar From(long value) => new(0, value, Integer);

    public static NativeScalar From(bool value) => new(0, value ? 1 : 0, Boolean);
}
