namespace DigitOcr.Inference.Passes;

/// <summary>One tile along an axis: it reads [<see cref="Start"/>, Start + <see cref="Length"/>), padded to <see cref="Padded"/>, and owns [<see cref="Own1"/>, <see cref="Own2"/>).</summary>
public readonly record struct AxisSpan(int Start, int Length, int Padded, double Own1, double Own2);
