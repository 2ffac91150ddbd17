using DigitOcr.Torch;

namespace DigitOcr.Tests.Support;

/// <summary>Tensor comparisons with a relative tolerance: max |actual - expected| / max |expected|.</summary>
public static class TensorAssert
{
    public static void Close(Tensor expected, Tensor actual, double relative = 1e-5, string what = "tensor")
    {
        Assert.Equal(expected.shape, actual.shape);
        using var e = expected.to(ScalarType.Float64);
        using var a = actual.to(ScalarType.Float64);
        var ev = e.data<double>();
        var av = a.data<double>();
        var scale = Math.Max(ev.Select(Math.Abs).DefaultIfEmpty(0).Max(), 1e-12);
        var worst = ev.Zip(av, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();
        Assert.True(worst / scale < relative, $"{what}: relative error {worst / scale:E3} exceeds {relative:E1} (max abs diff {worst:E3}, scale {scale:E3})");
    }

    public static void Equal(long[] expected, Tensor actual)
    {
        using var a = actual.to(ScalarType.Int64);
        Assert.Equal(expected, a.data<long>());
    }
}
