using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Optim;

/// <summary>
/// Adam with decoupled weight decay, PyTorch's semantics (<c>torch/optim/adamw.py</c>, amsgrad off): one fused native
/// call per step. Owns its first- and second-moment tensors.
/// </summary>
public sealed class AdamW : Optimizer
{
    private readonly OptimizerState expAvg;
    private readonly OptimizerState expAvgSq;

    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weight_decay = 1e-2)
        : base(parameters, lr)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weight_decay;
        expAvg = new OptimizerState(Parameters.Count);
        expAvgSq = new OptimizerState(Parameters.Count);
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Eps { get; }

    public double WeightDecay { get; }

    /// <summary>Steps taken (the bias corrections use it).</summary>
    public long StepCount { get; set; }

    public override IReadOnlyDictionary<string, IReadOnlyList<Tensor?>> State =>
        new Dictionary<string, IReadOnlyList<Tensor?>> { ["exp_avg"] = expAvg.Slots, ["exp_avg_sq"] = expAvgSq.Slots };

    public override void LoadState(IReadOnlyDictionary<string, IReadOnlyList<Tensor?>> state)
    {
        expAvg.Load(state["exp_avg"], Parameters);
        expAvgSq.Load(state["exp_avg_sq"], Parameters);
    }

    public override unsafe void step()
    {
        StepCount++;
        var first = expAvg.RawHandles();
        var second = expAvgSq.RawHandles();
        Tensor.WithHandles(expAvg.Existing().Concat(expAvgSq.Existing()).ToList(), _ => Tensor.WithHandles(Parameters, raw =>
        {
            fixed (IntPtr* p = raw)
            fixed (IntPtr* m = first)
            fixed (IntPtr* v = second)
            {
                NativeError.CheckStatus(NativeMethods.dgo_adamw_step(p, m, v, raw.Length, LearningRate, Beta1, Beta2, Eps, WeightDecay, StepCount));
            }

            return 0;
        }));
        expAvg.Adopt(first);
        expAvgSq.Adopt(second);
    }

    protected override void Dispose(bool disposing)
    {
        expAvg.Dispose();
        expAvgSq.Dispose();
    }
}
