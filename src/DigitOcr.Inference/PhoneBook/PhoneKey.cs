namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// A string of up to 16 digits packed into a <see cref="long"/>: the length in the bits from 54 up, the value of
/// the digits below, so leading zeros survive (<c>0123</c> and <c>123</c> differ) and a million numbers take 8 MB
/// instead of a million strings. Sixteen rather than fifteen digits because a read may carry one extra digit.
/// Digits are spans of values 0-9, not characters.
/// </summary>
internal static class PhoneKey
{
    public const int MaxLength = PhoneNumberOptions.MaxSupportedDigits + 1;

    private const int LengthShift = 54; // 10^16 < 2^54

    private const long ValueMask = (1L << LengthShift) - 1;

    public static long Pack(ReadOnlySpan<byte> digits)
    {
        long value = 0;
        foreach (var digit in digits)
        {
            value = (value * 10) + digit;
        }

        return ((long)digits.Length << LengthShift) | value;
    }

    public static int Length(long key) => (int)(key >> LengthShift);

    /// <summary>Writes the digits of <paramref name="key"/> to the start of <paramref name="digits"/>; returns how many.</summary>
    public static int Unpack(long key, Span<byte> digits)
    {
        var length = Length(key);
        var value = key & ValueMask;
        for (var i = length - 1; i >= 0; i--)
        {
            digits[i] = (byte)(value % 10);
            value /= 10;
        }

        return length;
    }

    public static string ToDigitString(long key)
    {
        Span<byte> digits = stackalloc byte[MaxLength];
        var length = Unpack(key, digits);
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('0' + digits[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// Writes the keys of the distinct single-digit deletions of <paramref name="digits"/> to
    /// <paramref name="deletions"/> (room for <c>digits.Length</c>); returns how many. Deleting any digit of a run
    /// of equal digits gives the same string, so each run yields one.
    /// </summary>
    public static int Deletions(ReadOnlySpan<byte> digits, Span<long> deletions)
    {
        var length = digits.Length;
        Span<long> prefix = stackalloc long[MaxLength + 1];
        for (var i = 0; i < length; i++)
        {
            prefix[i + 1] = (prefix[i] * 10) + digits[i];
        }

        var shorter = (long)(length - 1) << LengthShift;
        var count = 0;
        long suffix = 0; // value of digits[i + 1..]
        long scale = 1;  // 10^(length - 1 - i)
        for (var i = length - 1; i >= 0; i--)
        {
            if (i == 0 || digits[i] != digits[i - 1])
            {
                deletions[count++] = shorter | ((prefix[i] * scale) + suffix);
            }

            suffix += digits[i] * scale;
            scale *= 10;
        }

        return count;
    }
}
