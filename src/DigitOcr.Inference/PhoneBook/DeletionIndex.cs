using System.Numerics;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// Symmetric-delete ("SymSpell") index of packed numbers: every number is filed under itself and under each of its
/// distinct single-digit deletions. The entries one edit from a read then share a key with it: one substitution,
/// a deletion at the same place; a digit the reader missed, the read is a deletion of the entry; an extra digit,
/// a deletion of the read is the entry. So a lookup probes the read and its deletions (at most 17 keys) instead
/// of scanning. Stored as a hash multimap in compressed rows: the entry ids of bucket b are
/// <c>ids[starts[b]..starts[b + 1]]</c>. Keys themselves are not stored, so a bucket also holds a few ids of other
/// keys; callers check every id against the read. About 11 ids per 10-digit number plus one bucket start per four
/// ids: 60 MB for a million numbers.
/// </summary>
internal sealed class DeletionIndex
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15; // 2^64 / golden ratio: spreads nearby keys over the buckets

    private const int IdsPerBucket = 4;

    private readonly int[] starts;
    private readonly int[] ids;
    private readonly int shift;

    private DeletionIndex(int[] starts, int[] ids, int shift)
    {
        this.starts = starts;
        this.ids = ids;
        this.shift = shift;
    }

    public long SizeInBytes => (starts.LongLength + ids.LongLength) * sizeof(int);

    /// <summary>Files entry i (its number <c>keys[i]</c>) under its key and deletions.</summary>
    public static DeletionIndex Build(ReadOnlySpan<long> keys)
    {
        // Enough buckets for the most ids there can be (every number and each of its digits), rounded to a power of two.
        long mostIds = 0;
        foreach (var key in keys)
        {
            mostIds += PhoneKey.Length(key) + 1;
        }

        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, Math.Min(1L << 30, mostIds / IdsPerBucket)));
        var shift = 64 - BitOperations.Log2((uint)buckets);
        var starts = new int[buckets + 1];

        // Counting pass, then a prefix sum: starts[b] becomes where bucket b begins, and serves as its fill cursor.
        Span<long> filed = stackalloc long[PhoneKey.MaxLength + 1];
        Span<byte> digits = stackalloc byte[PhoneKey.MaxLength];
        foreach (var key in keys)
        {
            foreach (var k in Filed(key, digits, filed))
            {
                starts[Bucket(k, shift)]++;
            }
        }

        var total = 0;
        for (var b = 0; b < buckets; b++)
        {
            var size = starts[b];
            starts[b] = total;
            total = checked(total + size);
        }

        var ids = new int[total];
        for (var i = 0; i < keys.Length; i++)
        {
            foreach (var k in Filed(keys[i], digits, filed))
            {
                ids[starts[Bucket(k, shift)]++] = i;
            }
        }

        // Each cursor now stands at the start of the next bucket: shift them back by one.
        for (var b = buckets; b > 0; b--)
        {
            starts[b] = starts[b - 1];
        }

        starts[0] = 0;
        return new DeletionIndex(starts, ids, shift);
    }

    /// <summary>The ids filed under <paramref name="key"/>, with those of other keys that share its bucket, in id order.</summary>
    public ReadOnlySpan<int> Probe(long key)
    {
        var b = Bucket(key, shift);
        return ids.AsSpan(starts[b], starts[b + 1] - starts[b]);
    }

    private static int Bucket(long key, int shift) => (int)(((ulong)key * Fibonacci) >> shift);

    /// <summary>The keys a number is filed under: itself, then its distinct deletions.</summary>
    private static ReadOnlySpan<long> Filed(long key, Span<byte> digits, Span<long> filed)
    {
        var length = PhoneKey.Unpack(key, digits);
        filed[0] = key;
        return filed[..(1 + PhoneKey.Deletions(digits[..length], filed[1..]))];
    }
}
