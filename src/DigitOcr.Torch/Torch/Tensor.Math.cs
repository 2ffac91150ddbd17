using DigitOcr.Torch.Native;
using static DigitOcr.Torch.Native.NativeMethods;

namespace DigitOcr.Torch;

// Element-wise arithmetic, comparisons and functions; operators for the common ones.
public partial class Tensor
{
    public Tensor add(Tensor other, double alpha = 1) => Wrap(dgo_add(Handle, other.Handle, NativeScalar.From(alpha)));

    public Tensor add(double value) => Wrap(dgo_add_scalar(Handle, NativeScalar.From(value)));

    public Tensor add(long value) => Wrap(dgo_add_scalar(Handle, NativeScalar.From(value)));

    public Tensor sub(Tensor other, double alpha = 1) => Wrap(dgo_sub(Handle, other.Handle, NativeScalar.From(alpha)));

    public Tensor sub(double value) => Wrap(dgo_sub_scalar(Handle, NativeScalar.From(value)));

    public Tensor sub(long value) => Wrap(dgo_sub_scalar(Handle, NativeScalar.From(value)));

    public Tensor mul(Tensor other) => Wrap(dgo_mul(Handle, other.Handle));

    public Tensor mul(double value) => Wrap(dgo_mul_scalar(Handle, NativeScalar.From(value)));

    public Tensor mul(long value) => Wrap(dgo_mul_scalar(Handle, NativeScalar.From(value)));

    public Tensor div(Tensor other) => Wrap(dgo_div(Handle, other.Handle));

    public Tensor div(double value) => Wrap(dgo_div_scalar(Handle, NativeScalar.From(value)));

    public Tensor pow(Tensor exponent) => Wrap(dgo_pow(Handle, exponent.Handle));

    public Tensor pow(double exponent) => Wrap(dgo_pow_scalar(Handle, NativeScalar.From(exponent)));

    public Tensor maximum(Tensor other) => Wrap(dgo_maximum(Handle, other.Handle));

    public Tensor minimum(Tensor other) => Wrap(dgo_minimum(Handle, other.Handle));

    public Tensor matmul(Tensor other) => Wrap(dgo_matmul(Handle, other.Handle));

    public Tensor neg() => Wrap(dgo_neg(Handle));

    public Tensor exp() => Wrap(dgo_exp(Handle));

    public Tensor log() => Wrap(dgo_log(Handle));

    public Tensor sqrt() => Wrap(dgo_sqrt(Handle));

    public Tensor abs() => Wrap(dgo_abs(Handle));

    public Tensor sigmoid() => Wrap(dgo_sigmoid(Handle));

    public Tensor isfinite() => Wrap(dgo_isfinite(Handle));

    public Tensor clamp(double? min = null, double? max = null) =>
        Wrap(dgo_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0));

    public Tensor clamp_min(double min) => clamp(min: min);

    public Tensor clamp_max(double max) => clamp(max: max);

    public Tensor eq(Tensor other) => Wrap(dgo_eq(Handle, other.Handle));

    public Tensor eq(double value) => Wrap(dgo_eq_scalar(Handle, NativeScalar.From(value)));

    public Tensor eq(long value) => Wrap(dgo_eq_scalar(Handle, NativeScalar.From(value)));

    public Tensor ne(Tensor other) => Wrap(dgo_ne(Handle, other.Handle));

    public Tensor ne(long value) => Wrap(dgo_ne_scalar(Handle, NativeScalar.From(value)));

    public Tensor lt(Tensor other) => Wrap(dgo_lt(Handle, other.Handle));

    public Tensor lt(double value) => Wrap(dgo_lt_scalar(Handle, NativeScalar.From(value)));

    public Tensor le(Tensor other) => Wrap(dgo_le(Handle, other.Handle));

    public Tensor le(double value) => Wrap(dgo_le_scalar(Handle, NativeScalar.From(value)));

    public Tensor gt(Tensor other) => Wrap(dgo_gt(Handle, other.Handle));

    public Tensor gt(double value) => Wrap(dgo_gt_scalar(Handle, NativeScalar.From(value)));

    public Tensor ge(Tensor other) => Wrap(dgo_ge(Handle, other.Handle));

    public Tensor ge(double value) => Wrap(dgo_ge_scalar(Handle, NativeScalar.From(value)));

    public Tensor logical_and(Tensor other) => Wrap(dgo_logical_and(Handle, other.Handle));

    public Tensor logical_or(Tensor other) => Wrap(dgo_logical_or(Handle, other.Handle));

    public Tensor logical_not() => Wrap(dgo_logical_not(Handle));

    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);

    public static Tensor operator +(Tensor a, double b) => a.add(b);

    public static Tensor operator +(double a, Tensor b) => b.add(a);

    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);

    public static Tensor operator -(Tensor a, double b) => a.sub(b);

    public static Tensor operator -(double a, Tensor b) => Wrap(dgo_rsub_scalar(b.Handle, NativeScalar.From(a)));

    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);

    public static Tensor operator *(Tensor a, double b) => a.mul(b);

    public static Tensor operator *(double a, Tensor b) => b.mul(a);

    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);

    public static Tensor operator /(Tensor a, double b) => a.div(b);

    public static Tensor operator -(Tensor a) => a.neg();
}
