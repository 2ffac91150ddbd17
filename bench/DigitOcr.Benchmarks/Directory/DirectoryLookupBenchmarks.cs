using BenchmarkDotNet.Attributes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;

namespace DigitOcr.Benchmarks.DirectoryLookup;

/// <summary>
/// One lookup in a directory of a million entries, per kind of read: exact, one substituted digit (read
/// confidently, the dearest case), one missing digit, one extra digit, a number that is not there, and, with
/// the reader's alternatives, an exact read (checked for an alternative that is another entry) and a doubtful
/// digit whose second choice is the entry's. Each
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
    private Read[] exactWithAlternatives = [];
    private Read[] secondChoice = [];
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
        exactWithAlternatives = Reads(random, number => number, result => result is DirectoryMatch { IsExact: true }, (number, _) => Doubtful(random, number, number));
        secondChoice = Reads(random, number => number, result => result is DirectoryMatch { IsExact: false }, (number, _) => Doubtful(random, Substitute(random, number), number));
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

    [Benchmark]
    public LookupResult ExactHitWithAlternatives() => Lookup(exactWithAlternatives);

    [Benchmark]
    public LookupResult SecondChoiceIsTheEntry() => Lookup(secondChoice);

    private LookupResult Lookup(Read[] reads)
    {
        var read = reads[next++ & (ReadCount - 1)];
        return read.Alternatives is null ? directory.Lookup(read.Digits, read.Confidences) : directory.Lookup(read.Digits, read.Confidences, read.Alternatives);
    }

    /// <summary>
    /// Reads made from random entries by <paramref name="misread"/> (or, with <paramref name="doubtful"/>, from the
    /// entry and the misread number together), kept if they give the intended outcome.
    /// </summary>
    private Read[] Reads(Random random, Func<string, string> misread, Func<LookupResult, bool> intended, Func<string, string, Read>? doubtful = null)
    {
        var reads = new List<Read>(ReadCount);
        var tried = 0;
        while (reads.Count < ReadCount)
        {
            tried++;
            var entry = directory[random.Next(directory.Count)].Number;
            var digits = misread(entry);
            var read = doubtful?.Invoke(digits, entry) ?? new Read(digits, Enumerable.Repeat(0.95f, digits.Length).ToArray());
            var result = read.Alternatives is null ? directory.Lookup(read.Digits, read.Confidences) : directory.Lookup(read.Digits, read.Confidences, read.Alternatives);
            if (intended(result))
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

    /// <summary>
    /// <paramref name="read"/> with every digit at 0.95 and one alternative (0.04, another digit); where it differs
    /// from <paramref name="entry"/>, the digit is read at 0.5 and the entry's digit is its second choice, at 0.45.
    /// </summary>
    private static Read Doubtful(Random random, string read, string entry)
    {
        var confidences = new float[read.Length];
        var alternatives = new IReadOnlyList<DigitAlternative>[read.Length];
        for (var i = 0; i < read.Length; i++)
        {
            var digit = read[i] - '0';
            var differs = read[i] != entry[i];
            confidences[i] = differs ? 0.5f : 0.95f;
            alternatives[i] = [differs ? new DigitAlternative(entry[i] - '0', 0.45f) : new DigitAlternative((digit + random.Next(1, 10)) % 10, 0.04f)];
        }

        return new Read(read, confidences, alternatives);
    }

    private sealed record Read(string Digits, float[] Confidences, IReadOnlyList<DigitAlternative>[]? Alternatives = null);
}
