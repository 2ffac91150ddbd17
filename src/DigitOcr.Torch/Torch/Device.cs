namespace DigitOcr.Torch;

/// <summary>Where tensors live, numbered as c10::DeviceType.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

/// <summary>A compute device: <c>cpu</c>, or <c>cuda</c>/<c>cuda:N</c> when the libtorch in use has CUDA.</summary>
public readonly record struct Device(DeviceType Type, int Index = -1)
{
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new FormatException($"unknown device '{text}': use cpu, cuda or cuda:N"),
        };
        if (parts.Length == 1)
        {
            return new Device(type);
        }

        if (parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0)
        {
            return new Device(type, index);
        }

        throw new FormatException($"bad device index in '{text}': use cuda:0, cuda:1, ...");
    }

    public override string ToString() =>
        (Type == DeviceType.CPU ? "cpu" : "cuda") + (Index >= 0 ? $":{Index}" : string.Empty);
}
