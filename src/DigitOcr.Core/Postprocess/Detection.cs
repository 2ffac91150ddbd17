using DigitOcr.Boxes;

namespace DigitOcr.Postprocess;

/// <summary>A detected digit: the digit 0-9, its score (softmax probability) and its box in pixels (corner form).</summary>
public readonly record struct Detection(int Digit, float Score, Box Box);
