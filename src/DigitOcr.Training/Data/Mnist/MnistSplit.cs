namespace DigitOcr.Data.Mnist;

/// <summary>The two halves of an MNIST-format data set, as published.</summary>
public enum MnistSplit
{
    /// <summary><c>train-*-ubyte</c>: 60,000 items.</summary>
    Train,

    /// <summary><c>t10k-*-ubyte</c>: 10,000 items.</summary>
    Test,
}
