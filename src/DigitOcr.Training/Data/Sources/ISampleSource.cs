using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Sources;

/// <summary>
/// Makes samples deterministically: sample <c>i</c> of epoch <c>e</c> depends only on the source's seed, its split,
/// <c>e</c> and <c>i</c> — never on threads or call order. Samples come in groups of <see cref="GroupSize"/> that
/// are made together (the crops of one page): sample <c>i</c> is item <c>i % GroupSize</c> of group
/// <c>i / GroupSize</c>. Thread-safe: a loader calls it from several threads at once.
/// </summary>
public interface ISampleSource
{
    /// <summary>The preset it makes.</summary>
    DataPreset Preset { get; }

    /// <summary>Which digits it draws from.</summary>
    DataSplit Split { get; }

    /// <summary>Width of every sample, pixels.</summary>
    int Width { get; }

    /// <summary>Height of every sample, pixels.</summary>
    int Height { get; }

    /// <summary>How many samples one group holds.</summary>
    int GroupSize { get; }

    /// <summary>
    /// The number of distinct samples when the set is finite (a validation or test set: index i and i + Count
    /// repeat), else null (training: every epoch and index differs).
    /// </summary>
    long? Count { get; }

    /// <summary>Group <paramref name="group"/> of epoch <paramref name="epoch"/> as finished samples. The caller owns them.</summary>
    IReadOnlyList<Sample> GenerateGroup(int epoch, long group);

    /// <summary>
    /// The same group as <see cref="GenerateGroup"/>, as rendered scenes that still carry each digit's own ink
    /// (for inspection and tests). The caller owns them.
    /// </summary>
    IReadOnlyList<Scene> RenderGroup(int epoch, long group);
}
