using BenchmarkDotNet.Attributes;
using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Benchmarks.DirectoryLookup;

/// <summary>
/// One lookup in a directory of a million entries, per kind of read: exact, one substituted digit (read
/// confidently, the dearest case), one missing digit, one extra digit, and a number that is not there. Each
/// benchmark cycles through 1,024 reads of its kind, checked in the setup to give the outcome it is named after.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class DirectoryLookupBenchmarks
{
    private const int ReadCount = 1024; // a power of two, cycled with a mask

    private PhoneDirectory directory = null!;
    private Read[] exact = [];
    private Read[] substituted = [];
    private Read[] missing = [];
    private Read[] extra = [];
    private Read[] unknown = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        directory = GeneratedDirectory.Directory;
        var random = new Random(7);
        exact = Reads(random, number => number, result => result is DirectoryMatch { IsExact: true });
        substituted = Reads(random, number => Substitute(random, number), result => result is DirectoryMatch { IsExact: false });
        missing = Reads(random, number => number.Remove(random.Next(number.Length), 1), result => result is DirectoryMatch { IsExact: false });
        extra = Reads(random, number => number.Insert(random.Next(number.Length + 1), random.Next(10).ToString()), result => result is DirectoryMatch { IsExact: false });
        unknown = Reads(random, _ => RandomNumber(random), result => result is NoMatch);
    }

    [Benchmark]
    public LookupResult ExactHit() => Lookup(exact);

    [Benchmark]
    public LookupResult OneSubstitution() => Lookup(substituted);

    [Benchmark]
    public LookupResult OneMissingDigit() => Lookup(missing);

    [Benchmark]
    public LookupResult OneExtraDigit() => Lookup(extra);

    [Benchmark]
    public LookupResult NotInDirectory() => Lookup(unknown);

    private LookupResult Lookup(Read[] reads)
    {
        var read = reads[next++ & (ReadCount - 1)];
        return directory.Lookup(read.Digits, read.Confidences);
    }

    /// <summary>Reads made from random entries by <paramref name="misread"/>, kept if they give the intended outcome.</summary>
    private Read[] Reads(Random random, Func<string, string> misread, Func<LookupResult, bool> intended)
    {
        var reads = new List<Read>(ReadCount);
        var tried = 0;
        while (reads.Count < ReadCount)
        {
            tried++;
            var digits = misread(directory[random.Next(directory.Count)].Number);
            var read = new Read(digits, Enumerable.Repeat(0.95f, digits.Length).ToArray());
            if (intended(directory.Lookup(read.Digits, read.Confidences)))
            {
                reads.Add(read);
            }

            if (tried > 100 * ReadCount)
            {
                throw new InvalidOperationException($"only {reads.Count} of {tried} generated reads gave the intended outcome");
            }
        }

        return [.. reads];
    }

    private static string Substitute(Random random, string number)
    {
        var at = random.Next(number.Length);
        var digit = (char)('0' + ((number[at] - '0' + random.Next(1, 10)) % 10));
        return string.Concat(number.AsSpan(0, at), [digit], number.AsSpan(at + 1));
    }

    private static string RandomNumber(Random random) => random.NextInt64(2_000_000_000, 10_000_000_000).ToString();

    private sealed record Read(string Digits, float[] Confidences);
}
