namespace DigitOcr.Inference.PhoneBook;

/// <summary>Whether two digit strings are equal or one edit apart: one substitution, insertion or deletion.</summary>
internal static class OneEdit
{
    public static bool IsWithin(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => (a.Length - b.Length) switch
    {
        0 => Mismatches(a, b) <= 1,
        1 => IsOneDeletion(a, b),
        -1 => IsOneDeletion(b, a),
        _ => false,
    };

    private static int Mismatches(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                count++;
            }
        }

        return count;
    }

    // shorter is longer with one digit removed: equal up to the first difference, then shifted by one.
    private static bool IsOneDeletion(ReadOnlySpan<byte> longer, ReadOnlySpan<byte> shorter)
    {
        var common = longer.CommonPrefixLength(shorter);
        return longer[(common + 1)..].SequenceEqual(shorter[common..]);
    }
}
