namespace DigitOcr.Torch.Modules;

/// <summary>
/// 2-D convolution over NCHW input, as <c>torch.nn.Conv2d</c>: weight <c>[out, in/groups, k, k]</c>, optional bias
/// <c>[out]</c>, initialised as PyTorch does (kaiming-uniform with a = sqrt(5); bias U(-1/sqrt(fan_in), +)).
/// </summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    private readonly (long, long) stride;
    private readonly (long, long) padding;
    private readonly (long, long) dilation;
    private readonly long groups;

    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long dilation = 1, long groups = 1, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1);
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"channels {inChannels}->{outChannels} are not divisible by groups={groups}");
        }

        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        this.stride = (stride, stride);
        this.padding = (padding, padding);
        this.dilation = (dilation, dilation);
        this.groups = groups;

        using var scope = torch.NewDisposeScope();
        weight = register_parameter(nameof(weight), new Parameter(torch.empty([outChannels, inChannels / groups, kernelSize, kernelSize])))!;
        this.bias = register_parameter(nameof(bias), bias ? new Parameter(torch.empty([outChannels])) : null);
        reset_parameters();
    }

    public long InChannels { get; }

    public long OutChannels { get; }

    public long KernelSize { get; }

    /// <summary>(height, width) stride, as given to the constructor (an exporter reads the layer from these).</summary>
    public (long Height, long Width) Stride => stride;

    /// <summary>(height, width) zero padding on each side.</summary>
    public (long Height, long Width) Padding => padding;

    public (long Height, long Width) Dilation => dilation;

    public long Groups => groups;

    public Parameter weight { get; }

    /// <summary>The bias, if any; a convolution without one gets one when a batch norm is folded into it.</summary>
    public Parameter? bias { get; private set; }

    /// <summary>PyTorch's default initialisation (<c>Conv2d.reset_parameters</c>).</summary>
    public void reset_parameters()
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is not null)
        {
            var (fanIn, _) = torch.nn.init.calculate_fan_in_and_fan_out(weight);
            var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            torch.nn.init.uniform_(bias, -bound, bound);
        }
    }

    /// <summary>Gives this convolution a bias of <paramref name="values"/> (copied), in place of none or the old one.</summary>
    internal void set_bias(Tensor values)
    {
        if (values.ndim != 1 || values.size(0) != OutChannels)
        {
            throw new ArgumentException($"a bias of {OutChannels} values is needed, got [{string.Join(", ", values.shape)}]", nameof(values));
        }

        using var detached = values.detach();
        using var copy = detached.clone();
        bias = replace_parameter(nameof(bias), new Parameter(copy, weight.requires_grad));
    }

    public override Tensor forward(Tensor input)
    {
        var output = torch.nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
        if (MultiplyAddCounter.Current is { } counter)
        {
            var shape = output.shape;
            counter.Add(shape[0] * shape[1] * shape[2] * shape[3] * (InChannels / groups) * KernelSize * KernelSize);
        }

        return output;
    }
}
