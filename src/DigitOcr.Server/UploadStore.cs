using System.Globalization;

namespace DigitOcr.Server;

/// <summary>
/// Keeps uploads on disk when the server was asked to (<c>--save FOLDER</c>), each as
/// <c>&lt;UTC time&gt;-&lt;counter&gt;-&lt;name&gt;</c>; without a folder it writes nothing. Thread-safe.
/// </summary>
internal sealed class UploadStore(string? folder)
{
    private long counter;

    public string? Folder { get; } = folder;

    /// <summary>Writes <paramref name="upload"/> into the folder, if there is one; returns the path written, or null.</summary>
    public async Task<string?> SaveAsync(Upload upload, CancellationToken cancellationToken)
    {
        if (Folder is null)
        {
            return null;
        }

        var safe = string.Concat(upload.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var name = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd-HHmmss.fff}-{Interlocked.Increment(ref counter):D6}-{safe}");
        var path = Path.Combine(Folder, name);
        await File.WriteAllBytesAsync(path, upload.Bytes, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
