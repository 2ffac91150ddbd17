namespace DigitOcr.Torch.Distributed;

/// <summary>The distributed environment variables are incomplete or out of range; lists every problem, each naming its variable.</summary>
public sealed class DistributedEnvironmentException(IReadOnlyList<string> problems)
    : Exception("bad distributed environment: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
