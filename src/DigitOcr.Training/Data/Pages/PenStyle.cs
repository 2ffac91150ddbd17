using DigitOcr.Data.Sampling;

namespace DigitOcr.Data.Pages;

/// <summary>
/// A page's writing instrument: MNIST's own stroke, a thin pen (a fixed width in pixels) or a marker (a fraction
/// of the digit height). MNIST strokes are about <see cref="NaturalWidth"/> of the ink height.
/// </summary>
internal sealed record PenStyle(PenKind Kind, double Width)
{
    /// <summary>MNIST's stroke width as a fraction of the digit's ink height (about 2.4 px on 20 px).</summary>
    public const double NaturalWidth = 0.12;

    /// <summary>Draws a page's pen.</summary>
    public static PenStyle Draw(PenOptions options, Random rng)
    {
        var roll = rng.NextDouble();
        if (roll < options.ThinProbability)
        {
            return new PenStyle(PenKind.Thin, rng.Uniform(options.ThinWidth));
        }

        return roll < options.ThinProbability + options.MarkerProbability
            ? new PenStyle(PenKind.Marker, rng.Uniform(options.MarkerWidth))
            : new PenStyle(PenKind.Natural, NaturalWidth);
    }

    /// <summary>The stroke width in pixels for digits of ink height <paramref name="height"/>.</summary>
    public double StrokeWidth(double height) => Kind == PenKind.Thin ? Width : Width * height;

    /// <summary>The same pen's width for separators, underlines and strike-throughs, at least 1 pixel.</summary>
    public int LineThickness(double height) => Math.Max(1, (int)Math.Round(StrokeWidth(height)));

    /// <summary>3x3 morphology steps (each changes a stroke by 2 px) that turn MNIST's stroke into this pen's.</summary>
    public int MorphologySteps(double height) =>
        Kind == PenKind.Natural ? 0 : (int)Math.Round((StrokeWidth(height) - (NaturalWidth * height)) / 2.0);
}

/// <summary>What kind of instrument a <see cref="PenStyle"/> is.</summary>
internal enum PenKind
{
    Natural,
    Thin,
    Marker,
}
