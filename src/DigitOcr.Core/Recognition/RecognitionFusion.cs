using DigitOcr.Config;
using DigitOcr.Postprocess;

namespace DigitOcr.Recognition;

/// <summary>
/// Fuses the detector's and the recognizer's views of one box. The detector is trusted for where a digit is, the
/// recognizer — a classifier trained on the detector's own boxes, with a "not a digit" class — for which digit it is:
/// <list type="bullet">
/// <item><c>presence = sqrt(detector score * (1 - p_junk))</c>, with <c>p_junk</c> the recognizer's "not a digit"
/// probability, is the geometric mean of the two stages' belief that a digit is there; the box is dropped when it is
/// below <see cref="FusionOptions.MinPresence"/>. Neither stage vetoes alone: a digit the detector is sure of survives a
/// recognizer that doubts its crop (a box a little off the ink looks like junk to it), and the other way round;</item>
/// <item>the digit is the recognizer's best digit, <c>r(d) = p(d) / (1 - p_junk)</c>, and the fused score of digit d
/// is <c>presence * r(d)</c>;</item>
/// <item>the other digits with a fused score of at least <see cref="FusionOptions.AlternativeMinScore"/> become the
/// detection's alternatives, best first.</item>
/// </list>
/// So a box the recognizer calls junk is dropped, and a digit the detector misread is corrected when the recognizer
/// reads it otherwise, with the detector's reading kept among the alternatives when it is still plausible.
/// </summary>
public static class RecognitionFusion
{
    /// <summary>The fused detection, or null when the box is dropped. <paramref name="probabilities"/>: the recognizer's 11 softmax outputs.</summary>
    public static Detection? Fuse(Detection detection, ReadOnlySpan<float> probabilities, FusionOptions options)
    {
        if (probabilities.Length != RecognizerConfig.Classes)
        {
            throw new ArgumentException($"the recognizer gives {RecognizerConfig.Classes} probabilities, got {probabilities.Length}", nameof(probabilities));
        }

        var digitMass = Math.Max(1e-6f, 1f - probabilities[RecognizerConfig.NotADigit]);
        var presence = MathF.Sqrt(Math.Clamp(detection.Score, 0f, 1f) * digitMass);
        if (presence < options.MinPresence)
        {
            return null;
        }

        var ranked = new List<(int Digit, float Score)>(10);
        for (var d = 0; d < 10; d++)
        {
            ranked.Add((d, presence * probabilities[d] / digitMass));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return detection with
        {
            Digit = ranked[0].Digit,
            Score = ranked[0].Score,
            Alternatives = ranked.Skip(1).Where(x => x.Score >= options.AlternativeMinScore).Take(options.MaxAlternatives)
                .Select(x => new DigitAlternative(x.Digit, x.Score)).ToList(),
        };
    }
}
