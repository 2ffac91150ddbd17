using DigitOcr.Data.Annotated;

namespace DigitOcr.Tests.Data.Annotated;

/// <summary>The held-out images are chosen by image, from the seed and the names alone.</summary>
public sealed class AnnotatedSplitTests
{
    private static List<AnnotatedImage> Images(int count) =>
        Enumerable.Range(0, count).Select(i => new AnnotatedImage($"page-{i:D3}.png", $"/x/page-{i:D3}.png", 100, 80, [])).ToList();

    [Fact]
    public void Split_HoldsOutTheRoundedShare_DisjointFromTraining()
    {
        var split = AnnotatedSplit.Of(Images(50), 0.2, seed: 1);

        Assert.Equal(10, split.HeldOut.Count);
        Assert.Equal(40, split.Train.Count);
        Assert.Empty(split.Train.Intersect(split.HeldOut));
    }

    [Fact]
    public void Split_IsTheSameForTheSameSeed_AndOtherForAnother()
    {
        var names = (int seed) => AnnotatedSplit.Of(Images(50), 0.2, seed).HeldOut.Select(i => i.Name).ToList();

        Assert.Equal(names(1), names(1));
        Assert.NotEqual(names(1), names(2));
    }

    [Fact]
    public void Split_DoesNotDependOnTheOrderImagesComeIn()
    {
        var images = Images(30);
        var reversed = Enumerable.Reverse(images).ToList();

        Assert.Equal(
            AnnotatedSplit.Of(images, 0.3, 4).HeldOut.Select(i => i.Name).Order(),
            AnnotatedSplit.Of(reversed, 0.3, 4).HeldOut.Select(i => i.Name).Order());
    }

    [Fact]
    public void AddingAnImage_MovesAtMostOneOtherImage()
    {
        var before = AnnotatedSplit.Of(Images(40), 0.25, 3).HeldOut.Select(i => i.Name).ToHashSet();
        var after = AnnotatedSplit.Of(Images(41), 0.25, 3).HeldOut.Select(i => i.Name).Where(n => n != "page-040.png").ToHashSet();

        Assert.True(before.Except(after).Count() + after.Except(before).Count() <= 1, $"before: {string.Join(",", before)}; after: {string.Join(",", after)}");
    }

    [Theory]
    [InlineData(3, 0.01, 1)]
    [InlineData(3, 0.9, 2)]
    [InlineData(2, 0.5, 1)]
    public void Split_HoldsOutAtLeastOne_AndNeverAll(int count, double fraction, int heldOut)
    {
        Assert.Equal(heldOut, AnnotatedSplit.Of(Images(count), fraction, 1).HeldOut.Count);
    }

    [Fact]
    public void ZeroFraction_HoldsOutNothing()
    {
        Assert.Empty(AnnotatedSplit.Of(Images(5), 0, 1).HeldOut);
    }
}
