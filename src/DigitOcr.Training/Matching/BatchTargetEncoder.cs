using DigitOcr.Boxes;

namespace DigitOcr.Matching;

/// <summary>
/// Computes a batch's training targets from its ground truth (pixels of <paramref name="width"/> x
/// <paramref name="height"/> inputs). The data loader calls it on its worker threads, so that matching overlaps the
/// training step instead of preceding it; it must be safe to call from several threads at once (an
/// <see cref="SsdMatcher"/> over a shared priors tensor is). The caller owns the result.
/// </summary>
public delegate MatchedTargets BatchTargetEncoder(IReadOnlyList<IReadOnlyList<LabeledBox>> truths, int height, int width);
