using DigitOcr.Boxes;

namespace DigitOcr.Tests.Boxes;

public class BoxTests
{
    [Fact]
    public void Union_IsTheSmallestBoxHoldingBoth_InEitherOrder()
    {
        var a = new Box(10, 20, 30, 40);
        var b = new Box(25, 5, 50, 35);

        Assert.Equal(new Box(10, 5, 50, 40), a.Union(b));
        Assert.Equal(a.Union(b), b.Union(a));
        Assert.Equal(a, a.Union(new Box(12, 22, 28, 38)));
    }
}
