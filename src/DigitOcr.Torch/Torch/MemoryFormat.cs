namespace DigitOcr.Torch;

/// <summary>How a 4-D tensor's elements are laid out in memory.</summary>
public enum MemoryFormat
{
    /// <summary>NCHW, PyTorch's default.</summary>
    Contiguous = 0,

    /// <summary>NHWC: oneDNN's convolutions run faster on it on the CPU.</summary>
    ChannelsLast = 1,
}
