using DigitOcr.Torch;
using DigitOcr.Torch.Optim;

namespace DigitOcr.Training;

/// <summary>
/// An optimizer's state as entries of a PyTorch-format file — <c>optimizer.&lt;kind&gt;.&lt;index&gt;</c> per parameter and
/// <c>meta.adam_step</c> for AdamW — written and read back the same way by the detector's and the recognizer's checkpoints.
/// </summary>
public static class OptimizerEntries
{
    private const string Prefix = "optimizer.";
    private const string AdamStep = "meta.adam_step";

    /// <summary>The entries of <paramref name="optimizer"/>'s state (the step count is a new tensor in the current dispose scope).</summary>
    public static IEnumerable<KeyValuePair<string, Tensor>> Of(Optimizer optimizer)
    {
        if (optimizer is AdamW adam)
        {
            yield return new(AdamStep, torch.scalar_tensor(adam.StepCount));
        }

        foreach (var (kind, slots) in optimizer.State)
        {
            for (var i = 0; i < slots.Count; i++)
            {
                if (slots[i] is { } tensor)
                {
                    yield return new($"{Prefix}{kind}.{i}", tensor);
                }
            }
        }
    }

    /// <summary>Loads the state written by <see cref="Of"/> from <paramref name="entries"/> into <paramref name="optimizer"/>.</summary>
    public static void Restore(IReadOnlyDictionary<string, Tensor> entries, Optimizer optimizer)
    {
        var state = optimizer.State.Keys.ToDictionary(
            kind => kind,
            kind => (IReadOnlyList<Tensor?>)Enumerable.Range(0, optimizer.Parameters.Count)
                .Select(i => entries.TryGetValue($"{Prefix}{kind}.{i}", out var t) ? t : null).ToList());
        optimizer.LoadState(state);
        if (optimizer is AdamW adam)
        {
            adam.StepCount = entries.TryGetValue(AdamStep, out var step) ? step.item<long>() : 0;
        }
    }
}
