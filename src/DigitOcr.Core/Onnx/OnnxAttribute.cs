namespace DigitOcr.Onnx;

/// <summary>An attribute of an ONNX node (<c>AttributeProto</c>): an integer, a list of integers, a float or a string.</summary>
internal abstract record OnnxAttribute(string Name)
{
    // AttributeProto.AttributeType values.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int StringType = 3;
    private const int IntsType = 7;

    public static OnnxAttribute Int(string name, long value) => new IntValue(name, value);

    public static OnnxAttribute Ints(string name, params long[] values) => new IntList(name, values);

    public static OnnxAttribute Float(string name, float value) => new FloatValue(name, value);

    public static OnnxAttribute String(string name, string value) => new StringValue(name, value);

    /// <summary>The <c>AttributeProto</c> message.</summary>
    public ProtoWriter ToProto()
    {
        var proto = new ProtoWriter().String(1, Name);
        switch (this)
        {
            case IntValue i:
                proto.Int(3, i.Value).Int(20, IntType);
                break;
            case IntList list:
                foreach (var v in list.Values)
                {
                    proto.Int(8, v);
                }

                proto.Int(20, IntsType);
                break;
            case FloatValue f:
                proto.Float(2, f.Value).Int(20, FloatType);
                break;
            case StringValue s:
                proto.String(4, s.Value).Int(20, StringType);
                break;
        }

        return proto;
    }

    private sealed record IntValue(string Name, long Value) : OnnxAttribute(Name);

    private sealed record IntList(string Name, long[] Values) : OnnxAttribute(Name);

    private sealed record FloatValue(string Name, float Value) : OnnxAttribute(Name);

    private sealed record StringValue(string Name, string Value) : OnnxAttribute(Name);
}
