namespace DigitOcr.Evaluation;

/// <summary>Which test pages <see cref="PageEvaluation"/> reads (<see cref="EvaluationPages"/> makes them, always from MNIST test digits).</summary>
public enum EvaluationPreset
{
    /// <summary>The <c>pages</c> training preset's own mix, drawn from MNIST test digits.</summary>
    Pages,

    /// <summary>
    /// What a user gets from a clear photo: a few numbers on plain paper, mild rotation, perspective, blur, JPEG and a
    /// little clutter; no rules, form boxes, strike-throughs, touching digits or low contrast.
    /// </summary>
    Clean,

    /// <summary>
    /// The conditions that break readers, each far more often than in training: ruled lines, form boxes, underlines and
    /// rectangles through the strokes, touching digits, strike-throughs, scribbles beside numbers, low contrast,
    /// shadows, stronger rotation and perspective.
    /// </summary>
    Hard,

    /// <summary>Small writing on large photos (<see cref="SmallWritingPages"/>): 2000-4000 px, digits 10-40 px tall.</summary>
    SmallWriting,

    /// <summary>
    /// The reference's own protocol (REFERENCE.md): one MNIST test digit on a 224x224 canvas (test digit <c>i</c> is
    /// page <c>i</c>, up to 10,000), light or dark, thresholded or eroded as the reference's pipeline draws it, scored
    /// against tight ink boxes. No numbers: digit mAP only.
    /// </summary>
    Reference,
}
