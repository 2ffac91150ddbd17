using System.Text;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Collects entries, from a CSV (<see cref="PhoneDirectory.Load(string, PhoneDirectoryOptions?)"/>) or from code,
/// and builds a <see cref="PhoneDirectory"/>. A row that cannot be an entry is recorded as a
/// <see cref="DirectoryLoadProblem"/> and skipped. Duplicate numbers: the first entry with a number is kept and
/// every later row with the same number (after normalisation) is reported as
/// <see cref="DirectoryProblemKind.DuplicateNumber"/>, whatever its name: keeping both would make every read of
/// that number ambiguous, and keeping the last silently would hide a data error; the first is the one a person
/// reading the file sees first.
/// </summary>
public sealed class PhoneDirectoryBuilder
{
    private readonly PhoneNumberNormalizer normalizer;
    private readonly LookupOptions lookup;
    private readonly NameTable names = new();
    private readonly List<long> keys = [];
    private readonly List<int> lines = [];
    private readonly Dictionary<long, int> firstWithKey = [];
    private readonly List<DirectoryLoadProblem> problems = [];
    private bool built;

    public PhoneDirectoryBuilder(PhoneNumberOptions? numbers = null, LookupOptions? lookup = null)
    {
        normalizer = new PhoneNumberNormalizer(numbers);
        this.lookup = lookup ?? new LookupOptions();
        PhoneDirectoryOptions.ThrowIfAny(this.lookup.Validate());
    }

    /// <summary>Problems found so far, in the order rows were added.</summary>
    public IReadOnlyList<DirectoryLoadProblem> Problems => problems;

    /// <summary>
    /// Adds a person; <paramref name="lineNumber"/> is where the row came from (any number for rows not from a
    /// file). Returns the problem if the row was not added, else <see langword="null"/>.
    /// </summary>
    public DirectoryLoadProblem? Add(string name, string phone, long lineNumber)
    {
        var before = problems.Count;
        var utf8Name = Encoding.UTF8.GetBytes(name.Trim());
        var utf8Phone = Encoding.UTF8.GetBytes(phone.Trim());
        Add(utf8Name, utf8Phone, lineNumber, Encoding.UTF8.GetBytes($"{name},{phone}"));
        return problems.Count > before ? problems[^1] : null;
    }

    /// <summary>Adds a row whose fields are UTF-8 (as the CSV reader hands them out, without copying).</summary>
    internal void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> phone, long lineNumber, ReadOnlySpan<byte> rawLine)
    {
        ThrowIfBuilt();
        var parsed = normalizer.Parse(phone);
        if (parsed.Problem is { } kind)
        {
            Report(lineNumber, kind, DescribeNumberProblem(kind, parsed.DigitCount, Text(phone), Text(name)), rawLine);
            return;
        }

        if (name.IsEmpty)
        {
            Report(lineNumber, DirectoryProblemKind.MissingName, $"phone '{Text(phone)}' has no name", rawLine);
            return;
        }

        if (firstWithKey.TryGetValue(parsed.Key, out var first))
        {
            var sameName = names[first] == Text(name);
            Report(lineNumber, DirectoryProblemKind.DuplicateNumber,
                $"{PhoneKey.ToDigitString(parsed.Key)} ('{Text(name)}') is already the number of '{names[first]}' on line {lines[first]}"
                + (sameName ? "; the repeated row is ignored" : "; the first entry is kept, fix or remove one of the two lines"),
                rawLine);
            return;
        }

        firstWithKey.Add(parsed.Key, keys.Count);
        keys.Add(parsed.Key);
        lines.Add(checked((int)lineNumber));
        names.Add(name);
    }

    /// <summary>Records a line the CSV reader skipped for its quoting.</summary>
    internal void ReportMalformed(long lineNumber, string reason, string rawLine) =>
        problems.Add(new DirectoryLoadProblem(
            lineNumber, DirectoryProblemKind.MalformedQuotes,
            $"malformed quoting ({reason}), the line is skipped; balance its quotes or double quotes inside a quoted field", rawLine));

    /// <summary>Records a line the CSV loader skipped before it became a row (encoding, field length).</summary>
    internal void ReportSkipped(long lineNumber, DirectoryProblemKind kind, string message, ReadOnlySpan<byte> rawLine) =>
        Report(lineNumber, kind, message, rawLine);

    /// <summary>
    /// Builds the directory and its index; <paramref name="source"/> names where the rows came from in the load
    /// report. The builder cannot be used afterwards.
    /// </summary>
    public PhoneDirectory Build(string source = "in-memory directory")
    {
        ThrowIfBuilt();
        built = true;
        firstWithKey.Clear();
        firstWithKey.TrimExcess();
        names.TrimExcess();
        var keyArray = keys.ToArray();
        var report = new DirectoryLoadReport(source, keyArray.Length, problems.OrderBy(p => p.LineNumber).ToList());
        return new PhoneDirectory(keyArray, lines.ToArray(), names, DeletionIndex.Build(keyArray), normalizer, lookup, report);
    }

    private void ThrowIfBuilt()
    {
        if (built)
        {
            throw new InvalidOperationException("this PhoneDirectoryBuilder has already built its directory; start a new builder for another one");
        }
    }

    private void Report(long lineNumber, DirectoryProblemKind kind, string message, ReadOnlySpan<byte> rawLine) =>
        problems.Add(new DirectoryLoadProblem(lineNumber, kind, message, Text(rawLine)));

    private string DescribeNumberProblem(DirectoryProblemKind kind, int digits, string phone, string name) => kind switch
    {
        DirectoryProblemKind.MissingPhone => $"no phone number for '{name}'",
        DirectoryProblemKind.NoDigits => $"phone '{phone}' of '{name}' has no digits",
        DirectoryProblemKind.TooFewDigits =>
            $"phone '{phone}' of '{name}' has {digits} digits, fewer than {normalizer.Options.MinDigits}; "
            + "complete the number or lower PhoneNumberOptions.MinDigits",
        DirectoryProblemKind.TooManyDigits =>
            $"phone '{phone}' of '{name}' has {digits} digits, more than {normalizer.Options.MaxDigits}; "
            + "remove extensions or extra numbers from the field",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a phone number problem"),
    };

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
