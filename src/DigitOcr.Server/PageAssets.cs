using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace DigitOcr.Server;

/// <summary>The page (<c>GET /</c>) and its script and style, served from the assembly's embedded <c>wwwroot/</c>.</summary>
internal static class PageAssets
{
    /// <summary>Each path served, with its resource and content type.</summary>
    public static readonly IReadOnlyList<(string Path, string Resource, string ContentType)> Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
    ];

    private static readonly Assembly Assembly = typeof(PageAssets).Assembly;

    public static RequestDelegate Serve(string resource, string contentType)
    {
        var bytes = Load(resource);
        return async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        };
    }

    private static byte[] Load(string resource)
    {
        var name = "DigitOcr.Server.wwwroot." + resource;
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the page's '{resource}' is missing from {Assembly.GetName().Name} (embedded resource '{name}')");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
