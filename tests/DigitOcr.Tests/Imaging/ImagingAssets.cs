namespace DigitOcr.Tests.Imaging;

/// <summary>The files written by assets/make_assets.py, copied beside the test assembly.</summary>
internal static class ImagingAssets
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "assets", "imaging", name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
