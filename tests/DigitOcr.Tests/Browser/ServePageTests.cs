using DigitOcr.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DigitOcr.Tests.Browser;

/// <summary>
/// The page of <c>digitocr serve</c> in a real browser: what a person does (upload, camera) and what they see. Every
/// wait is on something showing up on the page (Playwright's expectations), with a generous bound; none is a sleep.
/// Set DIGITOCR_UPDATE_SCREENSHOTS=1 to write docs/images/serve-page.png from the upload test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServePageTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 120_000 };

    private static string SamplePage => Path.Combine(AppContext.BaseDirectory, "samples", "sample-page.png");

    [Fact]
    public async Task UploadingAPage_ShowsItsNumbersBoxed_AndWhoseTheyAre()
    {
        var page = await browser.OpenAsync();

        await page.Locator("#file").SetInputFilesAsync(SamplePage);

        await Expect(page.Locator("#status")).ToContainTextAsync("2 number(s) in sample-page.png", Patiently);
        var numbers = page.Locator("#numbers li");
        await Expect(numbers).ToHaveCountAsync(2);
        await Expect(numbers.Nth(0)).ToContainTextAsync("Ada Lovelace");
        await Expect(numbers.Nth(1)).ToContainTextAsync("8006490213");
        await Expect(numbers.Nth(1)).ToContainTextAsync("Alan Turing");
        await Expect(page.Locator("#person")).ToContainTextAsync("Alan Turing");

        // The image is drawn at its own size with the boxes on it (the canvas took the page's 760 x 300).
        Assert.Equal("760", await page.Locator("#view").GetAttributeAsync("width"));
        await Screenshot(page, "serve-page.png", forDocs: true);
    }

    [Fact]
    public async Task TheCamera_ShowsTheStableNumber_AndWhoseItIs()
    {
        var page = await browser.OpenAsync();

        await page.Locator("#camera-button").ClickAsync();

        await Expect(page.Locator("#stable")).ToHaveAttributeAsync("data-number", TestClips.SampleNumbers[1], new() { Timeout = 120_000 });
        await Expect(page.Locator("#stable")).ToContainTextAsync(TestClips.SampleNumbers[1]);
        await Expect(page.Locator("#live-person")).ToContainTextAsync("Alan Turing", Patiently);
        await Expect(page.Locator("#live-stats")).ToContainTextAsync("frames read");
        await Expect(page.Locator("#camera-button")).ToHaveAttributeAsync("aria-pressed", "true");
        await Screenshot(page, "serve-camera.png", forDocs: false);

        await page.Locator("#camera-button").ClickAsync();
        await Expect(page.Locator("#camera-button")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task AnOversizedUploadAndATextFile_GetClearErrors_AndTheServerStillReads()
    {
        var page = await browser.OpenAsync();
        var status = page.Locator("#status");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "huge.png",
            MimeType = "image/png",
            Buffer = new byte[BrowserFixture.MaxUploadBytes + 200_000],
        });
        await Expect(status).ToContainTextAsync("(HTTP 413)", Patiently);
        await Expect(status).ToContainTextAsync("Could not read huge.png: the upload is 1.19 MB, more than the limit of 1 MB");
        await Expect(status).ToHaveClassAsync("error");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "call 555 123 4567"u8.ToArray() });
        await Expect(status).ToContainTextAsync("(HTTP 415)", Patiently);
        await Expect(status).ToContainTextAsync("Could not read notes.txt: the upload is text/plain, not an image");

        await page.Locator("#file").SetInputFilesAsync(SamplePage);
        await Expect(page.Locator("#person")).ToContainTextAsync("Alan Turing", Patiently);
        await Expect(status).Not.ToHaveClassAsync("error");
    }

    /// <summary>Saves a screenshot in the fixture's folder, and, for the docs' own, into docs/images when DIGITOCR_UPDATE_SCREENSHOTS=1.</summary>
    private async Task Screenshot(IPage page, string name, bool forDocs)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Assert.True(bytes.Length > 10_000, $"the screenshot {name} is only {bytes.Length} bytes");
        await File.WriteAllBytesAsync(Path.Combine(browser.Folder, name), bytes);
        if (forDocs && Environment.GetEnvironmentVariable("DIGITOCR_UPDATE_SCREENSHOTS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(Shell.RepositoryRoot(), "docs", "images", name), bytes);
        }
    }
}
