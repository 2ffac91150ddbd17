namespace DigitOcr.Inference.Benchmarks;

/// <summary>
/// The network's timed runs: <see cref="Wall"/>, the elapsed time of each, and <see cref="Cpu"/>, the processor time
/// the whole process spent on each (all threads; idle threads that sleep add nothing, threads that spin do). On a busy
/// machine the wall time grows with the other programs' load while the processor time stays close to the work done.
/// </summary>
public sealed record NetworkTiming(LatencySummary Wall, LatencySummary Cpu);
