using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>The index is an optimisation: its answers must be those of a scan over every entry.</summary>
public class IndexedLookupTests
{
    private const int Entries = 3000;
    private const int Queries = 2000;

    // Few distinct digits and lengths 9-11, so numbers crowd each other: many reads have several candidates,
    // exact ties occur (confidences come from a short list) and every outcome is exercised.
    private static readonly char[] Alphabet = ['0', '1', '2'];
    private static readonly float[] ConfidenceLevels = [0.1f, 0.3f, 0.5f, 0.6f, 0.9f, 1.0f];

    private static readonly PhoneDirectoryOptions Options = new()
    {
        Numbers = new PhoneNumberOptions { CountryCode = "", NationalLength = 10, MinDigits = 9, MaxDigits = 11 },
        Lookup = new LookupOptions { MaxDistance = 0.8f, Margin = 0.2f, InsertionCost = 0.7f },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lookup_ReturnsWhatABruteForceScanReturns_OnRandomDirectory(bool withAlternatives)
    {
        var random = new Random(20261121);
        var builder = new PhoneDirectoryBuilder(Options.Numbers, Options.Lookup);
        for (var i = 0; i < Entries; i++)
        {
            builder.Add($"person {i}", RandomNumber(random, random.Next(9, 12)), lineNumber: i + 2);
        }

        var directory = builder.Build();
        var entries = directory.ToList();
        var outcomes = new Dictionary<string, int>();
        for (var q = 0; q < Queries; q++)
        {
            var read = q % 10 == 0 ? RandomNumber(random, random.Next(8, 13)) : Misread(random, entries[random.Next(entries.Count)].Number);
            var confidences = read.Select(_ => ConfidenceLevels[random.Next(ConfidenceLevels.Length)]).ToArray();
            var alternatives = read.Select((c, i) => withAlternatives ? Alternatives(random, c - '0', confidences[i]) : []).ToArray();

            var expected = BruteForce(entries, read, confidences, alternatives, Options.Lookup);
            var actual = withAlternatives ? directory.Lookup(read, confidences, alternatives) : directory.Lookup(read, confidences);

            Assert.True(Same(expected, actual), $"read {read} [{string.Join(", ", confidences)}]: scan {Describe(expected)}, index {Describe(actual)}");
            var outcome = actual is NoMatch noMatch ? noMatch.Reason.ToString() : ((DirectoryMatch)actual).IsExact ? "Exact" : "Corrected";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        string[] expectedOutcomes = withAlternatives
            ? ["Exact", "Corrected", "NoCandidates", "TooFar", "Ambiguous", "AmbiguousReading"]
            : ["Exact", "Corrected", "NoCandidates", "TooFar", "Ambiguous"];
        Assert.All(expectedOutcomes, outcome =>
            Assert.True(outcomes.GetValueOrDefault(outcome) >= 20, $"only {outcomes.GetValueOrDefault(outcome)} {outcome} outcomes"));
    }

    /// <summary>
    /// The rule of <see cref="LookupOptions"/> and <see cref="NoMatchReason.AmbiguousReading"/>, applied by scanning
    /// every entry.
    /// </summary>
    private static LookupResult BruteForce(
        List<DirectoryEntry> entries, string read, float[] confidences, IReadOnlyList<DigitAlternative>[] alternatives, LookupOptions options)
    {
        var exact = entries.Find(e => e.Number == read);
        if (exact is not null)
        {
            // Every entry the read becomes when one digit is read as an alternative that costs less than the margin.
            var rivals = entries
                .Select((entry, index) => (entry, index))
                .Where(c => c.entry.Number.Length == read.Length && Levenshtein(read, c.entry.Number) == 1)
                .Select(c => (c.entry, c.index, at: Enumerable.Range(0, read.Length).First(i => read[i] != c.entry.Number[i])))
                .Select(c => (c.entry, c.index, distance: WeightedEditDistance.Compute(read, confidences, alternatives, c.entry.Number, options.InsertionCost),
                    listed: alternatives[c.at].Any(a => a.Digit == c.entry.Number[c.at] - '0')))
                .Where(c => c.listed && c.distance < options.Margin)
                .OrderBy(c => c.distance).ThenBy(c => c.index)
                .Select(c => new DirectoryCandidate(c.entry, c.distance))
                .ToList();
            return rivals.Count == 0
                ? new DirectoryMatch(exact, 0f, IsExact: true, RunnerUpDistance: null)
                : new NoMatch(NoMatchReason.AmbiguousReading, [new DirectoryCandidate(exact, 0f), .. rivals]);
        }

        var scored = entries
            .Select((entry, index) => (entry, index))
            .Where(c => Math.Abs(c.entry.Number.Length - read.Length) <= 1 && Levenshtein(read, c.entry.Number) == 1)
            .Select(c => (c.entry, c.index, distance: WeightedEditDistance.Compute(read, confidences, alternatives, c.entry.Number, options.InsertionCost)))
            .OrderBy(c => c.distance).ThenBy(c => c.index)
            .ToList();
        if (scored.Count == 0)
        {
            return new NoMatch(NoMatchReason.NoCandidates, []);
        }

        var best = scored[0];
        var closest = scored.Where(c => c.distance - best.distance < options.Margin).Select(c => new DirectoryCandidate(c.entry, c.distance)).ToList();
        if (best.distance > options.MaxDistance)
        {
            return new NoMatch(NoMatchReason.TooFar, closest);
        }

        return closest.Count > 1
            ? new NoMatch(NoMatchReason.Ambiguous, closest)
            : new DirectoryMatch(best.entry, best.distance, IsExact: false, scored.Count > 1 ? scored[1].distance : null);
    }

    private static int Levenshtein(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    private static bool Same(LookupResult expected, LookupResult actual) => (expected, actual) switch
    {
        (DirectoryMatch e, DirectoryMatch a) => e == a,
        (NoMatch e, NoMatch a) => e.Reason == a.Reason && e.Closest.SequenceEqual(a.Closest),
        _ => false,
    };

    private static string Describe(LookupResult result) => result switch
    {
        DirectoryMatch m => $"match {m.Entry.Number} at {m.Distance} (exact {m.IsExact}, runner-up {m.RunnerUpDistance})",
        NoMatch n => $"{n.Reason} [{string.Join(", ", n.Closest.Select(c => $"{c.Entry.Number} at {c.Distance}"))}]",
        _ => result.ToString()!,
    };

    /// <summary>None, one or two other digits for a digit read at <paramref name="confidence"/>, each less likely than it.</summary>
    private static IReadOnlyList<DigitAlternative> Alternatives(Random random, int digit, float confidence)
    {
        var others = Enumerable.Range(0, 4).Where(d => d != digit).OrderBy(_ => random.Next()).Take(random.Next(3)).ToList();
        return others
            .Select(d => new DigitAlternative(d, confidence * (float)random.NextDouble()))
            .OrderByDescending(a => a.Score)
            .ToList();
    }

    private static string RandomNumber(Random random, int length) =>
        "5" + new string(Enumerable.Range(1, length - 1).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

    /// <summary>The number with 0, 1 or 2 random errors: substituted, missing or extra digits.</summary>
    private static string Misread(Random random, string number)
    {
        var digits = number.ToList();
        var errors = random.Next(3);
        for (var e = 0; e < errors; e++)
        {
            var at = random.Next(digits.Count);
            var digit = (char)('0' + random.Next(4));
            switch (random.Next(3))
            {
                case 0:
                    digits[at] = digit;
                    break;
                case 1:
                    digits.RemoveAt(at);
                    break;
                default:
                    digits.Insert(at, digit);
                    break;
            }
        }

        return new string(digits.ToArray());
    }
}
