using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Cli;

/// <summary><c>digitocr serve</c> as users run it: a process that says where it listens, answers, and stops on Ctrl-C.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_SaysWhereItListens_Reads_AndStopsCleanlyOnCtrlC()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "samples", "phones.csv");
        using var serve = new CliSession(CliProcess.Digitocr, ["serve", "--port", "0", "--directory", directory, "--pyramid", "1"]);
        var line = await serve.WaitForLineAsync("listening on ");
        var address = new Uri(line["listening on ".Length..].Trim());
        Assert.Equal("127.0.0.1", address.Host);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var body = new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png")));
        body.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var answer = await client.PostAsync("/api/read", body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("Alan Turing", json.RootElement.GetProperty("match").GetProperty("name").GetString());

        serve.Interrupt();

        var exitCode = await serve.WaitForExitAsync();
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{serve}");
        Assert.Contains("digitocr: stopped", serve.Errors);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("/healthz"));
    }

    [Theory]
    [InlineData("--host example.com", "--host must be one of localhost, *, or an IP address; got 'example.com'.")]
    [InlineData("--host abc.de", "--host must be localhost, an IP address (such as 0.0.0.0) or *; got 'abc.de'")]
    [InlineData("--port 70000", "--port must be a whole number from 0 to 65535; got '70000'.")]
    [InlineData("--max-upload-mb 0", "--max-upload-mb must be a whole number from 1 to 1024; got '0'.")]
    [InlineData("--backend tpu", "--backend must be one of libtorch, onnxruntime; got 'tpu'.")]
    public void BadOptions_AreOneLineNamingThem_Exit2(string arguments, string message)
    {
        var result = CliProcess.Run(CliProcess.Digitocr, ["serve", .. arguments.Split(' ')]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }
}
