namespace DigitOcr.Torch.Optim;

/// <summary>
/// <c>torch.optim.lr_scheduler.MultiStepLR</c> in closed form: after <see cref="step"/> has been called e times,
/// lr = initial * gamma^(number of milestones &lt;= e).
/// </summary>
public sealed class MultiStepLR
{
    private readonly Optimizer optimizer;
    private readonly int[] milestones;

    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int lastEpoch = 0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.optimizer = optimizer;
        this.milestones = milestones.Order().ToArray();
        Gamma = gamma;
        LastEpoch = lastEpoch;
        optimizer.LearningRate = LearningRateAt(lastEpoch);
    }

    public double Gamma { get; }

    /// <summary>How many times <see cref="step"/> has been called (or the epoch resumed from).</summary>
    public int LastEpoch { get; private set; }

    public double get_last_lr() => optimizer.LearningRate;

    /// <summary>Advances one epoch and sets the optimizer's learning rate.</summary>
    public void step()
    {
        LastEpoch++;
        optimizer.LearningRate = LearningRateAt(LastEpoch);
    }

    public double LearningRateAt(int epoch) =>
        optimizer.InitialLearningRate * Math.Pow(Gamma, milestones.Count(m => m <= epoch));
}
