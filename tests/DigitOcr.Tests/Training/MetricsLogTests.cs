using DigitOcr.Training;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Training;

public sealed class MetricsLogTests : IDisposable
{
    private readonly TempFolder folder = new("digitocr-metrics-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Append_WritesTheHeaderOnce_AndRowsReadBack()
    {
        var log = new MetricsLog(folder.File("metrics.csv"));

        log.Append(Report(0, improved: true));
        log.Append(Report(1, improved: false));

        var lines = File.ReadAllLines(log.Path);
        Assert.Equal(MetricsLog.Header, lines[0]);
        Assert.Single(lines, l => l == MetricsLog.Header);
        Assert.Equal([1, 2], log.Read().Select(r => r.Epoch));
        Assert.Equal([true, false], log.Read().Select(r => r.Improved));
    }

    [Fact]
    public void Append_ToAFileWithOtherColumns_KeepsItAside_AndStartsAFreshFile()
    {
        var path = folder.File("metrics.csv");
        File.WriteAllLines(path, ["Epoch,Localization,Classification", "1,0.5,0.7"]);
        var log = new MetricsLog(path);

        log.Append(Report(1, improved: true));

        Assert.Equal(MetricsLog.Header, File.ReadLines(path).First());
        Assert.Equal([2], log.Read().Select(r => r.Epoch));
        var aside = Assert.Single(Directory.GetFiles(folder.Path, "metrics.columns-before-*.csv"));
        Assert.Equal(["Epoch,Localization,Classification", "1,0.5,0.7"], File.ReadAllLines(aside));
    }

    private static EpochReport Report(int epoch, bool improved) => new(epoch, 0.5, 0.7, [], 12.5, 30, 0.01, improved);
}
