using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation;

/// <summary>
/// One augmentation step. Every step has this one signature: it changes a <see cref="Scene"/> (picture, digits
/// with their ink, labels) in place, drawing every random choice from the <see cref="Random"/> it is given, so a
/// whole pipeline is reproducible from one seed. A step that acts records its name (<see cref="TransformNames"/>)
/// with <see cref="Scene.Record"/>. Steps are immutable and may be shared between threads; scenes may not.
/// </summary>
public interface ISceneTransform
{
    /// <summary>Applies the step to <paramref name="scene"/>, drawing from <paramref name="rng"/>.</summary>
    void Apply(Scene scene, Random rng);
}
