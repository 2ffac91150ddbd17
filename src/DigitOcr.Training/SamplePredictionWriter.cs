using DigitOcr.Boxes;
using DigitOcr.Imaging;
using DigitOcr.Model;
using DigitOcr.Postprocess;
using DigitOcr.Priors;

namespace DigitOcr.Training;

/// <summary>
/// Draws the model's predictions on the first few images of each validation set into one PNG per epoch
/// (<c>samples/epoch-NNN.png</c>): green boxes with digit and score are detections, thin gray boxes the ground truth.
/// </summary>
public sealed class SamplePredictionWriter(string folder, IReadOnlyList<ValidationSet> sets, int imagesPerSet = 6)
{
    /// <summary>Writes the sheet of <paramref name="epoch"/>; null (nothing written) when no validation images exist.</summary>
    public string? Write(int epoch, string checkpointPath)
    {
        if (sets.All(s => s.Images.Count == 0))
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        using var checkpoint = Checkpoint.Load(checkpointPath);
        var config = checkpoint.Config;
        using var model = new SsdDetector(config.Model);
        checkpoint.RestoreModel(model);
        var coder = new BoxCoder(config.Priors.Variances[0], config.Priors.Variances[1]);
        var tiles = new List<Image>();
        try
        {
            foreach (var set in sets)
            {
                var subset = new ValidationSet(set.Name, set.Images.Take(imagesPerSet).ToList());
                if (subset.Images.Count == 0)
                {
                    continue;
                }

                var (h, w) = (subset.Images[0].Height, subset.Images[0].Width);
                using var priors = new PriorBoxGenerator(config.Priors).GenerateTensor(model.FeatureSizes(h, w), h, w);
                var detections = subset.Detect(model, priors, new DetectionPostprocessor(config.Postprocess, coder));
                for (var i = 0; i < subset.Images.Count; i++)
                {
                    tiles.Add(Draw(subset.Images[i], detections[i]));
                }
            }

            var path = Path.Combine(folder, $"epoch-{epoch + 1:D3}.png");
            using var sheet = Tile(tiles, imagesPerSet);
            sheet.Save(path);
            return path;
        }
        finally
        {
            tiles.ForEach(t => t.Dispose());
        }
    }

    private static Image Draw(ValidationImage image, IReadOnlyList<Detection> detections)
    {
        using var gray = Image.FromPixels(image.Pixels, image.Width, image.Height);
        var color = gray.ToColor();
        foreach (var truth in image.Truths)
        {
            color.DrawRectangle((int)truth.Box.X1, (int)truth.Box.Y1, (int)truth.Box.X2, (int)truth.Box.Y2, Color.Gray(160), 1);
        }

        foreach (var d in detections)
        {
            color.DrawRectangle((int)d.Box.X1, (int)d.Box.Y1, (int)d.Box.X2, (int)d.Box.Y2, Color.Green, 2);
            color.DrawText($"{d.Digit} {d.Score:F2}", (int)d.Box.X1, Math.Max(10, (int)d.Box.Y1 - 2), 0.4, Color.Red, 1);
        }

        return color;
    }

    private static Image Tile(IReadOnlyList<Image> tiles, int columns)
    {
        var (w, h) = (tiles.Max(t => t.Width), tiles.Max(t => t.Height));
        var rows = (tiles.Count + columns - 1) / columns;
        var pixels = new byte[rows * h * columns * w * 3];
        for (var k = 0; k < tiles.Count; k++)
        {
            var tile = tiles[k].ToPixels();
            var (ox, oy) = (k % columns * w, k / columns * h);
            for (var y = 0; y < tiles[k].Height; y++)
            {
                Buffer.BlockCopy(tile, y * tiles[k].Width * 3, pixels, (((oy + y) * columns * w) + ox) * 3, tiles[k].Width * 3);
            }
        }

        return Image.FromPixels(pixels, columns * w, rows * h, 3);
    }
}
