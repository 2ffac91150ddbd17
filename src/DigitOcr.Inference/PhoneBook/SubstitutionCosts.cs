using DigitOcr.Postprocess;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// What it costs to say read digit i was digit x, when the reader also gave alternatives
/// (<see cref="Detection.Alternatives"/>): 0 for the digit read; for an alternative x read with probability p,
/// the log-likelihood ratio <c>ln(c_i / p)</c> of the two readings (at least 0), but never more than without the
/// alternative, c_i (see <see cref="WeightedEditDistance"/>); for any other digit, c_i. So a digit read at 0.5 whose
/// second choice, at 0.45, is the entry's digit costs ln(0.5 / 0.45) = 0.105 instead of 0.5, while a confident
/// digit's faint alternative (0.95 and 0.04: ln 23.75 = 3.2) still costs 0.95. Alternatives only make corrections
/// cheaper, so a reader that gives none is looked up exactly as before.
/// </summary>
internal static class SubstitutionCosts
{
    /// <summary>Costs per read digit in the table: one per digit value 0-9.</summary>
    public const int Stride = 10;

    public static float Of(float confidence, float alternativeScore) =>
        alternativeScore > 0 ? MathF.Min(confidence, MathF.Max(0f, MathF.Log(confidence / alternativeScore))) : confidence;

    /// <summary>
    /// Fills <paramref name="table"/> (<c>read.Length × 10</c>): <c>table[i * 10 + x]</c> is the cost of reading
    /// digit i as x. <paramref name="alternatives"/> are per digit of the whole read, the read starts at
    /// <paramref name="offset"/> among them (after a country code).
    /// </summary>
    public static void Fill(
        ReadOnlySpan<byte> read, ReadOnlySpan<float> confidences, IReadOnlyList<IReadOnlyList<DigitAlternative>> alternatives, int offset, Span<float> table)
    {
        for (var i = 0; i < read.Length; i++)
        {
            var row = table.Slice(i * Stride, Stride);
            row.Fill(confidences[i]);
            var listed = alternatives[offset + i];
            for (var k = 0; k < listed.Count; k++) // indexed: foreach over the interface would allocate an enumerator
            {
                var alternative = listed[k];
                if (alternative.Digit != read[i])
                {
                    row[alternative.Digit] = Of(confidences[i], alternative.Score);
                }
            }

            row[read[i]] = 0f;
        }
    }

    /// <summary>Whether any of the read's digits (from <paramref name="offset"/> on) has an alternative.</summary>
    public static bool AnyIn(IReadOnlyList<IReadOnlyList<DigitAlternative>>? alternatives, int offset)
    {
        if (alternatives is null)
        {
            return false;
        }

        for (var i = offset; i < alternatives.Count; i++)
        {
            if (alternatives[i].Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
