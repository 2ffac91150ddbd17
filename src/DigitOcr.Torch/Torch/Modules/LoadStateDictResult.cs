namespace DigitOcr.Torch.Modules;

/// <summary>What a state-dict load found: keys the module has but the source lacks, keys it does not know, shape clashes.</summary>
public sealed record LoadStateDictResult(
    IReadOnlyList<string> MissingKeys,
    IReadOnlyList<string> UnexpectedKeys,
    IReadOnlyList<string> MismatchedShapes)
{
    public override string ToString()
    {
        var parts = new List<string>();
        if (MissingKeys.Count > 0)
        {
            parts.Add($"missing keys ({MissingKeys.Count}): {string.Join(", ", MissingKeys)}");
        }

        if (UnexpectedKeys.Count > 0)
        {
            parts.Add($"unexpected keys ({UnexpectedKeys.Count}): {string.Join(", ", UnexpectedKeys)}");
        }

        if (MismatchedShapes.Count > 0)
        {
            parts.Add($"shape mismatches ({MismatchedShapes.Count}): {string.Join("; ", MismatchedShapes)}");
        }

        return parts.Count == 0 ? "all keys matched" : string.Join(Environment.NewLine, parts);
    }
}

/// <summary>A state dict that does not fit the module; nothing was loaded. The message lists every offending key.</summary>
public sealed class StateDictMismatchException : Exception
{
    public StateDictMismatchException(LoadStateDictResult result)
        : base("the state dict does not match the model:" + Environment.NewLine + result)
    {
        Result = result;
    }

    public LoadStateDictResult Result { get; }
}
