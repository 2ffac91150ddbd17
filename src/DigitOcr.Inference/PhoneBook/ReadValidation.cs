using DigitOcr.Postprocess;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Checks a read number at the API boundary: ASCII digits, with one confidence in [0, 1] per digit, and, where
/// given, one list of alternatives per digit, each a digit 0-9 with a score in [0, 1].
/// </summary>
internal static class ReadValidation
{
    public static void ThrowIfInvalid(ReadOnlySpan<char> digits, ReadOnlySpan<float> confidences)
    {
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                throw new ArgumentException(
                    $"read number '{digits}' has '{digits[i]}' at index {i}; pass only the digits 0-9 the reader produced", nameof(digits));
            }
        }

        if (confidences.Length != digits.Length)
        {
            throw new ArgumentException(
                $"read number '{digits}' has {digits.Length} digits but {confidences.Length} confidences; pass one per digit, in reading order",
                nameof(confidences));
        }

        for (var i = 0; i < confidences.Length; i++)
        {
            if (!(confidences[i] is >= 0f and <= 1f))
            {
                throw new ArgumentException(
                    $"confidence {confidences[i]} of digit {i} ('{digits[i]}') of read number '{digits}' is outside [0, 1]; pass the detector's score",
                    nameof(confidences));
            }
        }
    }

    public static void ThrowIfInvalid(ReadOnlySpan<char> digits, IReadOnlyList<IReadOnlyList<DigitAlternative>> alternatives)
    {
        if (alternatives.Count != digits.Length)
        {
            throw new ArgumentException(
                $"read number '{digits}' has {digits.Length} digits but {alternatives.Count} lists of alternatives; pass one per digit (empty where none), in reading order",
                nameof(alternatives));
        }

        for (var i = 0; i < alternatives.Count; i++)
        {
            if (alternatives[i] is null)
            {
                throw new ArgumentException($"alternatives of digit {i} of read number '{digits}' are null; pass an empty list where there are none", nameof(alternatives));
            }

            var listed = alternatives[i];
            for (var k = 0; k < listed.Count; k++) // indexed: foreach over the interface would allocate an enumerator
            {
                var alternative = listed[k];
                if (alternative.Digit is < 0 or > 9 || !(alternative.Score is >= 0f and <= 1f))
                {
                    throw new ArgumentException(
                        $"alternative {alternative} of digit {i} ('{digits[i]}') of read number '{digits}' is not a digit 0-9 with a score in [0, 1]",
                        nameof(alternatives));
                }
            }
        }
    }
}
