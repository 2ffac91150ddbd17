using DigitOcr.Boxes;
using DigitOcr.Postprocess;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Postprocess;

public class NmsTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void TensorNms_EqualsSlowReference_OnRandomBoxes(double threshold)
    {
        var random = new Random(17);
        for (var trial = 0; trial < 20; trial++)
        {
            // Up to 600 boxes: a page pass offers thousands, and the comparison must hold past toy sizes.
            var count = trial % 5 == 4 ? random.Next(300, 600) : random.Next(1, 60);
            var boxes = new List<Box>();
            var scores = new List<float>();
            for (var i = 0; i < count; i++)
            {
                var x = random.NextSingle() * 80;
                var y = random.NextSingle() * 80;
                boxes.Add(new Box(x, y, x + 5 + (random.NextSingle() * 30), y + 5 + (random.NextSingle() * 30)));
                scores.Add(random.NextSingle());
            }

            using var scope = torch.NewDisposeScope();
            var boxTensor = torch.tensor(boxes.SelectMany(b => new[] { b.X1, b.Y1, b.X2, b.Y2 }).ToArray(), [count, 4]);
            var kept = Nms.Run(boxTensor, torch.tensor(scores.ToArray()), threshold);
            Assert.Equal(Nms.Reference(boxes, scores, threshold), kept);
        }
    }

    [Fact]
    public void Nms_SuppressesOnlyAboveTheThreshold()
    {
        // IoU of the two boxes is 1/7 = 0.143.
        Box[] boxes = [new(0, 0, 2, 2), new(1, 1, 3, 3)];
        float[] scores = [0.9f, 0.8f];
        Assert.Equal([0L], Nms.Reference(boxes, scores, 0.1));
        Assert.Equal([0L, 1L], Nms.Reference(boxes, scores, 0.2));
        using var scope = torch.NewDisposeScope();
        var tensor = torch.tensor(new[] { 0f, 0, 2, 2, 1, 1, 3, 3 }, [2, 4]);
        Assert.Equal([0L], Nms.Run(tensor, torch.tensor(scores), 0.1));
        Assert.Equal([0L, 1L], Nms.Run(tensor, torch.tensor(scores), 0.2));
    }
}
