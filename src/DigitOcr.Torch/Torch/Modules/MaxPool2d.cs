namespace DigitOcr.Torch.Modules;

/// <summary>Max pooling over NCHW input, as <c>torch.nn.MaxPool2d</c> (stride defaults to the kernel size).</summary>
public sealed class MaxPool2d : Module<Tensor, Tensor>
{
    private readonly (long, long) kernel;
    private readonly (long, long) stride;
    private readonly (long, long) padding;
    private readonly bool ceilMode;

    public MaxPool2d(long kernelSize, long? stride = null, long padding = 0, bool ceilMode = false)
    {
        kernel = (kernelSize, kernelSize);
        var s = stride ?? kernelSize;
        this.stride = (s, s);
        this.padding = (padding, padding);
        this.ceilMode = ceilMode;
    }

    /// <summary>(height, width) window (an exporter reads the layer from these).</summary>
    public (long Height, long Width) KernelSize => kernel;

    public (long Height, long Width) Stride => stride;

    /// <summary>(height, width) padding on each side, with negative infinity.</summary>
    public (long Height, long Width) Padding => padding;

    public bool CeilMode => ceilMode;

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.max_pool2d(input, kernel, stride, padding, ceil_mode: ceilMode);
}
