using System.Globalization;
using System.Text.Json;

namespace DigitOcr.Training;

/// <summary>
/// The checks behind every options record's <c>IEnumerable&lt;string&gt; Validate()</c>: each returns null when the
/// value is fine, else one message naming the field (its JSON name: <c>nameof</c> in, camelCase out) and its allowed
/// range. Records list their checks in <see cref="Problems"/> and prefix their sections' problems with
/// <see cref="Within"/>, so a config reports every problem at once (<see cref="Config.ConfigProblems"/>).
/// </summary>
public static class OptionChecks
{
    /// <summary>The problems among <paramref name="checks"/> (nulls are passing checks).</summary>
    public static IEnumerable<string> Problems(params string?[] checks) => checks.OfType<string>();

    /// <summary><paramref name="problems"/> of a nested section, each prefixed with <paramref name="section"/> (a <c>nameof</c>).</summary>
    public static IEnumerable<string> Within(this IEnumerable<string> problems, string section) =>
        problems.Select(p => $"{JsonName(section)}.{p}");

    /// <summary>A probability or fraction: [0, 1].</summary>
    public static string? Probability(double value, string name) => InRange(value, 0, 1, name);

    /// <summary>[<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public static string? InRange(double value, double min, double max, string name) =>
        value >= min && value <= max ? null : Invariant($"{JsonName(name)} must be in [{min}, {max}], got {value}");

    /// <summary>At least <paramref name="min"/> (and finite).</summary>
    public static string? AtLeast(double value, double min, string name) =>
        value >= min && double.IsFinite(value) ? null : Invariant($"{JsonName(name)} must be finite and >= {min}, got {value}");

    /// <summary>More than zero (and finite).</summary>
    public static string? Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? null : Invariant($"{JsonName(name)} must be finite and > 0, got {value}");

    /// <summary>At least <paramref name="min"/>.</summary>
    public static string? AtLeast(int value, int min, string name) =>
        value >= min ? null : Invariant($"{JsonName(name)} must be >= {min}, got {value}");

    /// <summary>A named value of <typeparamref name="T"/> (JSON also accepts numbers, which may name none).</summary>
    public static string? Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? null : Invariant(
            $"{JsonName(name)} must be one of: {string.Join(", ", Enum.GetNames<T>().Select(JsonName))}, got {value}");

    /// <summary>
    /// Throws one <see cref="ArgumentException"/> listing every problem of the options handed to a component as
    /// <paramref name="paramName"/> (a config file reports them with <see cref="Config.ConfigProblems"/> instead).
    /// </summary>
    public static void ThrowIfAny(IEnumerable<string> problems, string paramName)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new ArgumentException(
                $"{paramName} has {list.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", list), paramName);
        }
    }

    /// <summary>A property's name as the JSON files spell it.</summary>
    public static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
