namespace DigitOcr.Imaging;

/// <summary>How <see cref="Image.DrawImage"/> combines a pasted image with the pixels beneath it.</summary>
public enum PasteMode
{
    /// <summary>The pasted pixels replace those beneath.</summary>
    Copy = 0,

    /// <summary>Per pixel and channel, the larger value wins (bright ink over a dark ink layer).</summary>
    Max = 1,

    /// <summary>Per pixel and channel, the smaller value wins (dark ink over light paper).</summary>
    Min = 2,
}
