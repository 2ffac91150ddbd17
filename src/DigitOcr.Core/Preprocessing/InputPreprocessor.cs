using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.Torch;

namespace DigitOcr.Preprocessing;

/// <summary>
/// Turns a gray image into the network input of one pass: resized with area interpolation to the pass's size,
/// normalised as <see cref="ImageNormalization"/> says, padded with white (normalised) to the padded size. The pixels
/// are copied into a tensor once, natively (<see cref="Image.ToTensor"/>: a managed copy of a page cost more than the
/// rest of this); normalising and padding are tensor ops.
/// </summary>
public static class InputPreprocessor
{
    /// <summary>A <c>[1, H, W]</c> float32 tensor (padded size) of <paramref name="gray"/> (one channel) for <paramref name="pass"/>.</summary>
    public static Tensor Prepare(Image gray, DetectorPass pass)
    {
        if (gray.Channels != 1)
        {
            throw new ArgumentException($"the detector's input is one gray channel, got {gray.Channels}", nameof(gray));
        }

        using var scope = torch.NewDisposeScope();
        using var resized = pass.IsNativeSize ? null : gray.Resize(pass.Width, pass.Height, Interpolation.Area);
        var pixels = (resized ?? gray).ToTensor().view(1, pass.Height, pass.Width);
        var input = torch.full([1, pass.PaddedHeight, pass.PaddedWidth], ImageNormalization.Levels[byte.MaxValue]);
        input.narrow(1, 0, pass.Height).narrow(2, 0, pass.Width).copy_(ImageNormalization.Normalize(pixels));
        return input.MoveToOuterDisposeScope();
    }
}
