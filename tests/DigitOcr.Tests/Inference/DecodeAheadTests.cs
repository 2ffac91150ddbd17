using DigitOcr.Imaging;
using DigitOcr.Inference.Pipelines;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Inference;

public sealed class DecodeAheadTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-decode-ahead-");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Images_ComeOutInPathOrder_WhateverTheirDecodeTime(int capacity)
    {
        // Large images take far longer to decode than small ones; a missing and a broken file sit among them.
        var paths = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var path = folder.File($"{i}.png");
            var side = i % 3 == 0 ? 1600 + i : 40 + i;
            using var image = Image.Create(side, side / 2, fill: 200);
            image.Save(path);
            paths.Add(path);
        }

        File.WriteAllBytes(folder.File("broken.png"), [1, 2, 3]);
        paths.Insert(4, folder.File("broken.png"));
        paths.Insert(6, folder.File("missing.png"));

        var seen = new List<(string Path, int? Width, string? Error)>();
        foreach (var decoded in DecodeAhead.Read(paths, new DecodeOptions(), capacity))
        {
            using (decoded)
            {
                seen.Add((decoded.Path, decoded.Image?.Width, decoded.Error));
            }
        }

        Assert.Equal(paths, seen.Select(s => s.Path));
        Assert.All(seen.Where(s => s.Path.EndsWith("broken.png", StringComparison.Ordinal) || s.Path.EndsWith("missing.png", StringComparison.Ordinal)),
            s => Assert.True(s.Width is null && !string.IsNullOrEmpty(s.Error), s.ToString()));
        var widths = seen.Where(s => s.Width is not null).Select(s => s.Width!.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i % 3 == 0 ? 1600 + i : 40 + i), widths);
    }

    [Fact]
    public void LeavingEarly_ReturnsAndTheCallerOwnsOnlyWhatItReceived()
    {
        var paths = Enumerable.Range(0, 10).Select(i =>
        {
            var path = folder.File($"p{i}.png");
            using var image = Image.Create(300, 200, fill: 220);
            image.Save(path);
            return path;
        }).ToList();

        var received = DecodeAhead.Read(paths, new DecodeOptions(), capacity: 2).Take(3).ToList();

        Assert.Equal(paths.Take(3), received.Select(r => r.Path));
        Assert.All(received, r => Assert.False(r.Image!.IsDisposed));
        received.ForEach(r => r.Dispose());
    }

    [Fact]
    public void Capacity_OutOfRange_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DecodeAhead.Read([], new DecodeOptions(), DecodeAhead.MaxCapacity + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DecodeAhead.Read([], new DecodeOptions(), -1));
    }
}
