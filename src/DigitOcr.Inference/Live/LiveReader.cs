using System.Runtime.CompilerServices;
using DigitOcr.Imaging;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Inference.Live;

/// <summary>
/// Reads numbers live: frames from a source, each read as a page, and the readings of successive frames made stable
/// (<see cref="ReadingStabilizer"/>). <see cref="ReadAsync"/> yields each stable reading once, when the numbers in
/// view become stable or change; <see cref="ReadFramesAsync"/> yields every frame read, for a program that shows
/// them. Both end with the source, or when cancelled. A reader may run any number of enumerations, each with its own
/// stabilizer; it owns neither the source nor the page reader.
/// <code>
/// using var detector = DigitDetector.Load();
/// using var source = VideoFrameSource.Open("0");                 // the first camera
/// var live = new LiveReader(new PageReader(detector, directory: PhoneDirectory.Load("phones.csv")));
/// await foreach (var stable in live.ReadAsync(source, cancellationToken))
/// {
///     Console.WriteLine($"{stable.Time}: {string.Join(", ", stable.Reading.Numbers.Select(n => n.Text))} {stable.Reading.Match?.Entry.Name}");
/// }
/// </code>
/// </summary>
public sealed class LiveReader
{
    private readonly Func<Image, CancellationToken, ValueTask<PageReading>>? read;
    private readonly PageReader? pageReader;
    private readonly PhoneDirectory? directory;

    /// <summary>
    /// Reads frames with <paramref name="reader"/> (each enumeration on a thread of its own: see <see cref="ReadThreads"/>),
    /// and looks voted numbers up in its directory.
    /// </summary>
    public LiveReader(PageReader reader, LiveReadingOptions? options = null)
    {
        pageReader = reader ?? throw new ArgumentNullException(nameof(reader));
        directory = reader.Directory;
        Options = options ?? new LiveReadingOptions();
        Options.ThrowIfInvalid();
    }

    /// <summary>
    /// Reads frames with <paramref name="read"/> (a server queues them with its other work, say), and looks voted
    /// numbers up in <paramref name="directory"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public LiveReader(Func<Image, CancellationToken, ValueTask<PageReading>> read, PhoneDirectory? directory, LiveReadingOptions? options = null)
    {
        this.read = read ?? throw new ArgumentNullException(nameof(read));
        this.directory = directory;
        Options = options ?? new LiveReadingOptions();
        Options.ThrowIfInvalid();
    }

    public LiveReadingOptions Options { get; }

    /// <summary>The stable readings of <paramref name="source"/>'s frames: once when numbers become stable, again when they change or leave.</summary>
    public async IAsyncEnumerable<StableReading> ReadAsync(IFrameSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in ReadFramesAsync(source, cancellationToken).ConfigureAwait(false))
        {
            if (frame.Stable is { } stable)
            {
                yield return stable;
            }
        }
    }

    /// <summary>Every frame of <paramref name="source"/> read, with the stable reading it produced, if any.</summary>
    public async IAsyncEnumerable<LiveFrame> ReadFramesAsync(IFrameSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stabilizer = new ReadingStabilizer(Options, directory);
        using var thread = pageReader is null ? null : new ReadThreads(1, "DigitOcr live read");
        while (await source.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
        {
            using (frame)
            {
                // A frame's read runs to its end even when cancelled (the frame is disposed only after it).
                var reading = thread is not null
                    ? await thread.RunAsync(() => pageReader!.Read(frame.Image)).ConfigureAwait(false)
                    : await read!(frame.Image, cancellationToken).ConfigureAwait(false);
                var stable = stabilizer.Add(frame.Index, frame.Time, reading);
                yield return new LiveFrame(frame.Index, frame.Time, frame.Image, reading, stable);
            }
        }
    }
}
