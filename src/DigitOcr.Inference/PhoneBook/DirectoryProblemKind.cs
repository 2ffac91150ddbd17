namespace DigitOcr.Inference.PhoneBook;

/// <summary>Why a line of a phone-directory CSV did not become an entry.</summary>
public enum DirectoryProblemKind
{
    /// <summary>Unbalanced or stray quotes: the line cannot be split into fields reliably, so it is skipped.</summary>
    MalformedQuotes,

    /// <summary>The name field is empty.</summary>
    MissingName,

    /// <summary>The phone field is empty or absent.</summary>
    MissingPhone,

    /// <summary>The phone field has no digit at all.</summary>
    NoDigits,

    /// <summary>Fewer digits than <see cref="PhoneNumberOptions.MinDigits"/>, after dropping the country code.</summary>
    TooFewDigits,

    /// <summary>More digits than <see cref="PhoneNumberOptions.MaxDigits"/>.</summary>
    TooManyDigits,

    /// <summary>The number is already an earlier line's; the earlier entry is kept.</summary>
    DuplicateNumber,

    /// <summary>The name or phone field is not valid UTF-8 (a file saved in another encoding): the line is skipped.</summary>
    InvalidUtf8,

    /// <summary>The name or phone field is longer than <see cref="DirectoryCsvOptions.MaxFieldLength"/>: the line is skipped.</summary>
    FieldTooLong,
}
