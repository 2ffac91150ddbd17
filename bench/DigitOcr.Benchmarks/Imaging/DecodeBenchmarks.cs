using BenchmarkDotNet.Attributes;
using DigitOcr.Imaging;

namespace DigitOcr.Benchmarks.Imaging;

/// <summary>
/// What reporting damage costs a decode: the plain decode against the one that captures libpng's and libjpeg's
/// messages (stderr pointed at an in-memory file for the decode) and checks the end marker, on the sample page as
/// PNG and as JPEG.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class DecodeBenchmarks
{
    private byte[] png = [];
    private byte[] jpeg = [];

    [GlobalSetup]
    public void Setup()
    {
        png = File.ReadAllBytes(SamplePage());
        using var image = Image.Decode(png, "sample page");
        jpeg = image.Encode(ImageFormat.Jpeg);
    }

    [Benchmark(Baseline = true)]
    public int PlainPng()
    {
        using var image = Image.Decode(png, "png");
        return image.Width;
    }

    [Benchmark]
    public int CapturedPng()
    {
        using var image = Image.Decode(png, "png", out _);
        return image.Width;
    }

    [Benchmark]
    public int PlainJpeg()
    {
        using var image = Image.Decode(jpeg, "jpeg");
        return image.Width;
    }

    [Benchmark]
    public int CapturedJpeg()
    {
        using var image = Image.Decode(jpeg, "jpeg", out _);
        return image.Width;
    }

    /// <summary>samples/sample-page.png, found upwards from the working folder (benchmarks run from the repository).</summary>
    private static string SamplePage()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "samples", "sample-page.png");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("samples/sample-page.png not found above the working folder; run the benchmarks from the repository");
    }
}
