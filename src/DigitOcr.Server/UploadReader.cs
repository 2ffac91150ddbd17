using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DigitOcr.Server;

/// <summary>
/// Takes the image out of a <c>POST /api/read</c> request: the body itself (<c>image/*</c>, or
/// <c>application/octet-stream</c>, or no content type), or the field <c>image</c> of a <c>multipart/form-data</c>
/// body. The body is read into memory up to the size limit and no further (413 beyond it); other content types get
/// 415. Nothing is written to disk.
/// </summary>
internal static class UploadReader
{
    public const string FieldName = "image";
    private const string DefaultName = "upload";

    /// <summary>The upload, or the error to answer with.</summary>
    public static async Task<(Upload? Upload, ApiError? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType;
        var multipart = contentType is not null && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (!multipart && !IsImageType(contentType))
        {
            return (null, NotAnImage(contentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(request.ContentLength.Value, maxBytes));
        }

        var body = await ReadBodyAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, TooLarge(null, maxBytes));
        }

        if (!multipart)
        {
            return body.Length == 0
                ? (null, new ApiError(StatusCodes.Status400BadRequest, "the request body is empty; send the image as the body (Content-Type image/png, image/jpeg, ...) or as the form field 'image'"))
                : (new Upload(body, DefaultName), null);
        }

        return await FromFormAsync(contentType!, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (memory.Length + n > maxBytes)
            {
                return null;
            }

            memory.Write(buffer, 0, n);
        }

        return memory.ToArray();
    }

    private static async Task<(Upload?, ApiError?)> FromFormAsync(string contentType, byte[] body, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || HeaderUtilities.RemoveQuotes(media.Boundary).Length == 0)
        {
            return (null, new ApiError(StatusCodes.Status400BadRequest, "the multipart/form-data body has no boundary; let the HTTP client build the form"));
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(media.Boundary).Value!, new MemoryStream(body));
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FieldName, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!IsImageType(section.ContentType))
                {
                    return (null, NotAnImage(section.ContentType));
                }

                using var part = new MemoryStream();
                await section.Body.CopyToAsync(part, cancellationToken).ConfigureAwait(false);
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return part.Length == 0
                    ? (null, new ApiError(StatusCodes.Status400BadRequest, $"the form field '{FieldName}' is empty; choose an image file"))
                    : (new Upload(part.ToArray(), string.IsNullOrWhiteSpace(name) ? DefaultName : Path.GetFileName(name)), null);
            }
        }
        catch (IOException e)
        {
            return (null, new ApiError(StatusCodes.Status400BadRequest, $"the multipart/form-data body is malformed: {e.Message}"));
        }

        return (null, new ApiError(StatusCodes.Status400BadRequest, $"the form has no field '{FieldName}'; send the image as the form field '{FieldName}'"));
    }

    /// <summary>image/*, application/octet-stream, or nothing said: worth decoding (the decoder has the last word).</summary>
    private static bool IsImageType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var type = contentType.Split(';')[0].Trim();
        return type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);
    }

    private static ApiError NotAnImage(string? contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        $"the upload is {contentType!.Split(';')[0].Trim()}, not an image; send a PNG, JPEG, BMP, TIFF or WebP image (Content-Type image/*), or the form field '{FieldName}'");

    private static ApiError TooLarge(long? length, long maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        (length is { } n ? $"the upload is {Megabytes(n)}, more than" : "the upload is larger than")
        + $" the limit of {Megabytes(maxBytes)}; scale the image down, or start the server with a larger --max-upload-mb");

    internal static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");
}
