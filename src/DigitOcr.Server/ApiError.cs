using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DigitOcr.Server;

/// <summary>An answer that is not a reading: a status code and one line saying what went wrong and what to do, as <c>{"error": "..."}</c>.</summary>
internal sealed record ApiError(int Status, string Message)
{
    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        if (Status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = "1";
        }

        return response.WriteAsync(JsonSerializer.Serialize(new { error = Message }));
    }
}
