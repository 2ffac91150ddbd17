using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DigitOcr.Server;

/// <summary>
/// <c>GET /healthz</c>: 200 and <c>{"status": "ok", "reads": {"running": 1, "waiting": 0, "capacity": 17}, "streams": 0,
/// "memory": {"residentBytes": ..., "managedBytes": ...}}</c> while the server answers: its read queue, its live streams,
/// and its memory (resident: the whole process, native included; managed: the .NET heap).
/// </summary>
internal static class HealthEndpoint
{
    public static Task HandleAsync(HttpContext context)
    {
        var gate = context.RequestServices.GetRequiredService<ReadGate>();
        var streams = context.RequestServices.GetRequiredService<StreamLimit>();
        var running = gate.Running;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = "ok",
            reads = new { running, waiting = Math.Max(0, gate.Admitted - running), capacity = gate.Capacity },
            streams = streams.Open,
            memory = new { residentBytes = Environment.WorkingSet, managedBytes = GC.GetTotalMemory(forceFullCollection: false) },
        }));
    }
}
