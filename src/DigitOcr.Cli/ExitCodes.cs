namespace DigitOcr.Cli;

/// <summary>The exit codes of <c>digitocr</c> (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Every image was read.</summary>
    public const int Success = 0;

    /// <summary>Some inputs could not be read (reported on stderr and skipped), or were read with warnings under <c>--strict</c>.</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>Nothing was read: a bad option or argument, no images, or a model or directory that cannot be loaded.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected error (a bug): one line on stderr, the stack trace with <c>--verbose</c>.</summary>
    public const int Internal = 3;
}
