using DigitOcr.Config;

namespace DigitOcr.Model;

/// <summary>Backbones by the name a config gives in <c>model.backbone</c>.</summary>
public static class Backbones
{
    public const string ResNet18 = "resnet18";

    /// <summary>The names a config may use.</summary>
    public static IReadOnlyList<string> Names { get; } = [ResNet18];

    public static Backbone Create(ModelOptions options) => options.Backbone switch
    {
        ResNet18 => new ResNet18Backbone(options.InputChannels, options.Widths),
        _ => throw new ArgumentException($"model.backbone '{options.Backbone}' is unknown; use one of: {string.Join(", ", Names)}", nameof(options)),
    };
}
