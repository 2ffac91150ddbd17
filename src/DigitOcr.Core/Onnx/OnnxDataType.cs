namespace DigitOcr.Onnx;

/// <summary>The element types an exported graph uses (<c>TensorProto.DataType</c> values).</summary>
internal enum OnnxDataType
{
    Float = 1,
    Int64 = 7,
}
