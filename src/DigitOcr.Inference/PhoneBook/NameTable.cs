using System.Text;

namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// The entries' names as UTF-8 in one array with start offsets: a million names take about 20 MB instead of a
/// million string objects (about twice that), and loading copies the bytes straight out of the CSV reader's
/// buffer. A name becomes a string only when an entry is returned.
/// </summary>
internal sealed class NameTable
{
    private byte[] bytes = new byte[1024];
    private int[] starts = new int[65];
    private int count;

    public int Count => count;

    public long SizeInBytes => bytes.LongLength + (starts.LongLength * sizeof(int));

    public void Add(ReadOnlySpan<byte> utf8)
    {
        var end = starts[count];
        if (end + utf8.Length > bytes.Length)
        {
            Array.Resize(ref bytes, (int)Math.Min(Array.MaxLength, Math.Max(2L * bytes.Length, (long)end + utf8.Length)));
        }

        if (count + 2 > starts.Length)
        {
            Array.Resize(ref starts, 2 * starts.Length);
        }

        utf8.CopyTo(bytes.AsSpan(end));
        starts[++count] = end + utf8.Length;
    }

    public string this[int index] => Encoding.UTF8.GetString(bytes, starts[index], starts[index + 1] - starts[index]);

    /// <summary>Drops the spare room left by growing, once every name is in.</summary>
    public void TrimExcess()
    {
        Array.Resize(ref bytes, starts[count]);
        Array.Resize(ref starts, count + 1);
    }
}
