namespace DigitOcr.Training;

/// <summary>Training stopped because a loss became NaN or infinite; the last good checkpoint was kept.</summary>
public sealed class NonFiniteLossException(string message) : Exception(message);
