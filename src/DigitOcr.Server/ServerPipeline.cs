using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitOcr.Server;

/// <summary>The server's routes: the page and its files, <c>/healthz</c>, <c>POST /api/read</c>, <c>/api/stream</c>; 404 elsewhere.</summary>
internal static class ServerPipeline
{
    public static void Configure(IApplicationBuilder app)
    {
        app.UseWebSockets();
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            foreach (var (path, resource, contentType) in PageAssets.Files)
            {
                endpoints.MapGet(path, PageAssets.Serve(resource, contentType));
            }

            endpoints.MapGet("/healthz", HealthEndpoint.HandleAsync);
            endpoints.MapPost("/api/read", ReadEndpoint.HandleAsync);
            endpoints.Map("/api/stream", StreamEndpoint.HandleAsync);
            endpoints.MapFallback(context => new ApiError(StatusCodes.Status404NotFound,
                $"nothing at {context.Request.Method} {context.Request.Path}; the page is at /, the API at POST /api/read, /api/stream and /healthz").WriteAsync(context.Response));
        });
    }
}
