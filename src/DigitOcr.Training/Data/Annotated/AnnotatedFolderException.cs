namespace DigitOcr.Data.Annotated;

/// <summary>
/// An annotated folder that cannot be used: it is missing, holds no annotations or several formats at once, or its
/// annotations have <see cref="Problems"/> (every one found, each with its file and line or JSON element). The
/// <see cref="Exception.Message"/> is the headline and then one problem per line.
/// </summary>
public sealed class AnnotatedFolderException : Exception
{
    public AnnotatedFolderException(string folder, string headline, IReadOnlyList<AnnotationProblem>? problems = null)
        : base(Compose(headline, problems ?? []))
    {
        Folder = folder;
        Headline = headline;
        Problems = problems ?? [];
    }

    /// <summary>The folder as given.</summary>
    public string Folder { get; }

    /// <summary>What is wrong, in one sentence (with the count of problems when there are some).</summary>
    public string Headline { get; }

    /// <summary>Every problem found, in file order; empty when the headline says it all.</summary>
    public IReadOnlyList<AnnotationProblem> Problems { get; }

    private static string Compose(string headline, IReadOnlyList<AnnotationProblem> problems) =>
        problems.Count == 0 ? headline : headline + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p));
}
