namespace DigitOcr.Onnx;

/// <summary>The element types an exported graph uses (<c>TensorProto.DataType</c> values).</summary>
internal enum OnnxDataType
{
    Float = 1,
    Uint8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
}
