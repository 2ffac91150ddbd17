namespace DigitOcr.Torch.Distributed;

/// <summary>What went wrong in a collective or in joining the process group.</summary>
public enum DistributedFailure
{
    /// <summary>The process group's timeout passed: a rank did not take part in time (it hung, died unseen or never started).</summary>
    TimedOut,

    /// <summary>A rank's connection closed or was refused: it stopped or died.</summary>
    PeerLost,

    /// <summary>Anything else c10d reported (a bad tensor, a port in use, ...).</summary>
    Other,
}
