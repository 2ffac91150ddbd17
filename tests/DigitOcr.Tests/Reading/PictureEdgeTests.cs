using DigitOcr.Boxes;
using DigitOcr.Reading;

namespace DigitOcr.Tests.Reading;

public class PictureEdgeTests
{
    [Theory]
    [InlineData(100, 100, 200, 150, PictureEdges.None)]
    [InlineData(2.5f, 100, 200, 150, PictureEdges.None)] // 2.5 px in: a box is good to a pixel or two, but this one is inside
    [InlineData(2, 100, 200, 150, PictureEdges.Left)]
    [InlineData(100, 0, 200, 150, PictureEdges.Top)]
    [InlineData(100, 100, 638, 150, PictureEdges.Right)]
    [InlineData(0, 100, 200, 479, PictureEdges.Left | PictureEdges.Bottom)]
    public void Touched_NamesTheSidesWithinTwoPixels(float x1, float y1, float x2, float y2, PictureEdges expected) =>
        Assert.Equal(expected, PictureEdge.Touched(new Box(x1, y1, x2, y2), 640, 480));
}
