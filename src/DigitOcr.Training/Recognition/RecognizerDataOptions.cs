using DigitOcr.Data.Pages;

namespace DigitOcr.Training.Recognition;

/// <summary>
/// Where the recognizer's crops come from: whole <c>pages</c>-preset pages (MNIST training digits for training, test
/// digits for validation), each read by the shipped detector so that the crops are the boxes the recognizer will
/// really see — its true digits with their box noise and the marks that fool it today — plus ground-truth boxes with
/// jitter and deliberately wrong boxes (half digits, two digits at once, background).
/// </summary>
public sealed record RecognizerDataOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Training pages harvested for crops (each gives about 60-80 crops).</summary>
    public int TrainPages { get; init; } = 2000;

    /// <summary>Validation pages, made from MNIST test digits.</summary>
    public int ValidationPages { get; init; } = 150;

    /// <summary>The detector reads every n-th page (1: all); the others give ground-truth and synthetic boxes only (harvest time is mostly the detector's).</summary>
    public int DetectEvery { get; init; } = 1;

    /// <summary>The detector whose boxes are harvested (a model file, relative to the working folder).</summary>
    public string Detector { get; init; } = "models/digitocr-lite.pt";

    /// <summary>Copies of each ground-truth digit with its box shifted and scaled a little (positives).</summary>
    public int JitteredCopies { get; init; } = 1;

    /// <summary>
    /// Ground-truth digits per page read again as if the picture's edge cut them (<see cref="CropHarvester"/>): the
    /// page ends inside the digit, 5-30 % of its box beyond the edge, and the crop replicates the edge's pixels outward
    /// as it does at inference. A digit with most of its ink in the picture is still to be read; without such crops
    /// the recognizer read the replicated streaks as other digits (a 0 cut on the right as a 6). 0: none.
    /// </summary>
    public int EdgeCutCopies { get; init; }

    /// <summary>Boxes per page placed on background, clutter, lines and crossed-out marks (IoU below 0.1 with any digit).</summary>
    public int BackgroundNegatives { get; init; } = 10;

    /// <summary>Boxes per page shifted half a digit sideways, so they hold parts of two digits or a digit and a gap.</summary>
    public int HalfDigitNegatives { get; init; } = 4;

    /// <summary>Boxes per page around two neighbouring digits at once.</summary>
    public int PairNegatives { get; init; } = 3;

    /// <summary>
    /// The pages crops are harvested from, as a detector config's <c>data.pages</c>; null: the <c>pages</c> preset's
    /// own. A harder mix (more touching, crossed-out and ruled-through digits, lower contrast) gives the recognizer more
    /// of the marks it misreads on such pages. Validation pages are drawn from the same mix.
    /// </summary>
    public PageOptions? Pages { get; init; }

    /// <summary>Plain MNIST training digits added as crops beside the harvested ones (<see cref="MnistCrops"/>); 0 for none.</summary>
    public int MnistDigits { get; init; }

    /// <summary>How each crop is varied when it is drawn for a training step.</summary>
    public RecognizerAugmentOptions Augment { get; init; } = new();

    /// <summary>A detection counts as its digit at IoU at least this with a ground-truth box.</summary>
    public double PositiveIoU { get; init; } = 0.5;

    /// <summary>A detection is "not a digit" when its IoU with every box (ignored ones included) is below this.</summary>
    public double NegativeIoU { get; init; } = 0.3;

    public IEnumerable<string> Validate()
    {
        if (TrainPages < 1)
        {
            yield return $"data.trainPages must be at least 1, got {TrainPages}";
        }

        if (ValidationPages < 0)
        {
            yield return $"data.validationPages must be at least 0, got {ValidationPages}";
        }

        if (DetectEvery < 1)
        {
            yield return $"data.detectEvery must be at least 1, got {DetectEvery}";
        }

        if (string.IsNullOrWhiteSpace(Detector))
        {
            yield return "data.detector must name a detector model file (for example models/digitocr-lite.pt)";
        }

        if (JitteredCopies < 0 || EdgeCutCopies < 0 || BackgroundNegatives < 0 || HalfDigitNegatives < 0 || PairNegatives < 0)
        {
            yield return $"data.jitteredCopies, edgeCutCopies, backgroundNegatives, halfDigitNegatives and pairNegatives must be at least 0, got {JitteredCopies}, {EdgeCutCopies}, {BackgroundNegatives}, {HalfDigitNegatives} and {PairNegatives}";
        }

        if (MnistDigits < 0)
        {
            yield return $"data.mnistDigits must be at least 0, got {MnistDigits}";
        }

        foreach (var problem in Pages?.Validate().Within("data.pages") ?? [])
        {
            yield return problem;
        }

        foreach (var problem in Augment.Validate())
        {
            yield return $"data.augment.{char.ToLowerInvariant(problem[0])}{problem[1..]}";
        }

        if (NegativeIoU is <= 0 or > 0.5 || PositiveIoU < NegativeIoU || PositiveIoU > 1)
        {
            yield return $"data.negativeIoU must be in (0, 0.5] and positiveIoU in [negativeIoU, 1], got {NegativeIoU} and {PositiveIoU}";
        }
    }
}
