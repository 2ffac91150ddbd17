namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// The layout of a phone-directory CSV: a header line naming the columns (matched ignoring case and surrounding
/// spaces; other columns are ignored), one entry per line, fields trimmed. Input is UTF-8 unless a byte order mark
/// says otherwise.
/// </summary>
public sealed record DirectoryCsvOptions
{
    /// <summary>The header of the column holding each entry's name.</summary>
    public string NameColumn { get; init; } = "name";

    /// <summary>The header of the column holding each entry's phone number, in any format.</summary>
    public string PhoneColumn { get; init; } = "phone";

    /// <summary>The field separator (fixed rather than guessed, so a one-line file reads the same as a large one).</summary>
    public char Separator { get; init; } = ',';

    /// <summary>The longest name or phone field read, in characters; a longer one skips its line (reported).</summary>
    public int MaxFieldLength { get; init; } = 256;

    internal IEnumerable<string> Validate()
    {
        if (MaxFieldLength < 1)
        {
            yield return $"csv.maxFieldLength must be at least 1, got {MaxFieldLength}";
        }

        if (string.IsNullOrWhiteSpace(NameColumn))
        {
            yield return "csv.nameColumn must name a column, got an empty name";
        }

        if (string.IsNullOrWhiteSpace(PhoneColumn))
        {
            yield return "csv.phoneColumn must name a column, got an empty name";
        }

        if (string.Equals(NameColumn.Trim(), PhoneColumn.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return $"csv.nameColumn and csv.phoneColumn must differ, both are '{NameColumn}'";
        }

        if (Separator is '"' or '\r' or '\n' || !char.IsAscii(Separator))
        {
            yield return $"csv.separator must be an ASCII character other than a quote or a line break, got '{Separator}'";
        }
    }
}
