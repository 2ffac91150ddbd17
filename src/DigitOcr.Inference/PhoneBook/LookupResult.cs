namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// The outcome of <see cref="PhoneDirectory.Lookup(ReadOnlySpan{char}, ReadOnlySpan{float})"/>: either a
/// <see cref="DirectoryMatch"/> or a <see cref="NoMatch"/> with its reason. No other kinds exist.
/// </summary>
public abstract record LookupResult
{
    private protected LookupResult()
    {
    }
}
