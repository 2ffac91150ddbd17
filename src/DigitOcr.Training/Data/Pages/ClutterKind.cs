namespace DigitOcr.Data.Pages;

/// <summary>What a clutter item is; the order is the order of the weights a kind is drawn with (<see cref="ClutterPlanner"/>).</summary>
internal enum ClutterKind
{
    /// <summary>A long straight stroke (<see cref="ClutterOptions.LineWeight"/>).</summary>
    Line,

    /// <summary>A rectangle larger than a digit (<see cref="ClutterOptions.BoxWeight"/>).</summary>
    Box,

    /// <summary>A looping cursive stroke (<see cref="ClutterOptions.ScribbleWeight"/>).</summary>
    Scribble,

    /// <summary>Letters unlike any digit (<see cref="ClutterOptions.LettersWeight"/>).</summary>
    Letters,

    /// <summary>A Fashion-MNIST item (<see cref="ClutterOptions.FashionWeight"/>).</summary>
    Fashion,
}
