using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Benchmarks.DirectoryLookup;

/// <summary>
/// A generated directory of a million people with North American numbers in mixed formats, written once to a CSV
/// in the temp folder (same seed, same file) and loaded once per process.
/// </summary>
public static class GeneratedDirectory
{
    public const int Entries = 1_000_000;

    private const int Seed = 20261121;

    private static readonly string[] FirstNames =
        ["Ada", "Alan", "Barbara", "Claude", "Dennis", "Edsger", "Frances", "Grace", "Hedy", "Ivan", "Jean", "Ken", "Linus", "Margaret", "Niklaus", "Radia"];

    private static readonly string[] LastNames =
        ["Lovelace", "Turing", "Liskov", "Shannon", "Ritchie", "Dijkstra", "Allen", "Hopper", "Lamarr", "Sutherland", "Sammet", "Thompson", "Torvalds", "Hamilton", "Wirth", "Perlman"];

    private static readonly Lazy<PhoneDirectory> Loaded = new(LoadMeasured);

    public static string CsvPath { get; } = Path.Combine(Path.GetTempPath(), $"digitocr-bench-directory-{Entries}-{Seed}.csv");

    /// <summary>The directory, loaded on first use; the load time and memory are printed then.</summary>
    public static PhoneDirectory Directory => Loaded.Value;

    /// <summary>Writes the CSV unless it is already there.</summary>
    public static string EnsureCsv()
    {
        if (File.Exists(CsvPath))
        {
            return CsvPath;
        }

        var random = new Random(Seed);
        var partial = CsvPath + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
        {
            writer.WriteLine("name,phone");
            for (var i = 0; i < Entries; i++)
            {
                // Area code and exchange 200-999, as in the North American plan; three ways of writing them.
                var area = random.Next(200, 1000);
                var exchange = random.Next(200, 1000);
                var line = random.Next(0, 10000);
                var phone = (i % 3) switch
                {
                    0 => $"+1 ({area}) {exchange}-{line:D4}",
                    1 => $"{area}.{exchange}.{line:D4}",
                    _ => $"{area}{exchange}{line:D4}",
                };
                writer.Write(FirstNames[random.Next(FirstNames.Length)]);
                writer.Write(' ');
                writer.Write(LastNames[random.Next(LastNames.Length)]);
                writer.Write(' ');
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(phone);
            }
        }

        File.Move(partial, CsvPath, overwrite: true);
        return CsvPath;
    }

    private static PhoneDirectory LoadMeasured()
    {
        var path = EnsureCsv();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var directory = PhoneDirectory.Load(path);
        clock.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"// Directory: loaded {directory.Count:N0} entries from {new FileInfo(path).Length / 1e6:F1} MB of CSV in {clock.Elapsed.TotalSeconds:F2} s "
            + $"({directory.LoadReport.Problems.Count} problems, all duplicates: {directory.LoadReport.Problems.All(p => p.Kind == DirectoryProblemKind.DuplicateNumber)})");
        Console.WriteLine(
            $"// Directory: managed heap +{(heapAfter - heapBefore) / 1e6:F1} MB (arrays {directory.SizeInBytes / 1e6:F1} MB), "
            + $"process working set {process.WorkingSet64 / 1e6:F0} MB, peak {process.PeakWorkingSet64 / 1e6:F0} MB");
        return directory;
    }
}
