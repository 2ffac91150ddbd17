namespace DigitOcr.Imaging;

/// <summary>
/// Signs that an image file which did decode is damaged, so part of the picture may be missing or wrong: the codec
/// libraries' own messages while decoding it (libjpeg's <c>Corrupt JPEG data: premature end of data segment</c>,
/// libpng's warnings), captured instead of printed, and a JPEG or PNG end marker that is missing
/// (<see cref="ImageIntegrity"/>). From <see cref="Image.Decode(ReadOnlySpan{byte}, string, out ImageDamage?, DecodeOptions?)"/>.
/// </summary>
/// <param name="Truncation">Why the file looks cut short, or null when its end marker is there (or its format is not checked).</param>
/// <param name="DecoderMessages">What the codec libraries printed, one line each, without repeats.</param>
public sealed record ImageDamage(string? Truncation, IReadOnlyList<string> DecoderMessages)
{
    /// <summary>Lines of decoder output kept; more only repeat the same damage further on.</summary>
    public const int MaxDecoderMessages = 5;

    /// <summary>The damage found in a file that decoded with <paramref name="decoderOutput"/> printed, or null when there is none.</summary>
    internal static ImageDamage? Find(ReadOnlySpan<byte> data, string decoderOutput)
    {
        var truncation = ImageIntegrity.FindTruncation(data);
        var messages = DecoderLines(decoderOutput);
        return truncation is null && messages.Count == 0 ? null : new ImageDamage(truncation, messages);
    }

    /// <summary>The codec's output as distinct trimmed lines, at most <see cref="MaxDecoderMessages"/> and a count of the rest.</summary>
    internal static IReadOnlyList<string> DecoderLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        return lines.Count <= MaxDecoderMessages
            ? lines
            : [.. lines.Take(MaxDecoderMessages), $"({lines.Count - MaxDecoderMessages} more)"];
    }

    /// <summary>One line for a person: the truncation, then the decoder's messages quoted.</summary>
    /// <summary>The warning a reading of the damaged image carries: what is wrong, and what it means for the digits.</summary>
    public string ReadingWarning => $"{this}; digits in the damaged part may be missing or wrong";

    public override string ToString()
    {
        var parts = new List<string>();
        if (Truncation is not null)
        {
            parts.Add(Truncation);
        }

        if (DecoderMessages.Count > 0)
        {
            parts.Add($"the decoder reported: {string.Join(" | ", DecoderMessages)}");
        }

        return string.Join("; ", parts);
    }
}
