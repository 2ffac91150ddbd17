using DigitOcr.Training;
using DigitOcr.Config;

namespace DigitOcr.Tests.Support;

/// <summary>The shipped configs (copied from configs/ into the test output) and the golden model's config.</summary>
public static class TestConfigs
{
    public static TrainingConfig Load(string name) =>
        TrainingConfig.Load(Path.Combine(AppContext.BaseDirectory, "configs", name + ".json"));

    /// <summary>The architecture of golden/make_ssd_golden.py: stage widths 8-64, 64x64 input, reference priors.</summary>
    public static TrainingConfig Golden { get; } = new TrainingConfig
    {
        Name = "golden",
        InputSize = 64,
        Model = new ModelOptions { Widths = [8, 16, 32, 64] },
    }.Validated();
}
