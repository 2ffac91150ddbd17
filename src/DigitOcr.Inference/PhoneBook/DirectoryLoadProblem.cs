namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// One line of a phone-directory CSV that did not become an entry: its 1-based line in the file (counting the
/// header and blank lines), what is wrong, a message naming the value, and the line as it is in the file.
/// </summary>
public sealed record DirectoryLoadProblem(long LineNumber, DirectoryProblemKind Kind, string Message, string RawText)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
