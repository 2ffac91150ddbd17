namespace DigitOcr.Data.Mnist;

/// <summary>The contents of an IDX images file: <see cref="Count"/> images of <see cref="Rows"/> x <see cref="Columns"/> bytes, row-major, back to back.</summary>
/// <param name="Count">How many images.</param>
/// <param name="Rows">Height of each image in pixels.</param>
/// <param name="Columns">Width of each image in pixels.</param>
/// <param name="Pixels">All pixels, <c>Count x Rows x Columns</c> bytes.</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
