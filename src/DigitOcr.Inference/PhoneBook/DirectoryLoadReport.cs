namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// What loading a phone directory found: the source (file path or the name given for a stream), the number of
/// entries loaded and every line that was skipped or merged, in line order. Problems are reported rather than
/// thrown so that one bad line does not lose a million good ones.
/// </summary>
public sealed record DirectoryLoadReport(string Source, int EntriesLoaded, IReadOnlyList<DirectoryLoadProblem> Problems)
{
    public bool IsClean => Problems.Count == 0;

    /// <summary>A summary for logs: the counts, then one line per problem.</summary>
    public override string ToString() =>
        $"{Source}: {EntriesLoaded} entries, {Problems.Count} problem(s)"
        + string.Concat(Problems.Select(p => Environment.NewLine + "  " + p));
}
