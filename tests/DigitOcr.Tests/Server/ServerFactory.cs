using DigitOcr.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace DigitOcr.Tests.Server;

/// <summary>
/// The server's own host (<see cref="DigitOcrServer.CreateHostBuilder"/>), run in memory on ASP.NET Core's test server.
/// The factory is keyed on the <c>digitocr</c> program (<see cref="Program"/>), the executable that serves: it needs an
/// assembly with an entry point, which the server library is not.
/// </summary>
internal sealed class ServerFactory(ServerOptions options, ServerReader reader) : WebApplicationFactory<Program>
{
    protected override IHostBuilder CreateHostBuilder() => DigitOcrServer.CreateHostBuilder(options, reader);
}
