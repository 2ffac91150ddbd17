namespace DigitOcr.Inference.PhoneBook;

/// <summary>Checks a read number at the API boundary: ASCII digits, with one confidence in [0, 1] per digit.</summary>
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
}
