using DigitOcr.Boxes;
using DigitOcr.Config;
using DigitOcr.Imaging;
using DigitOcr.Recognition;

namespace DigitOcr.Tests.Recognition;

public class DigitCropsTests
{
    private static readonly RecognizerConfig Config = new() { CropSize = 32, Context = 1.25 };

    [Fact]
    public void Transform_MapsTheBoxCentreToTheCropCentre_AndItsLongerSideToSizeOverContext()
    {
        var box = new Box(100, 40, 120, 80); // 20 x 40, centre (110, 60)
        var m = DigitCrops.Transform(box, Config);

        var (cx, cy) = m.Transform(110, 60);
        Assert.Equal(16, cx, 1e-9);
        Assert.Equal(16, cy, 1e-9);
        var (_, top) = m.Transform(110, 40);
        var (_, bottom) = m.Transform(110, 80);
        Assert.Equal(32 / 1.25, bottom - top, 1e-9);
    }

    [Fact]
    public void Extract_GivesNormalisedCrops_OfTheConfiguredSize()
    {
        using var page = Image.Create(200, 100, fill: 255);
        using (var ink = Image.Create(20, 40, fill: 0))
        {
            page.DrawImage(ink, 50, 20);
        }

        using var crops = DigitCrops.Extract(page, [new Box(50, 20, 70, 60), new Box(150, 20, 170, 60)], Config);

        Assert.Equal([2, 1, 32, 32], crops.shape);
        var values = crops.data<float>();
        // The first crop's centre is ink (0 -> (0 - 0.485) / 0.229), the second crop is all paper ((1 - 0.485) / 0.229).
        Assert.Equal(-0.485f / 0.229f, values[(16 * 32) + 16], 1e-5);
        Assert.All(values.Skip(32 * 32), v => Assert.Equal((1 - 0.485f) / 0.229f, v, 1e-5));
    }
}
