namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// What loading a phone directory found: the source (file path or the name given for a stream), the number of
/// entries loaded and every line that was skipped or merged, in line order. Problems are reported rather than
/// thrown so that one bad line does not lose a million good ones.
/// </summary>
public sealed record DirectoryLoadReport(string Source, int EntriesLoaded, IReadOnlyList<DirectoryLoadProblem> Problems)
{
    /// <summary>Every line became an entry (see <see cref="Warning"/> for a directory with none).</summary>
    public bool IsClean => Problems.Count == 0;

    /// <summary>
    /// What is wrong with the directory as a whole, or null: no entries at all (a header only, or every line
    /// skipped), so that no number can match.
    /// </summary>
    public string? Warning => EntriesLoaded > 0 ? null
        : Problems.Count == 0
            ? $"phone directory '{Source}' has a header but no entries; no number can match"
            : $"phone directory '{Source}' has no usable entries (all {Problems.Count} line(s) were skipped); no number can match";

    /// <summary>A summary for logs: the counts, the warning if any, then one line per problem.</summary>
    public override string ToString() =>
        $"{Source}: {EntriesLoaded} entries, {Problems.Count} problem(s)"
        + (Warning is { } warning ? Environment.NewLine + "  " + warning : string.Empty)
        + string.Concat(Problems.Select(p => Environment.NewLine + "  " + p));
}
