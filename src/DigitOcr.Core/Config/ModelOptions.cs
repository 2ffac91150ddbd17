namespace DigitOcr.Config;

/// <summary>
/// The detector's architecture: ResNet18 (BasicBlock, [2, 2, 2, 2]) + FPN decoder + SSD head. <see cref="Widths"/>
/// are the channels of the four ResNet stages (the reference: 64, 128, 256, 512); narrower widths make the lite model.
/// </summary>
public sealed record ModelOptions
{
    /// <summary>The feature extractor, by name (<c>DigitOcr.Model.Backbones</c>): "resnet18".</summary>
    public string Backbone { get; init; } = "resnet18";

    public int InputChannels { get; init; } = 1;

    /// <summary>Classes including background (class 0); digit d is class d + 1.</summary>
    public int NumClasses { get; init; } = 11;

    public IReadOnlyList<int> Widths { get; init; } = [64, 128, 256, 512];

    /// <summary>Anchors per feature-map cell (must match the prior options: 2 + 2 per extra aspect ratio).</summary>
    public int AnchorsPerCell { get; init; } = 4;

    public IEnumerable<string> Validate()
    {
        if (!DigitOcr.Model.Backbones.Names.Contains(Backbone))
        {
            yield return $"model.backbone must be one of: {string.Join(", ", DigitOcr.Model.Backbones.Names)}, got '{Backbone}'";
        }

        if (InputChannels < 1)
        {
            yield return $"model.inputChannels must be at least 1, got {InputChannels}";
        }

        if (NumClasses < 2)
        {
            yield return $"model.numClasses must be at least 2 (background + one class), got {NumClasses}";
        }

        if (Widths.Count != 4 || Widths.Any(w => w < 4 || w % 4 != 0))
        {
            yield return $"model.widths must be four stage widths, each a multiple of 4 (the FPN uses width/4), got [{string.Join(", ", Widths)}]";
        }
    }
}
