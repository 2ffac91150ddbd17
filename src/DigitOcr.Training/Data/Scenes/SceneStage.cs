namespace DigitOcr.Data.Scenes;

/// <summary>What a <see cref="Scene"/>'s picture holds.</summary>
public enum SceneStage
{
    /// <summary>Ink coverage: 0 is bare background, 255 full ink. Layout and geometry happen here.</summary>
    Ink,

    /// <summary>A gray photograph-like picture (paper, ink, light, noise): what the detector sees.</summary>
    Photo,
}
