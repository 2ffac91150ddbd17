namespace DigitOcr.Data.Mnist;

/// <summary>
/// Finds the data folder, the one that holds <c>mnist/</c>: an explicit folder if given, else the environment
/// variable <see cref="EnvironmentVariable"/>, else the first <c>data</c> folder holding <c>mnist/</c> found by
/// walking up from the current directory and then from the application's base directory (so both
/// <c>dotnet run</c> in the repository and the test runner deep in an artifacts folder find <c>&lt;repo&gt;/data</c>).
/// No machine path is built in.
/// </summary>
public static class DataFolder
{
    /// <summary>The environment variable that names the data folder.</summary>
    public const string EnvironmentVariable = "DIGITOCR_DATA";

    /// <summary>The command that fetches MNIST into the data folder.</summary>
    public const string FetchCommand = "scripts/fetch-mnist.sh";

    /// <summary>The folder, below the data folder, that holds the MNIST IDX files.</summary>
    public const string MnistFolderName = "mnist";

    private const string DataFolderName = "data";

    /// <summary>Resolves the data folder from the process's environment, current directory and base directory.</summary>
    /// <param name="explicitFolder">A folder given by configuration; wins when not null or empty.</param>
    /// <exception cref="DirectoryNotFoundException">No data folder was found; the message says how to fetch MNIST.</exception>
    public static string Resolve(string? explicitFolder = null) =>
        Resolve(explicitFolder, Environment.GetEnvironmentVariable(EnvironmentVariable),
            [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    /// <summary>
    /// Resolves the data folder from explicit inputs (the testable core of <see cref="Resolve(string?)"/>): the
    /// explicit folder, else <paramref name="environmentValue"/>, else the first ancestor (inclusive) of a start
    /// folder that contains <c>data/mnist</c>, returning that <c>data</c> folder.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">None of these gives a folder.</exception>
    public static string Resolve(string? explicitFolder, string? environmentValue, IEnumerable<string> startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        if (!string.IsNullOrEmpty(explicitFolder))
        {
            return Path.GetFullPath(explicitFolder);
        }

        if (!string.IsNullOrEmpty(environmentValue))
        {
            return Path.GetFullPath(environmentValue);
        }

        var searched = new List<string>();
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, DataFolderName);
                if (Directory.Exists(Path.Combine(candidate, MnistFolderName)))
                {
                    return candidate;
                }
            }

            searched.Add(start);
        }

        throw new DirectoryNotFoundException(
            $"No data folder found: {EnvironmentVariable} is not set and no '{DataFolderName}/{MnistFolderName}' folder exists above " +
            $"{string.Join(" or ", searched.Select(s => $"'{s}'"))}. Run {FetchCommand} (scripts/setup.sh runs it) to fetch MNIST " +
            $"into <repo>/{DataFolderName}, or set {EnvironmentVariable} to the folder that holds {MnistFolderName}/.");
    }
}
