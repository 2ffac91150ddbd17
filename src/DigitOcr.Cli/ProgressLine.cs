using System.Diagnostics;
using System.Globalization;

namespace DigitOcr.Cli;

/// <summary>
/// A progress line on stderr (<c>12/250 pages, 3.4 pages/s, ETA 1:07</c>), rewritten in place, only when stderr is
/// a terminal and there is more than one image: redirected output and logs never see it. Cleared before every line
/// written to stdout or stderr, so it never mixes with results.
/// </summary>
internal sealed class ProgressLine
{
    private const string ClearLine = "\r\u001b[K";
    private readonly int total;
    private readonly bool enabled;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int done;
    private bool shown;

    public ProgressLine(int total)
    {
        this.total = total;
        enabled = total > 1 && !Console.IsErrorRedirected;
    }

    /// <summary>Removes the line, if shown, so that the next output starts on a clean line.</summary>
    public void Clear()
    {
        if (shown)
        {
            Console.Error.Write(ClearLine);
            shown = false;
        }
    }

    /// <summary>Counts one more image done and redraws the line.</summary>
    public void Advance()
    {
        done++;
        if (!enabled || done >= total)
        {
            Clear();
            return;
        }

        Console.Error.Write(ClearLine + Format(done, total, clock.Elapsed));
        shown = true;
    }

    /// <summary>The line's text after <paramref name="done"/> of <paramref name="total"/> images in <paramref name="elapsed"/>.</summary>
    public static string Format(int done, int total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var c = CultureInfo.InvariantCulture;
        return string.Format(c, "{0}/{1} pages, {2:F1} pages/s, ETA {3}", done, total, rate, eta.TotalHours >= 1 ? eta.ToString(@"h\:mm\:ss", c) : eta.ToString(@"m\:ss", c));
    }
}
