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
    private readonly Tensor?[] momentumBuffers;

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
        momentumBuffers = new Tensor?[Parameters.Count];
    }

    public double Momentum { get; }

    public double Dampening { get; }

    public double WeightDecay { get; }

    public bool Nesterov { get; }

    public bool Maximize { get; }

    /// <summary>The momentum buffer of each parameter (null before its first update), owned by this optimizer.</summary>
    public IReadOnlyList<Tensor?> MomentumBuffers => momentumBuffers;

    /// <summary>Replaces the momentum buffers (when resuming); copies are taken, the caller keeps its tensors.</summary>
    public void LoadMomentumBuffers(IReadOnlyList<Tensor?> buffers)
    {
        if (buffers.Count != momentumBuffers.Length)
        {
            throw new ArgumentException($"expected {momentumBuffers.Length} momentum buffers, got {buffers.Count}");
        }

        for (var i = 0; i < buffers.Count; i++)
        {
            momentumBuffers[i]?.Dispose();
            momentumBuffers[i] = buffers[i]?.to(Parameters[i].device).clone().DetachFromDisposeScope();
        }
    }

    public override unsafe void step()
    {
        var buffers = new IntPtr[momentumBuffers.Length];
        var existing = momentumBuffers.Where(b => b is not null).Cast<Tensor>().ToList();
        Tensor.WithHandles(existing, _ =>
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                buffers[i] = momentumBuffers[i]?.Handle.DangerousGetHandle() ?? IntPtr.Zero;
            }

            return Tensor.WithHandles(Parameters, raw =>
            {
                fixed (IntPtr* p = raw)
                fixed (IntPtr* b = buffers)
                {
                    NativeError.CheckStatus(NativeMethods.dgo_sgd_step(p, b, raw.Length, LearningRate, Momentum,
                        Dampening, WeightDecay, Nesterov ? 1 : 0, Maximize ? 1 : 0));
                }

                return 0;
            });
        });

        // Buffers created natively on a parameter's first update now get an owner.
        for (var i = 0; i < buffers.Length; i++)
        {
            if (momentumBuffers[i] is null && buffers[i] != IntPtr.Zero)
            {
                momentumBuffers[i] = Tensor.Wrap(buffers[i]).DetachFromDisposeScope();
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        for (var i = 0; i < momentumBuffers.Length; i++)
        {
            momentumBuffers[i]?.Dispose();
            momentumBuffers[i] = null;
        }
    }
}
