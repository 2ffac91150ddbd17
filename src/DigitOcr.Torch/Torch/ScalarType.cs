namespace DigitOcr.Torch;

/// <summary>Element types, numbered exactly as c10::ScalarType so they cross the native boundary unchanged.</summary>
public enum ScalarType
{
    Byte = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    Float16 = 5,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
    BFloat16 = 15,
}

/// <summary>Sizes and managed counterparts of <see cref="ScalarType"/>.</summary>
public static class ScalarTypeExtensions
{
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown scalar type"),
    };

    public static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    internal static ScalarType Of<T>()
        where T : unmanaged => default(T) switch
        {
            byte => ScalarType.Byte,
            sbyte => ScalarType.Int8,
            short => ScalarType.Int16,
            int => ScalarType.Int32,
            long => ScalarType.Int64,
            Half => ScalarType.Float16,
            float => ScalarType.Float32,
            double => ScalarType.Float64,
            bool => ScalarType.Bool,
            _ => throw new NotSupportedException($"{typeof(T).Name} has no tensor element type"),
        };
}
