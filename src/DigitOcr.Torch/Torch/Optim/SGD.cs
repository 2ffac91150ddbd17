using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with PyTorch's semantics (<c>torch/optim/sgd.py</c>): weight decay added to the
/// gradient, momentum buffer initialised to the first gradient, optional dampening and Nesterov. One fused native
/// call per step. Owns its momentum buffers.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly OptimizerState momentumBuffers;

    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
        double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(parameters, lr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weight_decay);
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum needs a momentum > 0 and zero dampening");
        }

        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weight_decay;
        Nesterov = nesterov;
        Maximize = maximize;
        momentumBuffers = new OptimizerState(Parameters.Count);
    }

    public double Momentum { get; }

    public double Dampening { get; }

    public double WeightDecay { get; }

    public bool Nesterov { get; }

    public bool Maximize { get; }

    /// <summary>The momentum buffer of each parameter (null before its first update), owned by this optimizer.</summary>
    public IReadOnlyList<Tensor?> MomentumBuffers => momentumBuffers.Slots;

    public override IReadOnlyDictionary<string, IReadOnlyList<Tensor?>> State =>
        new Dictionary<string, IReadOnlyList<Tensor?>> { ["momentum_buffer"] = momentumBuffers.Slots };

    public override void LoadState(IReadOnlyDictionary<string, IReadOnlyList<Tensor?>> state) =>
        momentumBuffers.Load(state["momentum_buffer"], Parameters);

    public override unsafe void step()
    {
        var buffers = momentumBuffers.RawHandles();
        Tensor.WithHandles(momentumBuffers.Existing(), _ => Tensor.WithHandles(Parameters, raw =>
        {
            fixed (IntPtr* p = raw)
            fixed (IntPtr* b = buffers)
            {
                NativeError.CheckStatus(NativeMethods.dgo_sgd_step(p, b, raw.Length, LearningRate, Momentum,
                    Dampening, WeightDecay, Nesterov ? 1 : 0, Maximize ? 1 : 0));
            }

            return 0;
        }));
        momentumBuffers.Adopt(buffers);
    }

    protected override void Dispose(bool disposing) => momentumBuffers.Dispose();
}
