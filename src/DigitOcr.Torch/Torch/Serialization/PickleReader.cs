using System.Buffers.Binary;
using System.Text;

namespace DigitOcr.Torch.Serialization;

/// <summary>A Python global named in a pickle (<c>module.name</c>).</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public string FullName => Module + "." + Name;
}

/// <summary>A dict or OrderedDict, in insertion order.</summary>
internal sealed class PickleDict
{
    public List<KeyValuePair<object?, object?>> Items { get; } = [];
}

/// <summary>
/// A small interpreter for the pickle subset that <c>torch.save</c> and libtorch's <c>pickle_save</c> write
/// (protocols 2 to 5: containers, numbers, strings, globals, REDUCE, BUILD, persistent ids). Globals are not
/// imported: REDUCE calls <see cref="reduce"/>, persistent ids go to <see cref="persistentLoad"/>. No code runs.
/// </summary>
internal sealed class PickleReader
{
    private static readonly object Mark = new();

    private readonly byte[] data;
    private readonly Func<PickleGlobal, object?[], object?> reduce;
    private readonly Func<object?, object?> persistentLoad;
    private readonly Stack<object?> stack = new();
    private readonly Dictionary<long, object?> memo = [];
    private int position;

    public PickleReader(byte[] data, Func<PickleGlobal, object?[], object?> reduce, Func<object?, object?> persistentLoad)
    {
        this.data = data;
        this.reduce = reduce;
        this.persistentLoad = persistentLoad;
    }

    public object? Load()
    {
        while (true)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("the pickle ends without a STOP opcode");
            }

            var opcode = data[position++];
            switch (opcode)
            {
                case 0x80: position++; break; // PROTO
                case 0x95: position += 8; break; // FRAME
                case (byte)'.': return stack.Pop(); // STOP
                case (byte)'(': stack.Push(Mark); break;
                case (byte)'}': stack.Push(new PickleDict()); break;
                case (byte)']': stack.Push(new List<object?>()); break;
                case (byte)')': stack.Push(Array.Empty<object?>()); break;
                case 0x8f: stack.Push(new List<object?>()); break; // EMPTY_SET
                case (byte)'t': stack.Push(PopToMark().ToArray()); break;
                case 0x85: stack.Push(new[] { stack.Pop() }); break;
                case 0x86: { var b = stack.Pop(); var a = stack.Pop(); stack.Push(new[] { a, b }); break; }
                case 0x87: { var c = stack.Pop(); var b = stack.Pop(); var a = stack.Pop(); stack.Push(new[] { a, b, c }); break; }
                case (byte)'q': memo[data[position++]] = stack.Peek(); break; // BINPUT
                case (byte)'r': memo[ReadUInt32()] = stack.Peek(); break; // LONG_BINPUT
                case 0x94: memo[memo.Count] = stack.Peek(); break; // MEMOIZE
                case (byte)'h': stack.Push(memo[data[position++]]); break; // BINGET
                case (byte)'j': stack.Push(memo[ReadUInt32()]); break; // LONG_BINGET
                case (byte)'c': stack.Push(new PickleGlobal(ReadLine(), ReadLine())); break; // GLOBAL
                case 0x93: { var name = (string)stack.Pop()!; var module = (string)stack.Pop()!; stack.Push(new PickleGlobal(module, name)); break; }
                case (byte)'X': stack.Push(ReadString((int)ReadUInt32())); break; // BINUNICODE
                case 0x8c: stack.Push(ReadString(data[position++])); break; // SHORT_BINUNICODE
                case 0x8d: stack.Push(ReadString(checked((int)ReadUInt64()))); break; // BINUNICODE8
                case (byte)'C': stack.Push(ReadBytes(data[position++])); break; // SHORT_BINBYTES
                case (byte)'B': stack.Push(ReadBytes((int)ReadUInt32())); break; // BINBYTES
                case (byte)'J': stack.Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break; // BININT
                case (byte)'K': stack.Push((long)data[position++]); break; // BININT1
                case (byte)'M': stack.Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break; // BININT2
                case 0x8a: stack.Push(ReadLong1()); break; // LONG1
                case (byte)'G': stack.Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break; // BINFLOAT
                case 0x88: stack.Push(true); break;
                case 0x89: stack.Push(false); break;
                case (byte)'N': stack.Push(null); break;
                case (byte)'0': stack.Pop(); break; // POP
                case (byte)'1': PopToMark(); break; // POP_MARK
                case (byte)'2': stack.Push(stack.Peek()); break; // DUP
                case (byte)'R': // REDUCE
                case 0x81: // NEWOBJ
                {
                    var args = (object?[])stack.Pop()!;
                    var callable = stack.Pop() as PickleGlobal
                        ?? throw new InvalidDataException("REDUCE on something that is not a global");
                    stack.Push(reduce(callable, args));
                    break;
                }

                case (byte)'b': stack.Pop(); break; // BUILD: object state (e.g. an OrderedDict's _metadata) is not needed
                case (byte)'s': { var value = stack.Pop(); var key = stack.Pop(); AsDict(stack.Peek()).Items.Add(new(key, value)); break; }
                case (byte)'u':
                {
                    var items = PopToMark();
                    var dict = AsDict(stack.Peek());
                    for (var i = 0; i + 1 < items.Count; i += 2)
                    {
                        dict.Items.Add(new(items[i], items[i + 1]));
                    }

                    break;
                }

                case (byte)'a': { var item = stack.Pop(); AsList(stack.Peek()).Add(item); break; }
                case (byte)'e': case 0x90: { var items = PopToMark(); AsList(stack.Peek()).AddRange(items); break; }
                case (byte)'Q': stack.Push(persistentLoad(stack.Pop())); break; // BINPERSID
                default:
                    throw new InvalidDataException($"unsupported pickle opcode 0x{opcode:x2} at byte {position - 1}");
            }
        }
    }

    private static PickleDict AsDict(object? value) =>
        value as PickleDict ?? throw new InvalidDataException($"SETITEM on a {value?.GetType().Name ?? "None"}, not a dict");

    private static List<object?> AsList(object? value) =>
        value as List<object?> ?? throw new InvalidDataException($"APPEND on a {value?.GetType().Name ?? "None"}, not a list");

    private List<object?> PopToMark()
    {
        var items = new List<object?>();
        while (true)
        {
            var item = stack.Pop();
            if (ReferenceEquals(item, Mark))
            {
                break;
            }

            items.Add(item);
        }

        items.Reverse();
        return items;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (position + count > data.Length)
        {
            throw new InvalidDataException("the pickle is truncated");
        }

        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    private ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    private string ReadString(int length) => Encoding.UTF8.GetString(Take(length));

    private byte[] ReadBytes(int length) => Take(length).ToArray();

    private string ReadLine()
    {
        var end = Array.IndexOf(data, (byte)'\n', position);
        if (end < 0)
        {
            throw new InvalidDataException("the pickle is truncated inside a GLOBAL");
        }

        var text = Encoding.ASCII.GetString(data, position, end - position);
        position = end + 1;
        return text;
    }

    private long ReadLong1()
    {
        var length = data[position++];
        var bytes = Take(length);
        if (length > 8)
        {
            throw new InvalidDataException($"an integer of {length} bytes does not fit in 64 bits");
        }

        long value = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        if (length is > 0 and < 8 && (bytes[length - 1] & 0x80) != 0)
        {
            value -= 1L << (8 * length);
        }

        return value;
    }
}
