namespace DigitOcr.Server;

/// <summary>An uploaded image, still encoded: its bytes, and the name it came with (the form's file name, or "upload").</summary>
internal sealed record Upload(byte[] Bytes, string Name);
