using System.Collections;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// A phone directory that finds the person a read number belongs to, tolerating one reading error.
/// <para>
/// Numbers are stored normalised to digits (<see cref="PhoneNumberOptions"/>). A lookup first looks for the read
/// number exactly; failing that, it considers every entry within one edit of the read (one substituted, one
/// missing or one extra digit; see <see cref="LookupOptions"/> for why not two), scores each with the
/// <see cref="WeightedEditDistance"/> (cheap where the reader was unsure) and accepts the closest if it is within
/// <see cref="LookupOptions.MaxDistance"/> and clearly closer, by <see cref="LookupOptions.Margin"/>, than the
/// next one. Otherwise the result says why not: <see cref="NoMatchReason"/>.
/// </para>
/// <para>
/// What else the reader thought a digit might be (<see cref="Detection.Alternatives"/>) makes corrections to those
/// digits cheaper (<see cref="WeightedEditDistance"/>: the log-likelihood ratio of the two readings), and makes an
/// exact read ambiguous when an alternative within <see cref="LookupOptions.Margin"/> reads as another entry
/// (<see cref="NoMatchReason.AmbiguousReading"/>): no answer beats naming the wrong person. Without alternatives
/// a lookup is exactly as it was, at the same speed.
/// </para>
/// <para>
/// The entries within one edit come from a symmetric-delete ("SymSpell") index, not a scan, so a
/// lookup takes microseconds at a million entries. Numbers are packed into longs and names kept as UTF-8 in one
/// array; a million entries take about 100 MB with the index. Immutable once built, so lookups may run on several
/// threads at once.
/// </para>
/// </summary>
public sealed class PhoneDirectory : IReadOnlyList<DirectoryEntry>
{
    // Distinct entries one edit from a read of n digits: 9n substitutions, at most 10(n + 1) insertions, n deletions.
    private const int MaxCandidates = (20 * PhoneKey.MaxLength) + 10;

    // Reads longer than this cannot be within one edit of any number, whatever the options.
    private const int LongestUsefulRead = PhoneKey.MaxLength + 3;

    private static readonly NoMatch NoCandidates = new(NoMatchReason.NoCandidates, []);

    private readonly long[] keys;
    private readonly int[] lines;
    private readonly NameTable names;
    private readonly DeletionIndex index;
    private readonly PhoneNumberNormalizer normalizer;
    private readonly int[] entriesOfLength = new int[PhoneKey.MaxLength + 2];

    internal PhoneDirectory(
        long[] keys, int[] lines, NameTable names, DeletionIndex index, PhoneNumberNormalizer normalizer, LookupOptions lookup, DirectoryLoadReport report)
    {
        this.keys = keys;
        this.lines = lines;
        this.names = names;
        this.index = index;
        this.normalizer = normalizer;
        LookupOptions = lookup;
        LoadReport = report;
        foreach (var key in keys)
        {
            entriesOfLength[PhoneKey.Length(key)]++;
        }
    }

    /// <summary>What loading found: the entries loaded and every line skipped, with its line number and why.</summary>
    public DirectoryLoadReport LoadReport { get; }

    public LookupOptions LookupOptions { get; }

    public PhoneNumberOptions NumberOptions => normalizer.Options;

    public int Count => keys.Length;

    /// <summary>Bytes held by the entries and the index (the arrays; object headers aside).</summary>
    public long SizeInBytes => (keys.LongLength * sizeof(long)) + (lines.LongLength * sizeof(int)) + names.SizeInBytes + index.SizeInBytes;

    /// <summary>The entry at <paramref name="index"/>, in file order (skipped lines left out).</summary>
    public DirectoryEntry this[int index] => new(names[index], PhoneKey.ToDigitString(keys[index]), lines[index]);

    /// <summary>
    /// Loads a CSV file with a header line (see <see cref="DirectoryCsvOptions"/>). Bad lines are skipped and listed
    /// in <see cref="LoadReport"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is empty, its header is malformed or lacks a column.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    public static PhoneDirectory Load(string path, PhoneDirectoryOptions? options = null) => DirectoryCsvLoader.LoadFile(path, options);

    /// <summary>
    /// Loads CSV text; <paramref name="sourceName"/> stands for the file in messages and the load report. The
    /// reader is left open.
    /// </summary>
    /// <exception cref="InvalidDataException">The text is empty, its header is malformed or lacks a column.</exception>
    public static PhoneDirectory Load(TextReader reader, string sourceName, PhoneDirectoryOptions? options = null) =>
        DirectoryCsvLoader.LoadText(reader, sourceName, options);

    /// <summary>
    /// Looks up a number read by <see cref="NumberReader"/>, with its digits' scores as confidences and their
    /// alternatives; a correction of a read scoring below <see cref="LookupOptions.MinCorrectedScore"/> names no one
    /// (<see cref="NoMatchReason.UnsureRead"/>).
    /// </summary>
    public LookupResult Lookup(RecognizedNumber number)
    {
        var confidences = new float[number.Digits.Count];
        var alternatives = new IReadOnlyList<DigitAlternative>[number.Digits.Count];
        for (var i = 0; i < confidences.Length; i++)
        {
            confidences[i] = number.Digits[i].Score;
            alternatives[i] = number.Digits[i].Alternatives;
        }

        return Trusted(number, Lookup(number.Text, confidences, alternatives)).Result;
    }

    /// <summary>
    /// Looks up a number as <see cref="Lookup(RecognizedNumber)"/> does; when that is not an exact match, a reading
    /// with the faint end digits the reader left off (<see cref="RecognizedNumber.WithFaintEnds"/>) that is an entry
    /// exactly is taken instead: the entry confirms that the faint digit was written, as a format would. Failing that,
    /// a number that matches no one names the one entry it is with up to three digits read as alternatives the reader
    /// offered (<see cref="LookupOptions.MaxAlternativeChance"/>, <see cref="LookupOptions.MaxAlternativeChanges"/>),
    /// or else with a digit inserted at a wide gap where one may have been missed
    /// (<see cref="LookupOptions.MaxGapFillChance"/>), each where the directory is sparse enough at that length that a
    /// random entry is unlikely among those readings. On the tuning pages the three found 5, 48 and 16 more right
    /// persons in 1,961, and no wrong one (models/README.md). None of these corrects a read scoring below
    /// <see cref="LookupOptions.MinCorrectedScore"/> (<see cref="NoMatchReason.UnsureRead"/>).
    /// </summary>
    public ReadingLookup LookupReading(RecognizedNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var lookup = Lookup(number);
        if (lookup is not DirectoryMatch { IsExact: true })
        {
            foreach (var longer in number.WithFaintEnds)
            {
                if (Lookup(longer) is DirectoryMatch { IsExact: true } confirmed)
                {
                    return new ReadingLookup(longer, confirmed);
                }
            }
        }

        if (lookup is NoMatch { Reason: not NoMatchReason.AmbiguousReading })
        {
            if (OfferedReading(number) is { } offered)
            {
                return Trusted(number, offered);
            }

            if (GapFill(number) is { } filled)
            {
                return Trusted(number, filled);
            }
        }

        // Lookup(number) has applied the unsure-read bound already.
        return new ReadingLookup(number, lookup);
    }

    /// <summary>
    /// The lookup as found, unless it corrects a read too unsure to correct (<see cref="LookupOptions.MinCorrectedScore"/>):
    /// then no one, with the entry it would have named as the closest.
    /// </summary>
    private ReadingLookup Trusted(RecognizedNumber reading, LookupResult result) =>
        result is DirectoryMatch { IsExact: false } corrected && reading.Score < LookupOptions.MinCorrectedScore
            ? new ReadingLookup(reading, new NoMatch(NoMatchReason.UnsureRead, [new DirectoryCandidate(corrected.Entry, corrected.Distance)]))
            : new ReadingLookup(reading, result);

    /// <summary>
    /// Every number of a page looked up as <see cref="LookupReading"/> does, in order, except that two neighbours on one
    /// line that match no one are read as one number when together they are one entry: exactly, or with one digit
    /// inserted where they meet (the reader split the number where it missed a digit, or at a wide blank), the
    /// insertion under the chance bound of <see cref="LookupOptions.MaxGapFillChance"/>. The joined reading spans
    /// both numbers' digits.
    /// </summary>
    public IReadOnlyList<ReadingLookup> LookupReadings(IReadOnlyList<RecognizedNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var lookups = numbers.Select(LookupReading).ToList();
        var result = new List<ReadingLookup>(lookups.Count);
        for (var i = 0; i < lookups.Count; i++)
        {
            if (i + 1 < lookups.Count && lookups[i].Result is NoMatch && lookups[i + 1].Result is NoMatch
                && Join(numbers[i], numbers[i + 1]) is { } joined)
            {
                result.Add(joined);
                i++;
                continue;
            }

            result.Add(lookups[i]);
        }

        return result;
    }

    /// <summary>The two numbers as one entry (see <see cref="LookupReadings"/>), or null.</summary>
    private ReadingLookup? Join(RecognizedNumber left, RecognizedNumber right)
    {
        if (left.Line != right.Line || left.Box.X2 > right.Box.X1 || left.Text.Length + right.Text.Length > PhoneKey.MaxLength)
        {
            return null;
        }

        var reading = RecognizedNumber.FromDigits([.. left.Digits, .. right.Digits], left.Line);
        var certain = new float[reading.Text.Length];
        Array.Fill(certain, 1f);
        if (Lookup(reading.Text, certain) is DirectoryMatch { IsExact: true } exact)
        {
            return new ReadingLookup(reading, exact) { NumbersJoined = 2 };
        }

        // A join too unsure to correct leaves the two numbers as they were read.
        return InsertedDigit(reading.Text, [left.Text.Length]) is { } filled && Trusted(reading, filled) is { Result: DirectoryMatch } trusted
            ? trusted with { NumbersJoined = 2 }
            : null;
    }

    /// <summary>
    /// The one entry the read is with some of its digits read as alternatives the reader offered for them — one digit,
    /// else two, and so on up to <see cref="LookupOptions.MaxAlternativeChanges"/> — while so few entries have the
    /// read's length that a random one is unlikely among all the readings tried so far
    /// (<see cref="LookupOptions.MaxAlternativeChance"/>); null when none or several are. Its distance is the sum of
    /// the substitutions' costs (<see cref="WeightedEditDistance"/>).
    /// </summary>
    private DirectoryMatch? OfferedReading(RecognizedNumber number)
    {
        var length = number.Text.Length;
        if (length > PhoneKey.MaxLength)
        {
            return null;
        }

        // Per position, the other digits the reader offered, each with what reading it costs.
        var offers = number.Digits.Select(d => d.Alternatives
            .Where(a => a.Digit is >= 0 and <= 9 && a.Digit != d.Digit)
            .Select(a => (Digit: (char)('0' + a.Digit), Cost: SubstitutionCosts.Of(d.Score, a.Score)))
            .ToArray()).ToArray();
        var share = entriesOfLength[length] / Math.Pow(10, length);
        var certain = new float[length];
        Array.Fill(certain, 1f);
        var text = number.Text.ToCharArray();
        var readings = 0.0;
        for (var changes = 1; changes <= LookupOptions.MaxAlternativeChanges; changes++)
        {
            readings += Combinations(offers.Select(o => o.Length).ToArray(), changes);
            if (readings == 0 || readings * share > LookupOptions.MaxAlternativeChance)
            {
                return null;
            }

            DirectoryMatch? found = null;
            var ambiguous = false;
            Search(0, changes, 0f);
            if (ambiguous)
            {
                return null;
            }

            if (found is not null)
            {
                return found;
            }

            void Search(int from, int left, float cost)
            {
                if (left == 0)
                {
                    if (Lookup(text, certain) is DirectoryMatch { IsExact: true } match)
                    {
                        ambiguous |= found is not null && found.Entry != match.Entry;
                        found = new DirectoryMatch(match.Entry, cost, IsExact: false, RunnerUpDistance: null);
                    }

                    return;
                }

                for (var i = from; i < length && !ambiguous; i++)
                {
                    foreach (var (digit, digitCost) in offers[i])
                    {
                        text[i] = digit;
                        Search(i + 1, left - 1, cost + digitCost);
                    }

                    text[i] = number.Text[i];
                }
            }
        }

        return null;
    }

    /// <summary>How many readings change exactly <paramref name="changes"/> positions, position i to one of its <c>counts[i]</c> offers.</summary>
    private static double Combinations(int[] counts, int changes)
    {
        // e[k]: the elementary symmetric sum of degree k over the counts so far.
        var e = new double[changes + 1];
        e[0] = 1;
        foreach (var count in counts)
        {
            for (var k = changes; k >= 1; k--)
            {
                e[k] += e[k - 1] * count;
            }
        }

        return e[changes];
    }

    /// <summary>
    /// The one entry the read is with a digit inserted at a gap where one may have been missed
    /// (<see cref="MissedDigitGaps"/>), when so few entries have that length that a random one is unlikely among
    /// those readings (<see cref="LookupOptions.MaxGapFillChance"/>); null when none or several are.
    /// </summary>
    private DirectoryMatch? GapFill(RecognizedNumber number) => InsertedDigit(number.Text, MissedDigitGaps.Of(number.Digits));

    /// <summary>
    /// The one entry <paramref name="text"/> is with a digit inserted at one of <paramref name="positions"/>, when a
    /// random entry would be among those readings at most <see cref="LookupOptions.MaxGapFillChance"/> of the time;
    /// null when none or several are, or the bound refuses.
    /// </summary>
    private DirectoryMatch? InsertedDigit(string text, IReadOnlyList<int> positions)
    {
        var length = text.Length + 1;
        if (positions.Count == 0 || length > PhoneKey.MaxLength
            || positions.Count * 10.0 * entriesOfLength[length] / Math.Pow(10, length) > LookupOptions.MaxGapFillChance)
        {
            return null;
        }

        DirectoryMatch? found = null;
        var certain = new float[length];
        Array.Fill(certain, 1f);
        foreach (var position in positions)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (Lookup(text.Insert(position, digit.ToString()), certain) is DirectoryMatch { IsExact: true } match)
                {
                    if (found is not null && found.Entry != match.Entry)
                    {
                        return null;
                    }

                    found = new DirectoryMatch(match.Entry, LookupOptions.InsertionCost, IsExact: false, RunnerUpDistance: null);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Finds the entry a read number belongs to. <paramref name="digits"/> are the digits read (0-9 only, as read:
    /// the country code, if there, is dropped by the same rule as for entries), <paramref name="confidences"/> the
    /// reader's confidence in each, in [0, 1].
    /// </summary>
    /// <exception cref="ArgumentException">A character is not a digit, or the confidences do not match the digits one to one, or one is outside [0, 1].</exception>
    public LookupResult Lookup(ReadOnlySpan<char> digits, ReadOnlySpan<float> confidences) => Find(digits, confidences, alternatives: null);

    /// <summary>
    /// Finds the entry a read number belongs to, as <see cref="Lookup(ReadOnlySpan{char}, ReadOnlySpan{float})"/>,
    /// with what else the reader thought each digit might be: <paramref name="alternatives"/> holds one list per
    /// digit (empty where there are none), each a digit and its probability, as in <see cref="Detection.Alternatives"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A character is not a digit, or the confidences or alternatives do not match the digits one to one, or one is out of range.</exception>
    public LookupResult Lookup(ReadOnlySpan<char> digits, ReadOnlySpan<float> confidences, IReadOnlyList<IReadOnlyList<DigitAlternative>> alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        return Find(digits, confidences, alternatives);
    }

    /// <summary>
    /// How many entries a random read of <paramref name="length"/> digits can expect to find within one edit: the
    /// entries one substitution (9 per digit), one deletion or one insertion (10 per gap) away, each as likely as the
    /// directory's share of all numbers of its length. Near 0.01 for a million ten-digit numbers; 0.12 for 100,000
    /// numbers evenly spread over 7 to 12 digits, read as 7 digits (<see cref="LookupOptions.MaxCrowding"/>).
    /// </summary>
    public double Crowding(int length)
    {
        if (length < 1 || length > PhoneKey.MaxLength)
        {
            return 0;
        }

        double Share(int n) => n < 1 || n > PhoneKey.MaxLength ? 0 : entriesOfLength[n] / Math.Pow(10, n);
        return (9.0 * length * Share(length)) + (10.0 * (length + 1) * Share(length + 1)) + (length * Share(length - 1));
    }

    public IEnumerator<DirectoryEntry> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private LookupResult Find(ReadOnlySpan<char> digits, ReadOnlySpan<float> confidences, IReadOnlyList<IReadOnlyList<DigitAlternative>>? alternatives)
    {
        ReadValidation.ThrowIfInvalid(digits, confidences);
        if (alternatives is not null)
        {
            ReadValidation.ThrowIfInvalid(digits, alternatives);
        }

        if (digits.Length > LongestUsefulRead || keys.Length == 0)
        {
            return NoCandidates;
        }

        Span<byte> buffer = stackalloc byte[LongestUsefulRead];
        for (var i = 0; i < digits.Length; i++)
        {
            buffer[i] = (byte)(digits[i] - '0');
        }

        var read = buffer[..digits.Length];
        var countryCode = normalizer.CountryCodeLength(read);
        read = read[countryCode..];
        confidences = confidences[countryCode..];
        var numbers = normalizer.Options;
        if (read.Length == 0 || read.Length < numbers.MinDigits - 1 || read.Length > numbers.MaxDigits + 1)
        {
            return NoCandidates;
        }

        // Substitution costs per read digit and digit value, only where the reader gave alternatives.
        var costs = SubstitutionCosts.AnyIn(alternatives, countryCode) ? stackalloc float[read.Length * SubstitutionCosts.Stride] : [];
        if (!costs.IsEmpty)
        {
            SubstitutionCosts.Fill(read, confidences, alternatives!, countryCode, costs);
        }

        var readKey = PhoneKey.Pack(read);
        foreach (var id in index.Probe(readKey))
        {
            if (keys[id] == readKey)
            {
                return costs.IsEmpty
                    ? new DirectoryMatch(this[id], 0f, IsExact: true, RunnerUpDistance: null)
                    : ExactOrAmbiguous(id, read, costs, alternatives!, countryCode);
            }
        }

        Span<int> found = stackalloc int[MaxCandidates];
        Span<float> distances = stackalloc float[MaxCandidates];
        var count = CollectCandidates(read, confidences, costs, readKey, found, distances);
        return count == 0 ? NoCandidates : Decide(found[..count], distances[..count], Crowding(read.Length));
    }

    /// <summary>
    /// The read is entry <paramref name="exact"/>; it stays a match unless reading one digit as one of its
    /// alternatives (<paramref name="alternatives"/> from <paramref name="offset"/> on), at a cost below
    /// <see cref="LookupOptions.Margin"/>, makes it another entry.
    /// </summary>
    private LookupResult ExactOrAmbiguous(
        int exact, ReadOnlySpan<byte> read, ReadOnlySpan<float> costs, IReadOnlyList<IReadOnlyList<DigitAlternative>> alternatives, int offset)
    {
        List<(int Id, float Distance)>? rivals = null;
        Span<byte> variant = stackalloc byte[read.Length];
        read.CopyTo(variant);
        for (var i = 0; i < read.Length; i++)
        {
            var listed = alternatives[offset + i];
            for (var k = 0; k < listed.Count; k++)
            {
                var alternative = listed[k];
                var cost = costs[(i * SubstitutionCosts.Stride) + alternative.Digit];
                if (alternative.Digit == read[i] || !(cost < LookupOptions.Margin))
                {
                    continue;
                }

                variant[i] = (byte)alternative.Digit;
                var key = PhoneKey.Pack(variant);
                foreach (var id in index.Probe(key))
                {
                    if (keys[id] == key && !Holds(rivals, id))
                    {
                        (rivals ??= []).Add((id, cost));
                    }
                }
            }

            variant[i] = read[i];
        }

        if (rivals is null)
        {
            return new DirectoryMatch(this[exact], 0f, IsExact: true, RunnerUpDistance: null);
        }

        rivals.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
        var closest = new List<DirectoryCandidate> { new(this[exact], 0f) };
        closest.AddRange(rivals.Select(r => new DirectoryCandidate(this[r.Id], r.Distance)));
        return new NoMatch(NoMatchReason.AmbiguousReading, closest);
    }

    /// <summary>
    /// Fills <paramref name="found"/> with the distinct entries one edit from the read, and their distances;
    /// returns how many; <paramref name="costs"/>, when not empty, are the substitution costs. Probes the read
    /// itself (it may be an entry minus a digit) and each of its deletions (an entry with one digit substituted
    /// shares one; an entry one digit shorter is one).
    /// </summary>
    private int CollectCandidates(
        ReadOnlySpan<byte> read, ReadOnlySpan<float> confidences, ReadOnlySpan<float> costs, long readKey, Span<int> found, Span<float> distances)
    {
        Span<long> probes = stackalloc long[PhoneKey.MaxLength + 1];
        probes[0] = readKey;
        probes = probes[..(1 + PhoneKey.Deletions(read, probes[1..]))];

        Span<byte> target = stackalloc byte[PhoneKey.MaxLength];
        var count = 0;
        foreach (var probe in probes)
        {
            foreach (var id in index.Probe(probe))
            {
                // Buckets also hold other keys' ids, and an entry can share several keys with the read: check each.
                var entry = target[..PhoneKey.Unpack(keys[id], target)];
                if (found[..count].Contains(id) || !OneEdit.IsWithin(read, entry))
                {
                    continue;
                }

                found[count] = id;
                distances[count] = costs.IsEmpty
                    ? WeightedEditDistance.Compute(read, confidences, (ReadOnlySpan<byte>)entry, LookupOptions.InsertionCost)
                    : WeightedEditDistance.Compute(confidences, costs, entry, LookupOptions.InsertionCost);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The rule of <see cref="LookupOptions"/> applied to the scored candidates (at least one) of a read whose length
    /// has <paramref name="crowding"/>.
    /// </summary>
    private LookupResult Decide(ReadOnlySpan<int> found, ReadOnlySpan<float> distances, double crowding)
    {
        var best = 0;
        for (var i = 1; i < found.Length; i++)
        {
            if (IsBefore(found[i], distances[i], found[best], distances[best]))
            {
                best = i;
            }
        }

        var closest = new List<(int Id, float Distance)>();
        float? runnerUp = null;
        for (var i = 0; i < found.Length; i++)
        {
            if (i != best && (runnerUp is not { } r || distances[i] < r))
            {
                runnerUp = distances[i];
            }

            if (distances[i] - distances[best] < LookupOptions.Margin)
            {
                closest.Add((found[i], distances[i]));
            }
        }

        var crowded = crowding > LookupOptions.MaxCrowding && distances[best] > LookupOptions.CrowdedMaxDistance;
        if (distances[best] <= LookupOptions.MaxDistance && closest.Count == 1)
        {
            return crowded
                ? new NoMatch(NoMatchReason.Crowded, [new DirectoryCandidate(this[found[best]], distances[best])])
                : new DirectoryMatch(this[found[best]], distances[best], IsExact: false, runnerUp);
        }

        closest.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Id.CompareTo(b.Id));
        var reason = distances[best] > LookupOptions.MaxDistance ? NoMatchReason.TooFar : NoMatchReason.Ambiguous;
        return new NoMatch(reason, closest.Select(c => new DirectoryCandidate(this[c.Id], c.Distance)).ToList());
    }

    private static bool Holds(List<(int Id, float Distance)>? rivals, int id)
    {
        if (rivals is not null)
        {
            foreach (var rival in rivals)
            {
                if (rival.Id == id)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Closer first; equally close ones in file order.
    private static bool IsBefore(int id, float distance, int otherId, float otherDistance) =>
        distance < otherDistance || (distance == otherDistance && id < otherId);
}
