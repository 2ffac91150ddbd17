namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// What counts as a phone number and when a leading country code is dropped. Numbers are compared as plain digit
/// strings: every character that is not an ASCII digit (<c>+ ( ) - .</c>, spaces, letters) is removed first. Then,
/// if the digits are exactly <see cref="CountryCode"/> followed by <see cref="NationalLength"/> digits, the country
/// code is dropped, so <c>+1 (555) 123-4567</c>, <c>1-555-123-4567</c>, <c>555.123.4567</c> and <c>5551234567</c>
/// are all <c>5551234567</c>. Any other length is kept as written (an international number such as
/// <c>+44 20 7946 0958</c> is <c>442079460958</c>); international prefixes (<c>00</c>, <c>011</c>) are not
/// recognised. The same rule applies to directory entries and to read numbers.
/// </summary>
public sealed record PhoneNumberOptions
{
    /// <summary>Largest number of digits the index can hold: E.164's maximum, packed into 64 bits.</summary>
    public const int MaxSupportedDigits = 15;

    /// <summary>The default country's calling code, dropped as described above; empty to never drop one.</summary>
    public string CountryCode { get; init; } = "1";

    /// <summary>Digits of a national number of the default country (10 in the North American plan).</summary>
    public int NationalLength { get; init; } = 10;

    /// <summary>Entries with fewer digits (after dropping the country code) are reported and skipped.</summary>
    public int MinDigits { get; init; } = 10;

    /// <summary>Entries with more digits are reported and skipped; at most <see cref="MaxSupportedDigits"/>.</summary>
    public int MaxDigits { get; init; } = MaxSupportedDigits;

    internal IEnumerable<string> Validate()
    {
        if (CountryCode.Any(c => !char.IsAsciiDigit(c)) || CountryCode.Length > 3)
        {
            yield return $"numbers.countryCode must be up to 3 digits without '+' (or empty), got '{CountryCode}'";
        }

        if (MaxDigits is < 1 or > MaxSupportedDigits)
        {
            yield return $"numbers.maxDigits must be in [1, {MaxSupportedDigits}] (E.164), got {MaxDigits}";
        }

        if (MinDigits < 1 || MinDigits > MaxDigits)
        {
            yield return $"numbers.minDigits must be in [1, maxDigits = {MaxDigits}], got {MinDigits}";
        }

        if (NationalLength < MinDigits || NationalLength > MaxDigits)
        {
            yield return $"numbers.nationalLength must be in [minDigits = {MinDigits}, maxDigits = {MaxDigits}], got {NationalLength}";
        }
    }
}
