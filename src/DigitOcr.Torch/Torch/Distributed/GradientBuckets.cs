using DigitOcr.Torch.Modules;

namespace DigitOcr.Torch.Distributed;

/// <summary>
/// Averages gradients over the ranks of a process group after the backward pass, as PyTorch's DistributedDataParallel
/// does: the trainable parameters are cut into buckets of about <see cref="BucketBytes"/> (last parameter first, the
/// order backward produces gradients in, and one dtype per bucket); each bucket's gradients are flattened into one
/// tensor, summed with one all-reduce, divided by the world size and copied back into the gradients. Every bucket's
/// all-reduce starts before the first is waited for, so gloo sums one bucket while the next is flattened; it does not
/// overlap the backward pass itself (that needs autograd hooks this binding does not have).
/// </summary>
public sealed class GradientBuckets
{
    /// <summary>PyTorch's default bucket size (<c>bucket_cap_mb=25</c>).</summary>
    public const long DefaultBucketBytes = 25L << 20;

    private readonly ProcessGroup group;

    /// <param name="group">The ranks to average over.</param>
    /// <param name="parameters">The parameters, in the module's order (PyTorch's <c>parameters()</c>); those that do not require grad are left out.</param>
    /// <param name="bucketBytes">Bytes of gradients per bucket (a parameter larger than that gets a bucket of its own).</param>
    public GradientBuckets(ProcessGroup group, IEnumerable<Parameter> parameters, long bucketBytes = DefaultBucketBytes)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBytes, 1);
        this.group = group;
        BucketBytes = bucketBytes;
        var buckets = new List<IReadOnlyList<Parameter>>();
        var current = new List<Parameter>();
        long bytes = 0;
        foreach (var parameter in parameters.Where(p => p.requires_grad).Reverse())
        {
            var size = parameter.numel() * parameter.dtype.ElementSize();
            if (current.Count > 0 && (bytes + size > bucketBytes || current[0].dtype != parameter.dtype))
            {
                buckets.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(parameter);
            bytes += size;
        }

        if (current.Count > 0)
        {
            buckets.Add(current);
        }

        Buckets = buckets;
    }

    public long BucketBytes { get; }

    /// <summary>The parameters of each bucket, in the order their all-reduces start.</summary>
    public IReadOnlyList<IReadOnlyList<Parameter>> Buckets { get; }

    /// <summary>
    /// Replaces every parameter's gradient with its mean over the ranks. Call it on every rank after
    /// <c>backward()</c> and before the optimizer's step.
    /// </summary>
    /// <exception cref="InvalidOperationException">A trainable parameter has no gradient (every one must take part in the loss on every rank).</exception>
    /// <exception cref="DistributedException">Another rank is gone or the timeout passed.</exception>
    public void Average()
    {
        using var scope = torch.NewDisposeScope();
        var started = new List<(IReadOnlyList<Tensor> Grads, Tensor Flat, Work Work)>(Buckets.Count);
        try
        {
            foreach (var bucket in Buckets)
            {
                var grads = bucket.Select(Gradient).ToList();
                var flat = torch.cat(grads.Select(g => g.reshape(-1)).ToList());
                started.Add((grads, flat, group.all_reduce_async(flat)));
            }

            foreach (var (grads, flat, work) in started)
            {
                work.wait();
                var mean = flat.div(group.world_size);
                long offset = 0;
                foreach (var grad in grads)
                {
                    var count = grad.numel();
                    grad.copy_(mean.narrow(0, offset, count).view(grad.shape));
                    offset += count;
                }
            }
        }
        finally
        {
            foreach (var (_, _, work) in started)
            {
                work.Dispose();
            }
        }
    }

    private Tensor Gradient(Parameter parameter) =>
        parameter.grad ?? throw new InvalidOperationException(
            $"rank {group.rank}: a trainable parameter ({parameter.dtype} {string.Join('x', parameter.shape)}) has no gradient; every trainable parameter must take part in the loss on every rank for gradients to be averaged");
}
