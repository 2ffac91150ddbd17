namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Everything a <see cref="PhoneDirectory"/> is configured with, grouped so it is validated once; each part goes
/// only to the component that uses it: <see cref="Csv"/> to the CSV loader, <see cref="Numbers"/> to the
/// normaliser (entries and reads alike), <see cref="Lookup"/> to the matcher.
/// </summary>
public sealed record PhoneDirectoryOptions
{
    public DirectoryCsvOptions Csv { get; init; } = new();

    public PhoneNumberOptions Numbers { get; init; } = new();

    public LookupOptions Lookup { get; init; } = new();

    /// <summary>Returns these options if they are consistent, else throws listing every problem.</summary>
    /// <exception cref="ArgumentException">Some option is out of range; the message names each one and its value.</exception>
    public PhoneDirectoryOptions Validated()
    {
        ThrowIfAny(Csv.Validate().Concat(Numbers.Validate()).Concat(Lookup.Validate()));
        return this;
    }

    internal static void ThrowIfAny(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new ArgumentException(
                $"phone directory options have {list.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", list));
        }
    }
}
