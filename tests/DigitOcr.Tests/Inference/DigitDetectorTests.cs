using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.ModelFiles;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;
using DigitOcr.Torch.Serialization;

namespace DigitOcr.Tests.Inference;

// Counts process-wide native handles in its leak test, so it runs alone.
[Collection(DigitOcr.Tests.Torch.LeakTestCollection.Name)]
public sealed class DigitDetectorTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-detector-");
    private readonly DigitDetector detector;

    public DigitDetectorTests()
    {
        // Threshold 0: an untrained model's scores sit near 1/11, and these tests need detections to compare.
        // A random tiny detector: its boxes are noise, so the recognizer (the shipped one) would drop them; these tests are about the detector.
        detector = DigitDetector.Load(TinyModel.Save(folder.File("tiny.pt")), new DetectorOptions { ScoreThreshold = 0, MaxDetections = 20, UseRecognizer = false });
    }

    public void Dispose()
    {
        detector.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void PathBytesStreamAndPixels_GiveTheSameDetections()
    {
        var path = WritePage(300, 200);
        var fromPath = detector.Detect(path);
        var bytes = File.ReadAllBytes(path);
        var fromBytes = detector.Detect(bytes, "page");
        using var stream = File.OpenRead(path);
        var fromStream = detector.Detect(stream);
        using var image = Image.Load(path);
        var fromPixels = detector.Detect(image.ToPixels(), image.Width, image.Height);
        Assert.Equal(29, fromPath.Digits.Count); // 20 per 224x224; the padded 320x224 input holds 1.43 times that, rounded up
        Assert.Equal(fromPath.Digits, fromBytes.Digits);
        Assert.Equal(fromPath.Digits, fromStream.Digits);
        Assert.Equal(fromPath.Digits, fromPixels.Digits);
        Assert.Equal((300, 200), (fromPath.Width, fromPath.Height));
        Assert.All([fromPath, fromBytes, fromStream, fromPixels], r => Assert.Null(r.Damage));
    }

    [Fact]
    public void LargeImage_IsScaledDown_AndBoxesComeBackInOriginalPixels()
    {
        using var small = DigitDetector.Load(folder.File("tiny.pt"), new DetectorOptions { ScoreThreshold = 0, MaxSide = 256, UseRecognizer = false });
        var result = small.Detect(WritePage(1024, 512));
        Assert.Equal(0.25, result.Scale, 3);
        Assert.All(result.Digits, d => Assert.True(d.Box.X2 <= 1024 && d.Box.Y2 <= 512 && d.Box.X1 >= 0 && d.Box.Y1 >= 0));
        Assert.Contains(result.Digits, d => d.Box.X2 > 256);
    }

    [Fact]
    public void Batch_EqualsOneByOne()
    {
        var a = WritePage(200, 100, "a");
        var b = WritePage(120, 160, "b");
        var batch = detector.DetectBatch([a, b, a]);
        // Batched kernels may round differently in the last bits.
        SameDetections(detector.Detect(a).Digits, batch[0].Digits);
        SameDetections(detector.Detect(b).Digits, batch[1].Digits);
        SameDetections(batch[0].Digits, batch[2].Digits);
    }

    [Fact]
    public void ConcurrentCalls_GiveTheSameResultsAsSequentialOnes()
    {
        var path = WritePage(256, 192);
        var expected = detector.Detect(path).Digits;
        var results = new IReadOnlyList<DigitOcr.Postprocess.Detection>[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = detector.Detect(path).Digits);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [InlineData("empty.png", new byte[0])]
    [InlineData("text.jpg", new byte[] { 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x0a })]
    [InlineData("corrupt.png", new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3 })]
    public void BadImageFiles_RaiseAClearErrorNamingTheFile(string name, byte[] content)
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<ImageDecodeException>(() => detector.Detect(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void HugeImageHeader_IsRefusedBeforeDecoding()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "assets", "imaging", "huge_header_30000x30000.png");
        var error = Assert.Throws<ImageDecodeException>(() => detector.Detect(source));
        Assert.Contains("30000x30000", error.Message);
    }

    [Fact]
    public void MissingModelFile_SaysWhatToPass()
    {
        var error = Assert.Throws<FileNotFoundException>(() => DigitDetector.Load(folder.File("nope.pt")));
        Assert.Contains("nope.pt", error.Message);
    }

    [Fact]
    public void WeightsOfAnotherArchitecture_AreRefusedWithTheReason()
    {
        var error = Assert.Throws<InvalidDataException>(() => DigitDetector.Load(Golden.PathOf("tiny_net_state.pt")));
        Assert.Contains("do not fit", error.Message);
        Assert.Contains("missing keys", error.Message);
    }

    [Fact]
    public void HalfPrecisionModelFile_LoadsAndDetectsLikeTheFullOne()
    {
        // A trained model, so that detections are confident and well apart (an untrained model's scores all sit near
        // 1/11 and their order is noise). The shipped model is float16 already: its weights, each moved by up to half
        // a float16 step, make a float32 model that float16 cannot store exactly, as a freshly trained one would be.
        var fullPath = folder.File("lite-float32.pt");
        var halfPath = folder.File("lite-float16.pt");
        torch.manual_seed(5);
        using (var shipped = ModelFile.Load(Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-lite.pt")))
        using (var scope = torch.NewDisposeScope())
        {
            const double HalfStep = 1.0 / 2048;
            var float32 = shipped.Entries.Select(kv => new KeyValuePair<string, Tensor>(kv.Key, IsWeight(kv.Key, kv.Value)
                ? kv.Value.to(ScalarType.Float32) * ((torch.rand(kv.Value.shape) - 0.5) * HalfStep + 1)
                : kv.Value)).ToList();
            TorchFile.Save(float32, fullPath);
            TorchFile.Save(float32.Select(kv => new KeyValuePair<string, Tensor>(kv.Key, IsWeight(kv.Key, kv.Value) ? kv.Value.to(ScalarType.Float16) : kv.Value)), halfPath);
        }

        static bool IsWeight(string name, Tensor t) =>
            name.StartsWith(ModelFile.ModelPrefix, StringComparison.Ordinal) && t.dtype is ScalarType.Float16 or ScalarType.Float32;

        var options = new DetectorOptions { PyramidLevels = 1, ScoreThreshold = 0.3 };
        using var full = DigitDetector.Load(fullPath, options);
        using var half = DigitDetector.Load(halfPath, options);
        var page = Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

        var expected = full.Detect(page).Digits;
        var actual = half.Detect(page).Digits;

        Assert.True(new FileInfo(halfPath).Length < new FileInfo(fullPath).Length * 0.6);
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var e in expected)
        {
            // Order may differ among equal scores: pair each detection with the other file's best-overlapping one.
            var a = actual.MaxBy(x => x.Box.IoU(e.Box))!;
            Assert.Equal(e.Digit, a.Digit);
            Assert.Equal(e.Score, a.Score, 0.02);
            Assert.True(e.Box.IoU(a.Box) > 0.9, $"digit {e.Digit} at {e.Box}: float16 box {a.Box}");
            Assert.Equal(e.Box.X1, a.Box.X1, 1.5);
            Assert.Equal(e.Box.Y1, a.Box.Y1, 1.5);
            Assert.Equal(e.Box.X2, a.Box.X2, 1.5);
            Assert.Equal(e.Box.Y2, a.Box.Y2, 1.5);
        }
    }

    [Fact]
    [Trait("Category", "Leak")]
    public void ThousandsOfDetectCalls_LeaveNoNativeHandles()
    {
        var path = WritePage(96, 64);
        detector.Detect(path);
        var tensors = torch.LiveTensorCount;
        var images = torch.LiveImageCount;
        for (var i = 0; i < 2000; i++)
        {
            detector.Detect(path);
        }

        Assert.Equal(tensors, torch.LiveTensorCount);
        Assert.Equal(images, torch.LiveImageCount);
    }

    private static void SameDetections(IReadOnlyList<DigitOcr.Postprocess.Detection> expected, IReadOnlyList<DigitOcr.Postprocess.Detection> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Digit, actual[i].Digit);
            Assert.Equal(expected[i].Score, actual[i].Score, 1e-4);
            Assert.Equal(expected[i].Box.X1, actual[i].Box.X1, 1e-2);
            Assert.Equal(expected[i].Box.Y2, actual[i].Box.Y2, 1e-2);
        }
    }

    private string WritePage(int width, int height, string name = "page")
    {
        using var image = Image.Create(width, height);
        for (var x = 10; x + 20 < width; x += 30)
        {
            image.DrawLine(x, height / 3.0, x + 12, height * 2 / 3.0, Color.Black, 3);
        }

        var path = folder.File($"{name}-{width}x{height}.png");
        image.Save(path);
        return path;
    }

    [Fact]
    public void AJpegCutShort_IsRead_AndItsDamageReported_FromPathBytesAndStream()
    {
        using var page = Image.Load(WritePage(300, 200));
        var cut = DamagedImages.Cut(page.Encode(ImageFormat.Jpeg), 0.6);
        var path = folder.File("cut.jpg");
        File.WriteAllBytes(path, cut);

        using var stream = new MemoryStream(cut);
        DetectionResult[] results = [detector.Detect(path), detector.Detect(cut, "cut"), detector.Detect(stream, "cut")];

        Assert.All(results, r => Assert.Contains("FF D9", Assert.IsType<ImageDamage>(r.Damage).Truncation));
        Assert.All(results, r => Assert.Equal((300, 200), (r.Width, r.Height)));
    }
}
