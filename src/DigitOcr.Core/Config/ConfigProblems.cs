namespace DigitOcr.Config;

/// <summary>
/// The one way configs and options report what is wrong: every problem at once, each naming its field and the
/// allowed range, in one <see cref="InvalidDataException"/> that names the source.
/// </summary>
public static class ConfigProblems
{
    public static void ThrowIfAny(IReadOnlyList<string> problems, string sourceName)
    {
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{sourceName} has {problems.Count} problem(s):{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
