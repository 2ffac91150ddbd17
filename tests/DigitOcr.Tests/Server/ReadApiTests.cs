using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DigitOcr.Imaging;
using DigitOcr.Inference;
using DigitOcr.Inference.Json;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Server;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Server;

/// <summary><c>POST /api/read</c>, the page and <c>/healthz</c>, through the server's own pipeline in memory.</summary>
public sealed class ReadApiTests : IDisposable
{
    private readonly ServerFactory factory = new(new ServerOptions(), FakeReaders.Fixed());

    public void Dispose() => factory.Dispose();

    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public async Task AnImageBody_IsAnsweredWithTheSameJsonAsADetectLine()
    {
        // The shipped model: the answer must be exactly what detect --format jsonl prints for the same image.
        using var detector = DigitDetector.Load();
        var reader = new PageReader(detector, directory: PhoneDirectory.Load(Path.Combine(AppContext.BaseDirectory, "samples", "phones.csv")));
        using var real = new ServerFactory(new ServerOptions(), new ServerReader(reader, detector.Options.Decode));
        using var client = real.CreateClient();
        var bytes = File.ReadAllBytes(SamplePage);

        using var answer = await client.PostAsync("/api/read", Body(bytes, "image/png"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        using var image = Image.Decode(bytes, "upload");
        Assert.Equal(ReadingJson.Page("upload", reader.Read(image)), await answer.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("Ada Lovelace", json.RootElement.GetProperty("numbers")[0].GetProperty("match").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AMultipartFieldImage_IsRead_AndNamedAfterItsFile()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a note"), "comment" },
            { Body(FakeReaders.Png(), "image/png"), "image", "scan 1.png" },
        };

        using var answer = await client.PostAsync("/api/read", form);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("scan 1.png", json.RootElement.GetProperty("image").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(FakeReaders.Number, json.RootElement.GetProperty("numbers")[0].GetProperty("text").GetString());
        Assert.Equal("Ada Lovelace", json.RootElement.GetProperty("match").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AFormWithoutTheImageField_Gets400_SayingWhichField()
    {
        using var client = factory.CreateClient();
        using var form = new MultipartFormDataContent { { Body(FakeReaders.Png(), "image/png"), "picture", "p.png" } };

        var (status, error) = await Post(client, form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("the form has no field 'image'", error);
    }

    [Fact]
    public async Task AText_Gets415_SayingWhatToSend()
    {
        using var client = factory.CreateClient();

        var (status, error) = await Post(client, new StringContent("call me at 555 123 4567"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("the upload is text/plain, not an image; send a PNG, JPEG, BMP, TIFF or WebP image (Content-Type image/*), or the form field 'image'", error);
    }

    [Fact]
    public async Task BytesThatDoNotDecode_Get400_WithTheDecodersReason()
    {
        using var client = factory.CreateClient();

        var (status, error) = await Post(client, Body("not a png"u8.ToArray(), "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("cannot read image 'upload': not a decodable image (9 bytes starting with 6e 6f 74 20 61 20 70 6e)", error);
    }

    [Fact]
    public async Task AJpegCutShort_IsRead_WithAWarningThatTheReadingMayBePartial()
    {
        using var client = factory.CreateClient();
        using var page = Image.Decode(FakeReaders.Png(320, 240), "page");
        var cut = DamagedImages.CutJpegScan(page.Encode(ImageFormat.Jpeg), 0.5);

        using var answer = await client.PostAsync("/api/read", Body(cut, "image/jpeg"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var warning = json.RootElement.GetProperty("warning").GetString();
        Assert.Contains("cut short", warning);
        Assert.EndsWith("digits in the damaged part may be missing or wrong", warning);
    }

    [Fact]
    public async Task AWholeImage_HasNoWarning()
    {
        using var client = factory.CreateClient();

        using var answer = await client.PostAsync("/api/read", Body(FakeReaders.Png(), "image/png"));

        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.TryGetProperty("warning", out _));
    }

    [Fact]
    public async Task AnEmptyBody_Gets400()
    {
        using var client = factory.CreateClient();
        var (status, error) = await Post(client, Body([], "image/jpeg"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("the request body is empty", error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnUploadOverTheLimit_Gets413_AndTheServerAnswersAfterwards(bool sayLength)
    {
        // With Content-Length the size is refused before reading; chunked, reading stops at the limit.
        using var small = new ServerFactory(new ServerOptions { MaxUploadBytes = 100_000 }, FakeReaders.Fixed());
        using var client = small.CreateClient();
        var big = new byte[150_000];
        HttpContent content = sayLength ? Body(big, "image/png") : new StreamContent(new NoLengthStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var (status, error) = await Post(client, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("the limit of 0.1 MB; scale the image down, or start the server with a larger --max-upload-mb", error);
        using var after = await client.PostAsync("/api/read", Body(FakeReaders.Png(), "image/png"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Healthz_Answers200_WithTheReadQueue()
    {
        using var client = factory.CreateClient();

        using var answer = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(17, json.RootElement.GetProperty("reads").GetProperty("capacity").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("reads").GetProperty("running").GetInt32());
        Assert.True(json.RootElement.GetProperty("memory").GetProperty("residentBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task ThePage_IsServedWithItsInputsScriptAndStyle()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/");
        using var script = await client.GetAsync("/app.js");
        using var style = await client.GetAsync("/app.css");

        Assert.Contains("id=\"photo\"", page);
        Assert.Contains("capture=\"environment\"", page);
        Assert.Contains("id=\"file\"", page);
        Assert.Contains("id=\"camera-button\"", page);
        Assert.Contains("id=\"drop\"", page);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/stream", await script.Content.ReadAsStringAsync());
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownPath_Gets404_NamingTheRoutes()
    {
        using var client = factory.CreateClient();
        var (status, error) = await Get(client, "/api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("POST /api/read", error);
    }

    [Fact]
    public async Task WithASaveFolder_UploadsAreKept_AndWithoutOne_NothingIsWritten()
    {
        using var folder = new TempFolder("digitocr-save-");
        using (var keeping = new ServerFactory(new ServerOptions { SaveFolder = folder.Path }, FakeReaders.Fixed()))
        using (var client = keeping.CreateClient())
        {
            using var form = new MultipartFormDataContent { { Body(FakeReaders.Png(), "image/png"), "image", "../../etc/scan.png" } };
            using var answer = await client.PostAsync("/api/read", form);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var saved = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.EndsWith("-000001-scan.png", saved);
        Assert.Equal(FakeReaders.Png(), File.ReadAllBytes(saved));
        Assert.Null(await new UploadStore(null).SaveAsync(new Upload([1, 2, 3], "x.png"), CancellationToken.None));
    }

    internal static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    internal static async Task<(HttpStatusCode Status, string Error)> Post(HttpClient client, HttpContent content)
    {
        using var answer = await client.PostAsync("/api/read", content);
        return (answer.StatusCode, await ErrorOf(answer));
    }

    private static async Task<(HttpStatusCode Status, string Error)> Get(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path);
        return (answer.StatusCode, await ErrorOf(answer));
    }

    internal static async Task<string> ErrorOf(HttpResponseMessage answer)
    {
        var body = await answer.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("error").GetString()!;
    }

    /// <summary>A body whose length is not known in advance (sent chunked).</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
