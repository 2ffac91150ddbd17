namespace DigitOcr.Server;

/// <summary>How many live streams are open, and at most (<see cref="ServerOptions.MaxStreams"/>). Thread-safe.</summary>
internal sealed class StreamLimit(int maximum)
{
    private int open;

    public int Maximum { get; } = maximum;

    public int Open => Volatile.Read(ref open);

    /// <summary>Takes a place; false when all are taken.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref open) > Maximum)
        {
            Interlocked.Decrement(ref open);
            return false;
        }

        return true;
    }

    public void Leave() => Interlocked.Decrement(ref open);
}
