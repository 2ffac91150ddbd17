using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Torch;

namespace DigitOcr.Training;

/// <summary>
/// A fixed set the trainer scores the model on after each epoch: the synthetic sets of <see cref="ValidationSet"/>
/// (images at the training input size) and the user's held-out images of <see cref="AnnotatedValidationSet"/>
/// (whole images of any size).
/// </summary>
public interface IValidationSet
{
    /// <summary>The set's name in logs and <c>metrics.csv</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Scores <paramref name="model"/> (put in eval mode for the duration). <paramref name="priors"/> are the training
    /// input size's priors, on the model's device; a set of other sizes makes its own there.
    /// </summary>
    ValidationResult Evaluate(SsdDetector model, Tensor priors, DetectionPostprocessor postprocessor);
}
