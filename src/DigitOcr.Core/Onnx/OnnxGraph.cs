using System.Runtime.InteropServices;
using DigitOcr.Torch;

namespace DigitOcr.Onnx;

/// <summary>
/// Builds one ONNX graph (<c>GraphProto</c>) node by node and writes it as a model (<c>ModelProto</c>) of the default
/// domain at one opset. Weights become initializers holding their float32 values as raw little-endian bytes; every
/// node has one output, named after the node, so a name is also the tensor it computes. A dimension is a number or,
/// for a size known only at run time, a name (<c>"batch"</c>).
/// </summary>
internal sealed class OnnxGraph(string name)
{
    // ONNX's IR version that goes with opset 17 (onnx/docs/Versioning.md).
    private const long IrVersion = 8;

    private readonly List<ProtoWriter> nodes = [];
    private readonly List<ProtoWriter> initializers = [];
    private readonly List<ProtoWriter> inputs = [];
    private readonly List<ProtoWriter> outputs = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>A float32 constant holding <paramref name="tensor"/>'s values (any device or memory format).</summary>
    public string Initializer(string tensorName, Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        var values = tensor.detach().cpu().to(ScalarType.Float32).contiguous().data<float>();
        return AddInitializer(tensorName, tensor.shape, OnnxDataType.Float, MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>An int64 constant: a shape or a list of axes.</summary>
    public string Initializer(string tensorName, params long[] values) =>
        AddInitializer(tensorName, [values.Length], OnnxDataType.Int64, MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>A constant of any element type from its little-endian bytes (a scalar when <paramref name="dims"/> is empty).</summary>
    public string Initializer<T>(string tensorName, OnnxDataType type, long[] dims, ReadOnlySpan<T> values)
        where T : unmanaged =>
        AddInitializer(tensorName, dims, type, MemoryMarshal.AsBytes(values));

    /// <summary>A graph input (<c>ValueInfoProto</c>) with dimensions given as numbers or names.</summary>
    public string Input(string tensorName, OnnxDataType type, params object[] dims)
    {
        inputs.Add(ValueInfo(Claim(tensorName), type, dims));
        return tensorName;
    }

    /// <summary>Declares an existing tensor a graph output, with dimensions given as numbers or names.</summary>
    public void Output(string tensorName, OnnxDataType type, params object[] dims) => outputs.Add(ValueInfo(tensorName, type, dims));

    /// <summary>
    /// Adds a node of <paramref name="opType"/> and returns its output's name (<paramref name="nodeName"/>, made unique).
    /// An empty input name is an omitted optional input.
    /// </summary>
    public string Node(string opType, string nodeName, IReadOnlyList<string> nodeInputs, params OnnxAttribute[] attributes)
    {
        var output = Unique(nodeName);
        var node = new ProtoWriter();
        foreach (var input in nodeInputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, output).String(4, opType);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute.ToProto());
        }

        nodes.Add(node);
        return output;
    }

    /// <summary>The model file's bytes: this graph, <paramref name="opset"/> of the default domain, and metadata.</summary>
    public byte[] ToModel(int opset, string producer, IReadOnlyDictionary<string, string> metadata)
    {
        var graph = new ProtoWriter();
        nodes.ForEach(n => graph.Message(1, n));
        graph.String(2, name);
        initializers.ForEach(t => graph.Message(5, t));
        inputs.ForEach(i => graph.Message(11, i));
        outputs.ForEach(o => graph.Message(12, o));

        var model = new ProtoWriter().Int(1, IrVersion).String(2, producer).Message(7, graph).Message(8, new ProtoWriter().String(1, string.Empty).Int(2, opset));
        foreach (var (key, value) in metadata)
        {
            model.Message(14, new ProtoWriter().String(1, key).String(2, value));
        }

        return model.ToArray();
    }

    private string AddInitializer(string tensorName, IReadOnlyList<long> dims, OnnxDataType type, ReadOnlySpan<byte> littleEndian)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this exporter writes it from a little-endian machine only");
        }

        var tensor = new ProtoWriter();
        foreach (var d in dims)
        {
            tensor.Int(1, d);
        }

        tensor.Int(2, (long)type).String(8, Claim(tensorName)).Bytes(9, littleEndian);
        initializers.Add(tensor);
        return tensorName;
    }

    private static ProtoWriter ValueInfo(string tensorName, OnnxDataType type, object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            var dimension = dim switch
            {
                string symbol => new ProtoWriter().String(2, symbol),
                int or long => new ProtoWriter().Int(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new ArgumentException($"a dimension is a number or a name, got {dim.GetType().Name}", nameof(dims)),
            };
            shape.Message(1, dimension);
        }

        var tensorType = new ProtoWriter().Int(1, (long)type).Message(2, shape);
        return new ProtoWriter().String(1, tensorName).Message(2, new ProtoWriter().Message(1, tensorType));
    }

    private string Claim(string tensorName)
    {
        if (!names.Add(tensorName))
        {
            throw new ArgumentException($"the graph already has a tensor named '{tensorName}'", nameof(tensorName));
        }

        return tensorName;
    }

    private string Unique(string nodeName)
    {
        var candidate = nodeName;
        for (var n = 2; !names.Add(candidate); n++)
        {
            candidate = $"{nodeName}_{n}";
        }

        return candidate;
    }
}
