using DigitOcr.Config;
using DigitOcr.Inference;
using DigitOcr.Inference.Passes;

namespace DigitOcr.Tests.Inference.Passes;

/// <summary>Which passes and tiles the planner chooses, worked out by hand from the default priors (anchors 9-140 px, tile overlap 160 px).</summary>
public class PassPlannerTests
{
    private static readonly PriorOptions Priors = new();

    [Fact]
    public void DefaultPriors_CoverDigitsFrom9To140Px_AndTilesOverlapBy160()
    {
        var planner = new PassPlanner(new DetectorOptions(), Priors);

        // Smallest: the finest level's square (9); tallest: the coarsest level's upright 1:2 box, 99 * sqrt(2).
        Assert.Equal(9, planner.Cover.Smallest);
        Assert.Equal(99 * Math.Sqrt(2), planner.Cover.Largest, 6);
        Assert.Equal(160, planner.TileOverlap);
    }

    [Fact]
    public void Page1024x768_GetsTwoPassesAtFullAndQuarterSize_EachInOneTile()
    {
        // The largest digit expected is 0.7 * 768 = 538 px: 538/4 = 134 px fits the largest anchor.
        var plan = new PassPlanner(new DetectorOptions(), Priors).Plan(1024, 768);

        Assert.Equal([1.0, 0.25], plan.Select(p => p.Pass.Scale));
        Assert.Equal([(1024, 768), (256, 192)], plan.Select(p => (p.Pass.PaddedWidth, p.Pass.PaddedHeight)));
        Assert.All(plan, p => Assert.Equal((0, 0, p.Pass.PaddedWidth, p.Pass.PaddedHeight), (Assert.Single(p.Tiles).X, p.Tiles[0].Y, p.Tiles[0].PaddedWidth, p.Tiles[0].PaddedHeight)));
    }

    [Fact]
    public void Photo4000x3000_RunsAtItsOwnResolutionIn12Tiles_PlusCoarserPassesDownTo1Over16()
    {
        var plan = new PassPlanner(new DetectorOptions(), Priors).Plan(4000, 3000);

        // 0.7 * 3000 = 2100 px digits fit the anchors only at 1/16 (131 px).
        Assert.Equal([1.0, 0.25, 0.0625], plan.Select(p => p.Pass.Scale));
        // 4000 px: ceil((4000 - 160) / (1280 - 160)) = 4 tiles of ceil((4000 + 3 * 160) / 4) = 1120;
        // 3000 px: 3 tiles of ceil((3000 + 2 * 160) / 3) = 1107 -> 1120 (a multiple of 32).
        var native = plan[0].Tiles;
        Assert.Equal(12, native.Count);
        Assert.All(native, t => Assert.Equal((1120, 1120, 1120, 1120), (t.Width, t.Height, t.PaddedWidth, t.PaddedHeight)));
        Assert.Equal([0, 960, 1920, 2880], native.Select(t => t.X).Distinct());
        Assert.Equal([0, 940, 1880], native.Select(t => t.Y).Distinct());
        // 1000 x 750 at 1/4 and 250 x 188 at 1/16: one tile each.
        Assert.Equal([1, 1], plan.Skip(1).Select(p => p.Tiles.Count));
        Assert.Equal((1000, 750), (plan[1].Tiles[0].Width, plan[1].Tiles[0].Height));
    }

    [Fact]
    public void Photo5656x4244_24MP_RunsFourPasses_TheQuarterInTwoTiles()
    {
        var plan = new PassPlanner(new DetectorOptions(), Priors).Plan(5656, 4244);

        // 0.7 * 4244 = 2971 px digits fit the anchors at 1/64 (46 px); 5656 / 64 = 88 px pads to 96, enough for a pass.
        Assert.Equal([1.0, 0.25, 0.062, 0.016], plan.Select(p => Math.Round(p.Pass.Scale, 3)));
        Assert.Equal([20, 2, 1, 1], plan.Select(p => p.Tiles.Count));
    }

    [Fact]
    public void KnownLargestDigit_SkipsTheCoarsePasses()
    {
        var plan = new PassPlanner(new DetectorOptions { MaxDigitHeight = 40 }, Priors).Plan(4000, 3000);

        Assert.Equal(1.0, Assert.Single(plan).Pass.Scale);
    }

    [Fact]
    public void KnownSmallestDigit_ScalesTheFinestPassDown_SoThatItIs16PxForTheNetwork()
    {
        // 40 px digits -> scale 16/40 = 0.4; the largest, 538 px, is 215 px there, so one more pass at 0.1 (54 px).
        var plan = new PassPlanner(new DetectorOptions { MinDigitHeight = 40 }, Priors).Plan(1024, 768);

        Assert.Equal([0.4, 0.1], plan.Select(p => Math.Round(p.Pass.Scale, 3)));
        Assert.Equal((410, 307), (plan[0].Pass.Width, plan[0].Pass.Height));
    }

    [Fact]
    public void SmallestDigitBelow16Px_NeverEnlargesTheImage()
    {
        var plan = new PassPlanner(new DetectorOptions { MinDigitHeight = 8 }, Priors).Plan(1024, 768);

        Assert.Equal(1.0, plan[0].Pass.Scale);
    }

    [Fact]
    public void MaxSideAndPyramidLevels_CapTheLongSideAndThePassCount_OneTileEach()
    {
        var plan = new PassPlanner(new DetectorOptions { MaxSide = 1280, PyramidLevels = 3 }, Priors).Plan(4000, 3000);

        Assert.Equal([(1280, 960), (320, 240), (80, 60)], plan.Select(p => (p.Pass.Width, p.Pass.Height)));
        Assert.All(plan, p => Assert.Single(p.Tiles));
    }

    [Fact]
    public void PyramidLevels1_IsTheFinestPassOnly()
    {
        var plan = new PassPlanner(new DetectorOptions { PyramidLevels = 1 }, Priors).Plan(4000, 3000);

        Assert.Equal(1.0, Assert.Single(plan).Pass.Scale);
    }

    [Fact]
    public void SmallImages_GetOnlyThePassesTheirLargestDigitNeeds_AndNoneUnder96Px()
    {
        var planner = new PassPlanner(new DetectorOptions(), Priors);
        // 0.7 * 150 = 105 px fits the anchors at full size: one pass.
        Assert.Single(planner.Plan(200, 150));
        // 0.7 * 300 = 210 px needs 1/4 (53 px).
        Assert.Equal(2, planner.Plan(300, 400).Count);
        // 1000 px digits on a 400 x 300 image would need 1/16, but that pads to 32 x 32, under 96: stop at 1/4 (100 x 75, padded 128 x 96).
        Assert.Equal(2, new PassPlanner(new DetectorOptions { MaxDigitHeight = 1000 }, Priors).Plan(400, 300).Count);
        // On a 150 x 120 image, 1/4 pads to 64 x 32: the finest pass only.
        Assert.Single(new PassPlanner(new DetectorOptions { MaxDigitHeight = 1000 }, Priors).Plan(150, 120));
    }

    [Fact]
    public void TileSmallerThanTwiceTheOverlap_IsRefusedNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PassPlanner(new DetectorOptions { TileSize = 288 }, Priors));

        Assert.Contains("TileSize must be at least 320", error.Message);
        Assert.Contains("288", error.Message);
    }

    [Fact]
    public void Options_ReportEveryProblemNamingTheOptionAndValue()
    {
        var problems = new DetectorOptions { MinDigitHeight = 50, MaxDigitHeight = 20, TileSize = 1000, PyramidLevels = 0, MaxSide = 8 }.Validate().ToList();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("MinDigitHeight (50) must not exceed MaxDigitHeight (20)"));
        Assert.Contains(problems, p => p.Contains("TileSize") && p.Contains("1000"));
        Assert.Contains(problems, p => p.Contains("PyramidLevels") && p.Contains("got 0"));
        Assert.Contains(problems, p => p.Contains("MaxSide") && p.Contains("got 8"));
    }
}
