using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DigitOcr.Server;

/// <summary>
/// <c>POST /api/read</c>: one image in (the body, or the form field <c>image</c>), its reading out, as one line of
/// <c>detect --format jsonl</c> (<see cref="ReadingJson.Page"/>). In order: a place in the read queue (503 when it
/// is full), the upload (415 not an image type, 413 too large), decoding (400 with the decoder's reason), the read;
/// all within the request timeout (504).
/// </summary>
internal static class ReadEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<ServerOptions>();
        var reader = services.GetRequiredService<ServerReader>();
        var gate = services.GetRequiredService<ReadGate>();
        using var lease = gate.TryAdmit();
        if (lease is null)
        {
            await new ApiError(StatusCodes.Status503ServiceUnavailable,
                $"the server is busy: {gate.Capacity} read(s) already running or waiting; try again in a moment").WriteAsync(context.Response);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var (upload, error) = await UploadReader.ReadAsync(context.Request, options.MaxUploadBytes, timeout.Token);
            if (error is not null)
            {
                await error.WriteAsync(context.Response);
                return;
            }

            await services.GetRequiredService<UploadStore>().SaveAsync(upload!, timeout.Token);
            Image image;
            ImageDamage? damage;
            try
            {
                // A damaged upload is read, and its answer says so (never a silent partial reading).
                image = Image.Decode(upload!.Bytes, upload.Name, out damage, reader.Decode);
            }
            catch (ImageDecodeException e)
            {
                await new ApiError(StatusCodes.Status400BadRequest, $"{e.Message}; send a PNG, JPEG, BMP, TIFF or WebP image").WriteAsync(context.Response);
                return;
            }

            PageReading reading;
            var handedOver = false;
            try
            {
                // The image goes with the read: a request that times out must not free it under a read still running.
                reading = await lease.RunAsync(
                    () =>
                    {
                        using (image)
                        {
                            return reader.Read(image);
                        }
                    },
                    timeout.Token,
                    () => handedOver = true);
            }
            finally
            {
                if (!handedOver)
                {
                    image.Dispose();
                }
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(ReadingJson.Page(upload.Name, reading, damage?.ReadingWarning), context.RequestAborted);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            await new ApiError(StatusCodes.Status504GatewayTimeout,
                $"reading took longer than the server's limit of {options.RequestTimeout.TotalSeconds:0.###} s (upload, wait and read); try a smaller image, or start the server with a larger --timeout").WriteAsync(context.Response);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits on the body (a client sending too slowly, say).
            await new ApiError(e.StatusCode, $"the upload could not be read: {e.Message}").WriteAsync(context.Response);
        }
    }
}
