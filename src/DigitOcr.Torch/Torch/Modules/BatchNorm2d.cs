namespace DigitOcr.Torch.Modules;

/// <summary>
/// Batch normalisation over NCHW input, as <c>torch.nn.BatchNorm2d</c> (affine, tracking running statistics):
/// parameters <c>weight</c>, <c>bias</c>; buffers <c>running_mean</c>, <c>running_var</c> and the int64
/// <c>num_batches_tracked</c>. Training mode normalises with batch statistics and updates the running ones.
/// </summary>
public sealed class BatchNorm2d : Module<Tensor, Tensor>
{
    public BatchNorm2d(long numFeatures, double eps = 1e-5, double momentum = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numFeatures, 1);
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        using var scope = torch.NewDisposeScope();
        weight = register_parameter(nameof(weight), new Parameter(torch.ones([numFeatures])))!;
        bias = register_parameter(nameof(bias), new Parameter(torch.zeros([numFeatures])))!;
        running_mean = register_buffer(nameof(running_mean), torch.zeros([numFeatures]));
        running_var = register_buffer(nameof(running_var), torch.ones([numFeatures]));
        num_batches_tracked = register_buffer(nameof(num_batches_tracked), torch.zeros([], ScalarType.Int64));
    }

    public long NumFeatures { get; }

    public double Eps { get; }

    public double Momentum { get; }

    public Parameter weight { get; }

    public Parameter bias { get; }

    public Tensor running_mean { get; }

    public Tensor running_var { get; }

    public Tensor num_batches_tracked { get; }

    /// <summary>
    /// True once this batch norm has been folded into the convolution before it (<c>torch.nn.utils.fusion.fuse_conv_bn_eval_</c>):
    /// it is then an identity, for inference only.
    /// </summary>
    public bool IsFolded { get; private set; }

    /// <summary>Makes this batch norm an identity: its statistics and affine set to the identity's, its forward a no-op.</summary>
    internal void MarkFolded()
    {
        using var noGrad = torch.no_grad();
        weight.fill_(1);
        bias.fill_(0);
        running_mean.fill_(0);
        running_var.fill_(1 - Eps);
        IsFolded = true;
    }

    public override Tensor forward(Tensor input)
    {
        if (input.ndim != 4)
        {
            throw new ArgumentException($"BatchNorm2d expects NCHW input, got shape [{string.Join(", ", input.shape)}]", nameof(input));
        }

        if (IsFolded)
        {
            if (training)
            {
                throw new InvalidOperationException("this BatchNorm2d was folded into the convolution before it, for inference; load the model again to train it");
            }

            // The convolution before it already applied the normalisation.
            return input.alias();
        }

        if (training)
        {
            using var noGrad = torch.no_grad();
            num_batches_tracked.add_(1L);
        }

        return torch.nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
    }
}
