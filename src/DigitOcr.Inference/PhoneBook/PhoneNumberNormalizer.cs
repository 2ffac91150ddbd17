using System.Numerics;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Turns phone numbers as written into the digit strings the directory compares, by the rule of
/// <see cref="PhoneNumberOptions"/>: keep the ASCII digits, then drop the country code when what is left is the
/// country code followed by a national number.
/// </summary>
public sealed class PhoneNumberNormalizer
{
    // Digits kept while scanning a field; longer ones are too long whatever the options say.
    private const int ScanLimit = 32;

    private readonly byte[] countryCode;

    public PhoneNumberNormalizer(PhoneNumberOptions? options = null)
    {
        Options = options ?? new PhoneNumberOptions();
        PhoneDirectoryOptions.ThrowIfAny(Options.Validate());
        countryCode = Options.CountryCode.Select(c => (byte)(c - '0')).ToArray();
    }

    public PhoneNumberOptions Options { get; }

    /// <summary>
    /// The digits of <paramref name="text"/> with the country code dropped by the rule, such as <c>5551234567</c>
    /// for <c>+1 (555) 123-4567</c>. Not checked against the length limits; empty when there are no digits.
    /// </summary>
    public string Normalize(string text)
    {
        var digits = new byte[text.Count(char.IsAsciiDigit)];
        ExtractDigits(text.AsSpan(), digits);
        var kept = digits.AsSpan(CountryCodeLength(digits));
        Span<char> chars = kept.Length <= ScanLimit ? stackalloc char[kept.Length] : new char[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            chars[i] = (char)('0' + kept[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// How many leading digits of <paramref name="digits"/> are a country code to drop: the code's length when the
    /// digits are the code followed by exactly a national number, else 0.
    /// </summary>
    internal int CountryCodeLength(ReadOnlySpan<byte> digits)
    {
        if (countryCode.Length == 0 || digits.Length != countryCode.Length + Options.NationalLength)
        {
            return 0;
        }

        for (var i = 0; i < countryCode.Length; i++)
        {
            if (digits[i] != countryCode[i])
            {
                return 0;
            }
        }

        return countryCode.Length;
    }

    /// <summary>
    /// Parses a phone field (UTF-16 or UTF-8 code units) into a packed key, or says why it cannot be an entry.
    /// </summary>
    internal ParsedNumber Parse<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        Span<byte> buffer = stackalloc byte[ScanLimit];
        var count = ExtractDigits(text, buffer);
        if (count == 0)
        {
            return new(text.IsEmpty ? DirectoryProblemKind.MissingPhone : DirectoryProblemKind.NoDigits, 0, 0);
        }

        if (count > ScanLimit)
        {
            return new(DirectoryProblemKind.TooManyDigits, count, 0);
        }

        var digits = buffer[..count];
        digits = digits[CountryCodeLength(digits)..];
        if (digits.Length < Options.MinDigits)
        {
            return new(DirectoryProblemKind.TooFewDigits, digits.Length, 0);
        }

        return digits.Length > Options.MaxDigits
            ? new(DirectoryProblemKind.TooManyDigits, digits.Length, 0)
            : new(null, digits.Length, PhoneKey.Pack(digits));
    }

    /// <summary>Writes the digit values of <paramref name="text"/> to <paramref name="digits"/> (as many as fit); returns how many there are.</summary>
    private static int ExtractDigits<T>(ReadOnlySpan<T> text, Span<byte> digits)
        where T : unmanaged, IBinaryInteger<T>
    {
        var count = 0;
        foreach (var unit in text)
        {
            var value = int.CreateTruncating(unit) - '0';
            if ((uint)value <= 9)
            {
                if (count < digits.Length)
                {
                    digits[count] = (byte)value;
                }

                count++;
            }
        }

        return count;
    }
}

