using System.Text;
using DigitOcr.Imaging;

namespace DigitOcr.Tests.Support;

/// <summary>
/// Video clips made from test pages, written as YUV4MPEG2 (.y4m: OpenCV reads it through FFmpeg, and Chromium's fake
/// camera plays it). A clip is a list of scenes, each a page (or nothing: the background) held for some frames; every
/// frame moves the page by up to 2 px and adds sensor noise, as a hand-held page on a webcam does. Deterministic.
/// </summary>
public static class TestClips
{
    /// <summary>The numbers on the sample page's lines, top to bottom (<see cref="SampleLine"/>).</summary>
    public static readonly string[] SampleNumbers = ["5551234567", "8006490213"];

    private const byte Background = 200;
    private const int Jitter = 2;
    private const double Noise = 3;

    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    /// <summary>One line of the sample page (0: 5551234567, 1: 8006490213) as a page of its own, at its own scale. The caller owns it.</summary>
    public static Image SampleLine(int line)
    {
        using var page = Image.Load(SamplePage);
        return page.Crop(0, 20 + (line * 120), page.Width, 100);
    }

    /// <summary>The whole sample page. The caller owns it.</summary>
    public static Image SampleWholePage() => Image.Load(SamplePage);

    /// <summary>Writes a clip of <paramref name="scenes"/> (a page, or null for the background, and its frame count) to <paramref name="path"/>.</summary>
    /// <param name="width">Frame width, even.</param>
    /// <param name="height">Frame height, even.</param>
    public static void Write(string path, IEnumerable<(Image? Page, int Frames)> scenes, int width, int height, int fps = 30, int seed = 1)
    {
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentException($"a 4:2:0 clip needs an even size, got {width}x{height}");
        }

        var random = new Random(seed);
        var chroma = new byte[(width / 2) * (height / 2)];
        Array.Fill(chroma, (byte)128);
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n"));
        var frameHeader = Encoding.ASCII.GetBytes("FRAME\n");
        foreach (var (page, frames) in scenes)
        {
            for (var i = 0; i < frames; i++)
            {
                file.Write(frameHeader);
                file.Write(Frame(page, width, height, random));
                file.Write(chroma);
                file.Write(chroma);
            }
        }
    }

    /// <summary>One frame's luma: the page (scaled down to fit, if needed) near the centre, on the background, with noise.</summary>
    private static byte[] Frame(Image? page, int width, int height, Random random)
    {
        using var frame = Image.Create(width, height, fill: Background);
        if (page is not null)
        {
            var scale = Math.Min(1.0, Math.Min((double)width / page.Width, (double)height / page.Height));
            using var fitted = page.Resize(Math.Max(1, (int)(page.Width * scale)), Math.Max(1, (int)(page.Height * scale)), Interpolation.Area);
            var x = ((width - fitted.Width) / 2) + random.Next(-Jitter, Jitter + 1);
            var y = ((height - fitted.Height) / 2) + random.Next(-Jitter, Jitter + 1);
            frame.DrawImage(fitted, Math.Clamp(x, 0, width - fitted.Width), Math.Clamp(y, 0, height - fitted.Height));
        }

        var pixels = frame.ToPixels();
        for (var i = 0; i < pixels.Length; i++)
        {
            // Box-Muller is more than a test needs: the sum of three uniforms is close enough to a bell.
            var noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2 * Noise;
            var gray = Math.Clamp(pixels[i] + noise, 0, 255);

            // Video luma is "limited range", 16 (black) to 235 (white), as decoders read it.
            pixels[i] = (byte)Math.Round(16 + (gray * 219 / 255));
        }

        return pixels;
    }
}
