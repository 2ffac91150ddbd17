using DigitOcr.Inference;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Server;
using DigitOcr.Tests.Support;
using Microsoft.Playwright;

namespace DigitOcr.Tests.Browser;

/// <summary>
/// <c>digitocr serve</c> with the shipped model and the sample directory, on a free port of this machine, and Debian's
/// Chromium (<see cref="ChromiumPath"/>, installed by scripts/setup.sh; never a downloaded browser) driven by
/// Playwright, its camera a fake one that plays a clip of a test page (the sample page's second line, 8006490213,
/// Alan Turing's number). Shared by the browser tests; each opens its own page.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The upload limit the server runs with, small so that an oversized upload is small too.</summary>
    public const long MaxUploadBytes = 1024 * 1024;

    private readonly TempFolder folder = new("digitocr-browser-");
    private DigitDetector? detector;
    private RunningServer? server;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address => server!.Address;

    public string Folder => folder.Path;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: scripts/setup.sh installs Debian's chromium package");
        var clip = folder.File("camera.y4m");
        using (var line = TestClips.SampleLine(1))
        {
            TestClips.Write(clip, [(line, 30)], width: 640, height: 480, fps: 15);
        }

        detector = DigitDetector.Load();
        var directory = PhoneDirectory.Load(Path.Combine(AppContext.BaseDirectory, "samples", "phones.csv"));
        server = await DigitOcrServer.StartAsync(
            new ServerOptions { Port = 0, MaxUploadBytes = MaxUploadBytes },
            new ServerReader(new PageReader(detector, directory: directory), detector.Options.Decode));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 120_000,
            Args =
            [
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                $"--use-file-for-fake-video-capture={clip}",
            ],
        });
    }

    /// <summary>A new page of the server, in a context of its own, with the camera allowed.</summary>
    public async Task<IPage> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1200, Height = 820 },
            Permissions = ["camera"],
            BaseURL = Address.ToString(),
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        detector?.Dispose();
        folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
