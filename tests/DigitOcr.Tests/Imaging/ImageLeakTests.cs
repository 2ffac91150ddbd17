using DigitOcr.Imaging;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using Xunit.Abstractions;

namespace DigitOcr.Tests.Imaging;

/// <summary>Runs alone (no other test creates native objects meanwhile), so the live counts are this test's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImagingLeakCollection
{
    public const string Name = "Imaging leak checks";
}

/// <summary>
/// Counts live native objects after the work and before any garbage collection, as Torch/LeakTests does: a
/// collection would run the finalizers of objects someone forgot to dispose and hide the leak. Garbage from before
/// is collected before the first count; memory is measured after a collection.
/// </summary>
[Collection(ImagingLeakCollection.Name)]
public class ImageLeakTests(ITestOutputHelper output)
{
    private const int WarmUpDecodes = 200;
    private const int Decodes = 2_000;
    private const long MaxGrowthBytes = 50L * 1024 * 1024;

    [Fact]
    public void DecodeAndDispose_ManyTimes_LeavesNoNativeObjectsAndBoundedMemory()
    {
        var png = ImagingAssets.Read("gray8.png");
        DecodeMany(png, WarmUpDecodes);
        SettleFinalizers();
        var images = torch.LiveImageCount;
        var buffers = torch.LiveBufferCount;
        var residentBefore = ResidentBytes();

        DecodeMany(png, Decodes);

        Assert.Equal(images, torch.LiveImageCount);
        Assert.Equal(buffers, torch.LiveBufferCount);
        SettleFinalizers();
        var growth = ResidentBytes() - residentBefore;
        output.WriteLine($"{Decodes} decodes: resident memory {residentBefore / 1048576.0:F1} MB -> {growth / 1048576.0:+0.0;-0.0} MB");
        Assert.True(growth < MaxGrowthBytes, $"resident memory grew by {growth / (1024 * 1024.0):F1} MB");
    }

    [Fact]
    public void EncodeAndTransform_ManyTimes_LeaveNoNativeObjects()
    {
        SettleFinalizers();
        var images = torch.LiveImageCount;
        var buffers = torch.LiveBufferCount;

        using (var image = TestImages.Gradient(32, 32))
        {
            for (var i = 0; i < 200; i++)
            {
                _ = image.Encode(ImageFormat.Png);
                using var resized = image.Resize(16, 16, Interpolation.Area);
                using var color = resized.ToColor();
                Assert.Throws<ArgumentOutOfRangeException>(() => image.Crop(30, 30, 5, 5));
                Assert.Throws<ImageDecodeException>(() => Image.Decode([1, 2, 3], "junk"));
            }
        }

        Assert.Equal(images, torch.LiveImageCount);
        Assert.Equal(buffers, torch.LiveBufferCount);
    }

    [Fact]
    public void DecodeReportingDamage_ManyTimes_LeavesNoNativeObjectsOrFileDescriptors()
    {
        // Each decode redirects stderr to an in-memory file and hands the decoder's messages back in a buffer.
        using var image = TestImages.Gradient(64, 48);
        var corrupt = DamagedImages.CorruptJpeg(image.Encode(ImageFormat.Jpeg));
        SettleFinalizers();
        var images = torch.LiveImageCount;
        var buffers = torch.LiveBufferCount;
        var descriptors = Directory.GetFiles("/proc/self/fd").Length;

        for (var i = 0; i < 300; i++)
        {
            using var decoded = Image.Decode(corrupt, "corrupt.jpg", out var damage);
            Assert.NotNull(damage);
            Assert.Throws<ImageDecodeException>(() => Image.Decode([0x89, 0x50, 0x4e, 0x47], "cut.png", out _));
        }

        Assert.Equal(images, torch.LiveImageCount);
        Assert.Equal(buffers, torch.LiveBufferCount);
        Assert.InRange(Directory.GetFiles("/proc/self/fd").Length, 0, descriptors + 5);
    }

    [Fact]
    public void Decode_AfterDispose_CountGoesBackDown()
    {
        SettleFinalizers();
        var before = torch.LiveImageCount;

        var image = Image.Decode(ImagingAssets.Read("gray8.png"), "gray8.png");
        Assert.Equal(before + 1, torch.LiveImageCount);
        image.Dispose();

        Assert.Equal(before, torch.LiveImageCount);
    }

    private static void DecodeMany(byte[] png, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var image = Image.Decode(png, "gray8.png");
            Assert.Equal(32, image.Width);
        }
    }

    private static void SettleFinalizers()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>VmRSS from /proc/self/status, in bytes.</summary>
    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
        return kilobytes * 1024;
    }
}
