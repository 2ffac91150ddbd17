namespace DigitOcr.Imaging;

/// <summary>
/// How a warp fills destination pixels that map outside the source. Values are OpenCV's <c>cv::BorderTypes</c>,
/// illustrated on a row <c>abcdefgh</c>.
/// </summary>
public enum BorderMode
{
    /// <summary><c>iiiiii|abcdefgh|iiiiiii</c>: a constant value (the warp's <c>borderValue</c>).</summary>
    Constant = 0,

    /// <summary><c>aaaaaa|abcdefgh|hhhhhhh</c>: the edge pixel repeated.</summary>
    Replicate = 1,

    /// <summary><c>fedcba|abcdefgh|hgfedcb</c>: mirrored, edge pixel included.</summary>
    Reflect = 2,

    /// <summary><c>cdefgh|abcdefgh|abcdefg</c>: wrapped around.</summary>
    Wrap = 3,

    /// <summary><c>gfedcb|abcdefgh|gfedcba</c>: mirrored, edge pixel not repeated.</summary>
    Reflect101 = 4,
}
