namespace DigitOcr.Data.Annotated;

/// <summary>
/// Where something was declared: a file of the annotated folder (its name, relative to the folder) and the place in
/// it — <c>line 7</c> for CSV and XML, a JSON path such as <c>annotations[12] (id 13)</c> for COCO, or null for the
/// whole file.
/// </summary>
public readonly record struct AnnotationSource(string File, string? Location = null)
{
    /// <summary>A problem found here.</summary>
    public AnnotationProblem Problem(string message) => new(File, Location, message);

    public override string ToString() => Location is null ? File : $"{File} {Location}";
}
