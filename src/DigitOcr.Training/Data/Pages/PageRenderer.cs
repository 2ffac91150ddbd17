using DigitOcr.Data.Scenes;
using DigitOcr.Imaging;

namespace DigitOcr.Data.Pages;

/// <summary>
/// Draws a <see cref="PagePlan"/> as ink coverage, in layers: printed strokes and letters, clutter glyphs, digits
/// (per-pixel maximum, so touching and overlapping digits all keep their strokes), pen strokes on top. Each digit
/// keeps its own <see cref="InkMask"/>; crossed-out digits are drawn but not listed.
/// </summary>
internal static class PageRenderer
{
    private const int Kernel = 3;

    public static Scene Render(PagePlan plan, double maxInkLoss)
    {
        var scene = new Scene(Image.Create(plan.Width, plan.Height, fill: 0));
        try
        {
            var page = scene.Image;
            plan.Background.ForEach(s => Draw(page, s));
            foreach (var text in plan.Texts)
            {
                page.DrawText(text.Text, text.X, text.Y, text.Scale, Color.Gray(text.Coverage), text.Thickness);
            }

            plan.Clutter.ForEach(g => DrawGlyph(page, g, maxInkLoss));
            foreach (var mark in plan.Digits)
            {
                var ink = DrawGlyph(page, mark, maxInkLoss);
                if (ink is { IsEmpty: false } && !mark.CrossedOut)
                {
                    scene.AddDigit(new SceneDigit(mark.Set.Label(mark.Index), ink, Number: mark.Number));
                }
            }

            plan.Foreground.ForEach(s => Draw(page, s));
            foreach (var condition in plan.Conditions)
            {
                scene.Record(condition);
            }

            return scene;
        }
        catch
        {
            scene.Dispose();
            throw;
        }
    }

    private static void Draw(Image page, StrokeMark stroke) =>
        page.DrawPolyline(stroke.Points, stroke.Closed, Color.Gray(stroke.Coverage), stroke.Thickness);

    /// <summary>Warps the glyph into a patch just large enough, sets its stroke, and max-blends it into the page.</summary>
    private static InkMask? DrawGlyph(Image page, GlyphMark mark, double maxInkLoss)
    {
        var (x1, y1, x2, y2) = mark.CellExtent();
        var pad = Math.Max(0, mark.StrokeSteps) + 1;
        var left = (int)Math.Floor(x1) - pad;
        var top = (int)Math.Floor(y1) - pad;
        var width = (int)Math.Ceiling(x2) - left + pad + 1;
        var height = (int)Math.Ceiling(y2) - top + pad + 1;
        if (new PixelRect(left, top, width, height).Intersect(new PixelRect(0, 0, page.Width, page.Height)).IsEmpty)
        {
            return null;
        }

        var local = AffineMatrix.Translation(-left, -top) * mark.ToPage;
        byte[] pixels;
        using (var glyph = mark.Set.ToImage(mark.Index))
        using (var patch = glyph.WarpAffine(local, width, height, Interpolation.Linear, BorderMode.Constant, 0))
        using (var stroked = Stroke(patch, mark.StrokeSteps, maxInkLoss))
        {
            pixels = (stroked ?? patch).ToPixels();
        }

        if (mark.Sharpen > 1)
        {
            Sharpen(pixels, mark.Sharpen);
        }

        var ink = InkMask.FromPixels(pixels, width, height, left, top);
        if (ink.Width > 0)
        {
            using var drawn = ink.ToImage();
            page.DrawImage(drawn, ink.X, ink.Y, PasteMode.Max);
        }

        return ink;
    }

    /// <summary>Dilates or erodes; thinning backs off when it would erase more than <paramref name="maxInkLoss"/> of the ink. Null: unchanged.</summary>
    private static Image? Stroke(Image patch, int steps, double maxInkLoss)
    {
        if (steps > 0)
        {
            return patch.Dilate(Kernel, steps);
        }

        if (steps == 0)
        {
            return null;
        }

        var before = InkMask.CountInk(patch.ToPixels());
        for (var n = -steps; n > 0; n /= 2)
        {
            var eroded = patch.Erode(Kernel, n);
            if (InkMask.CountInk(eroded.ToPixels()) >= (1 - maxInkLoss) * before)
            {
                return eroded;
            }

            eroded.Dispose();
        }

        return null;
    }

    /// <summary>Steepens coverage about its middle: an enlarged glyph's soft ramps become pen-like edges.</summary>
    private static void Sharpen(byte[] pixels, double gain)
    {
        Span<byte> table = stackalloc byte[256];
        for (var v = 0; v < 256; v++)
        {
            table[v] = (byte)Math.Clamp((int)Math.Round(((v - 127.5) * gain) + 127.5), 0, 255);
        }

        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = table[pixels[i]];
        }
    }
}
