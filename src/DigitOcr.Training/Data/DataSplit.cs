namespace DigitOcr.Data;

/// <summary>
/// Which part of the data a source draws from. Training uses only MNIST's training digits; validation and test
/// use only MNIST's test digits (rendered from different seed streams), so no digit seen in training is scored.
/// </summary>
public enum DataSplit
{
    /// <summary>MNIST training digits (60,000).</summary>
    Train,

    /// <summary>MNIST test digits (10,000), rendered from the validation seed stream.</summary>
    Validation,

    /// <summary>MNIST test digits (10,000), rendered from the test seed stream.</summary>
    Test,
}
