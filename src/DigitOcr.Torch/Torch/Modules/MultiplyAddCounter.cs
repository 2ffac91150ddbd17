namespace DigitOcr.Torch.Modules;

/// <summary>
/// Counts the multiply-adds of the convolutions run on this thread while it is open (for model summaries):
/// each <see cref="Conv2d"/> adds N * C_out * H_out * W_out * (C_in / groups) * k * k.
/// </summary>
public sealed class MultiplyAddCounter : IDisposable
{
    [ThreadStatic]
    private static MultiplyAddCounter? current;

    private readonly MultiplyAddCounter? outer;

    public MultiplyAddCounter()
    {
        outer = current;
        current = this;
    }

    internal static MultiplyAddCounter? Current => current;

    public long MultiplyAdds { get; private set; }

    internal void Add(long count) => MultiplyAdds += count;

    public void Dispose() => current = outer;
}
