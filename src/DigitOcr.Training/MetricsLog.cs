using System.Globalization;
using CsvHelper;

namespace DigitOcr.Training;

/// <summary>One row of <c>metrics.csv</c>: an epoch's losses, speed and validation mAPs (and loss, for the user's held-out images).</summary>
[CsvRecord]
public sealed partial record MetricsRow(
    int Epoch,
    double Localization,
    double Classification,
    double Seconds,
    double ImagesPerSecond,
    double DataWaitFraction,
    string Set,
    double MeanAp,
    double? PatchMeanAp,
    double? NumberExactMatch,
    bool Improved,
    double? ValidationLoss = null);

/// <summary>Appends epoch metrics to a CSV file (header written once), one row per validation set.</summary>
public sealed class MetricsLog(string path)
{
    public string Path { get; } = path;

    public void Append(EpochReport report)
    {
        var rows = report.Validation.Count == 0
            ? [new MetricsRow(report.Epoch + 1, report.Localization, report.Classification, report.Seconds, report.ImagesPerSecond, report.DataWaitFraction, "-", double.NaN, null, null, report.Improved)]
            : report.Validation.Select(v => new MetricsRow(report.Epoch + 1, report.Localization, report.Classification, report.Seconds,
                report.ImagesPerSecond, report.DataWaitFraction, v.Name, v.Tight.Mean, v.Patch?.Mean, v.Numbers?.Rate, report.Improved, v.Loss)).ToList();
        var exists = File.Exists(Path) && new FileInfo(Path).Length > 0;
        if (exists && File.ReadLines(Path).First() != Header)
        {
            // Written by a build with other columns (a run resumed across versions): keep it, start a fresh file.
            var aside = System.IO.Path.ChangeExtension(Path, $".columns-before-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
            File.Move(Path, aside);
            exists = false;
        }

        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { HasHeader = !exists, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        csv.WriteRecords(rows);
    }

    /// <summary>The header line this build writes.</summary>
    public static string Header { get; } = WriteHeader();

    public IReadOnlyList<MetricsRow> Read()
    {
        using var csv = CsvReader.Create(File.OpenRead(Path), new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        return csv.GetRecords<MetricsRow>().ToList();
    }

    private static string WriteHeader()
    {
        var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { HasHeader = true, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteRecords(Array.Empty<MetricsRow>());
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[0].TrimEnd('\r').TrimStart('\uFEFF');
    }
}
