namespace DigitOcr.Cli;

/// <summary>How <c>detect</c> prints each image's reading on stdout.</summary>
internal enum OutputFormat
{
    /// <summary>A summary line per image, then one indented line per number and the directory match.</summary>
    Text,

    /// <summary>One JSON object per line (see <see cref="DigitOcr.Inference.Json.ReadingJson"/>).</summary>
    Jsonl,
}
