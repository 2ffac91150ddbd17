namespace DigitOcr.Data.Annotated;

/// <summary>
/// One thing wrong with an annotated folder: the file (relative to the folder), where in it, and what is wrong, worded
/// with its fix. <see cref="ToString"/> is the line users see: <c>annotations.csv line 7: box [..] reaches outside ...</c>.
/// </summary>
public sealed record AnnotationProblem(string File, string? Location, string Message)
{
    public override string ToString() => Location is null ? $"{File}: {Message}" : $"{File} {Location}: {Message}";
}
