using DigitOcr.Data.Scenes;

namespace DigitOcr.Data.Augmentation;

/// <summary>An ordered list of steps applied one after another with the same random source; itself a step.</summary>
public sealed class Pipeline : ISceneTransform
{
    /// <summary>A pipeline of <paramref name="steps"/>, in order.</summary>
    public Pipeline(IEnumerable<ISceneTransform> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.ToArray();
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<ISceneTransform> Steps { get; }

    public void Apply(Scene scene, Random rng)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(rng);
        foreach (var step in Steps)
        {
            step.Apply(scene, rng);
        }
    }
}
