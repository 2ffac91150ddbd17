namespace DigitOcr.Tests.Support;

/// <summary>
/// A fresh folder of the test's own under the system temp folder, deleted with everything in it on dispose. Hold one
/// per test (a field of an <see cref="IDisposable"/> test class: xUnit makes an instance per test) or in a
/// <c>using</c>; tests never share files.
/// </summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="prefix">Starts the folder's name, so a folder left by a killed run says which test made it.</param>
    public TempFolder(string prefix = "digitocr-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>The path of <paramref name="parts"/> (a name, or folders then a name) inside the folder; nothing is created.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
