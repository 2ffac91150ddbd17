using System.Numerics;
using DigitOcr.Postprocess;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// The cost of turning a read number into a directory number, weighted by how sure the reader was of each read
/// digit (its confidence, in [0, 1]): substituting read digit i costs its confidence c_i (a digit read at 0.3 is
/// wrong 70% of the time, so correcting it is cheap, while a confident one costs about 1); deleting read digit i
/// (the reader saw a digit that is not there) also costs c_i, so a doubtful extra digit is cheap to drop; inserting
/// a digit the reader missed costs a fixed <c>insertionCost</c>; a digit read as written costs 0. Computed with
/// Levenshtein's dynamic program over these costs, so it is the cheapest of all edit sequences.
/// <para>
/// With the reader's alternatives for each digit (<see cref="Detection.Alternatives"/>), substituting read digit i
/// by an alternative read with probability p costs <c>min(c_i, ln(c_i / p))</c> (at least 0): the log-likelihood
/// ratio of the two readings, never dearer than without the alternative. Other substitutions, deletions and
/// insertions cost as above.
/// </para>
/// </summary>
public static class WeightedEditDistance
{
    /// <summary>
    /// The distance from <paramref name="read"/> (digits, with one confidence each) to <paramref name="target"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The confidences do not match the read digits one to one, or one is outside [0, 1].</exception>
    public static float Compute(ReadOnlySpan<char> read, ReadOnlySpan<float> confidences, ReadOnlySpan<char> target, float insertionCost)
    {
        ReadValidation.ThrowIfInvalid(read, confidences);
        if (!(insertionCost >= 0) || float.IsInfinity(insertionCost))
        {
            throw new ArgumentOutOfRangeException(nameof(insertionCost), insertionCost, "the insertion cost must be finite and >= 0");
        }

        return Compute<char>(read, confidences, target, insertionCost);
    }

    /// <summary>
    /// The distance from <paramref name="read"/> to <paramref name="target"/> with the reader's alternatives for each
    /// read digit (one list per digit, empty where there are none).
    /// </summary>
    /// <exception cref="ArgumentException">A character is not a digit, or the confidences or alternatives do not match the read digits one to one, or one is out of range.</exception>
    public static float Compute(
        ReadOnlySpan<char> read, ReadOnlySpan<float> confidences, IReadOnlyList<IReadOnlyList<DigitAlternative>> alternatives, ReadOnlySpan<char> target, float insertionCost)
    {
        ReadValidation.ThrowIfInvalid(read, confidences);
        ReadValidation.ThrowIfInvalid(read, alternatives);
        for (var j = 0; j < target.Length; j++)
        {
            if (!char.IsAsciiDigit(target[j]))
            {
                throw new ArgumentException($"target number '{target}' has '{target[j]}' at index {j}; pass only the digits 0-9", nameof(target));
            }
        }

        if (!(insertionCost >= 0) || float.IsInfinity(insertionCost))
        {
            throw new ArgumentOutOfRangeException(nameof(insertionCost), insertionCost, "the insertion cost must be finite and >= 0");
        }

        var readDigits = new byte[read.Length];
        var targetDigits = new byte[target.Length];
        for (var i = 0; i < read.Length; i++)
        {
            readDigits[i] = (byte)(read[i] - '0');
        }

        for (var j = 0; j < target.Length; j++)
        {
            targetDigits[j] = (byte)(target[j] - '0');
        }

        var costs = new float[read.Length * SubstitutionCosts.Stride];
        SubstitutionCosts.Fill(readDigits, confidences, alternatives, 0, costs);
        return Compute(confidences, costs, targetDigits, insertionCost);
    }

    /// <summary>
    /// The same, unchecked, over a table of substitution costs (<see cref="SubstitutionCosts"/>: row i, column x is
    /// the cost of reading digit i as x, 0 for the digit read); deletions cost the confidences.
    /// </summary>
    internal static float Compute(ReadOnlySpan<float> confidences, ReadOnlySpan<float> substitutionCosts, ReadOnlySpan<byte> target, float insertionCost)
    {
        const int StackLimit = 64;
        var width = target.Length + 1;
        var previous = width <= StackLimit ? stackalloc float[width] : new float[width];
        var current = width <= StackLimit ? stackalloc float[width] : new float[width];
        for (var j = 1; j < width; j++)
        {
            previous[j] = previous[j - 1] + insertionCost;
        }

        for (var i = 0; i < confidences.Length; i++)
        {
            var confidence = confidences[i];
            var row = substitutionCosts.Slice(i * SubstitutionCosts.Stride, SubstitutionCosts.Stride);
            current[0] = previous[0] + confidence;
            for (var j = 1; j < width; j++)
            {
                var substitute = previous[j - 1] + row[target[j - 1]];
                var delete = previous[j] + confidence;
                var insert = current[j - 1] + insertionCost;
                current[j] = MathF.Min(substitute, MathF.Min(delete, insert));
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[width - 1];
    }

    /// <summary>The same, unchecked, for digits of any element type (the index's digit values).</summary>
    internal static float Compute<T>(ReadOnlySpan<T> read, ReadOnlySpan<float> confidences, ReadOnlySpan<T> target, float insertionCost)
        where T : unmanaged, IBinaryInteger<T>
    {
        const int StackLimit = 64;
        var width = target.Length + 1;
        var previous = width <= StackLimit ? stackalloc float[width] : new float[width];
        var current = width <= StackLimit ? stackalloc float[width] : new float[width];

        // Row 0: the read is empty, every target digit is inserted.
        for (var j = 1; j < width; j++)
        {
            previous[j] = previous[j - 1] + insertionCost;
        }

        for (var i = 0; i < read.Length; i++)
        {
            var confidence = confidences[i];
            current[0] = previous[0] + confidence;
            for (var j = 1; j < width; j++)
            {
                var substitute = previous[j - 1] + (read[i] == target[j - 1] ? 0f : confidence);
                var delete = previous[j] + confidence;
                var insert = current[j - 1] + insertionCost;
                current[j] = MathF.Min(substitute, MathF.Min(delete, insert));
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[width - 1];
    }
}
