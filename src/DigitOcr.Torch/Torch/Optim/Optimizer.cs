using DigitOcr.Torch.Modules;
using DigitOcr.Torch.Native;

namespace DigitOcr.Torch.Optim;

/// <summary>Base of the optimizers: the parameters it updates, its learning rate, and gradient clearing.</summary>
public abstract class Optimizer : IDisposable
{
    protected Optimizer(IEnumerable<Parameter> parameters, double lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(lr);
        Parameters = parameters.ToList();
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("the optimizer got no parameters", nameof(parameters));
        }

        LearningRate = lr;
        InitialLearningRate = lr;
    }

    /// <summary>The parameters updated, in the order given.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The learning rate the next <see cref="step"/> uses (schedulers change it).</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate given at construction (schedulers scale it).</summary>
    public double InitialLearningRate { get; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public abstract void step();

    /// <summary>Per-parameter state by kind (PyTorch's names, e.g. "momentum_buffer"), one slot per parameter; owned by the optimizer.</summary>
    public abstract IReadOnlyDictionary<string, IReadOnlyList<Tensor?>> State { get; }

    /// <summary>Restores state saved from <see cref="State"/> (copies are taken).</summary>
    public abstract void LoadState(IReadOnlyDictionary<string, IReadOnlyList<Tensor?>> state);

    /// <summary>Clears gradients: drops them (PyTorch 2's default) or zeroes them in place.</summary>
    public unsafe void zero_grad(bool setToNone = true) =>
        Tensor.WithHandles(Parameters, raw =>
        {
            fixed (IntPtr* p = raw)
            {
                NativeError.CheckStatus(NativeMethods.dgo_zero_grad(p, raw.Length, setToNone ? 1 : 0));
            }

            return 0;
        });

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
