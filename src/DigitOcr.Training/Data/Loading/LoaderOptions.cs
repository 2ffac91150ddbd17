using DigitOcr.Training;

namespace DigitOcr.Data.Loading;

/// <summary>How a <see cref="BatchLoader"/> makes batches.</summary>
public sealed record LoaderOptions
{
    /// <summary>Images per batch; best a multiple of the source's group size (crops per page), or a page is made twice.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Background threads making batches; 0 picks one less than the cores (at least 1).</summary>
    public int Workers { get; init; }

    /// <summary>The most batches made ahead of the trainer (queued or being made): bounds memory and lets the trainer keep its cores.</summary>
    public int Prefetch { get; init; } = 4;

    /// <summary>The worker count actually used.</summary>
    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Every value out of range, each naming its field and the allowed range.</summary>
    public IEnumerable<string> Validate() => OptionChecks.Problems(
        OptionChecks.AtLeast(BatchSize, 1, nameof(BatchSize)),
        OptionChecks.AtLeast(Workers, 0, nameof(Workers)),
        OptionChecks.AtLeast(Prefetch, 1, nameof(Prefetch)));
}
