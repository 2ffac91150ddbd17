using System.CommandLine;
using System.Globalization;
using DigitOcr.CommandLine;
using DigitOcr.Boxes;
using DigitOcr.Data;
using DigitOcr.Data.Annotated;
using DigitOcr.Data.Augmentation;
using DigitOcr.Data.Sources;
using DigitOcr.Imaging;

namespace DigitOcr.Training.Cli.Commands;

/// <summary>
/// <c>render</c>: writes sample images of a data preset with their ground truth drawn on them, so a person can
/// look: green boxes are digits (with their label), yellow boxes are ignored digits (cut by the border), blue boxes
/// are the reference's patch boxes. <c>--data-dir DIR</c> renders the training crops of a folder of the user's own
/// annotated images instead (with <c>--pages</c>: the images themselves with their annotations, to check them).
/// </summary>
internal static class RenderCommand
{
    private const int SheetGap = 4;
    private const int MaxCount = 100_000;
    private const string DefaultFolder = "renders";
    private static readonly string[] SheetExtensions = [".png", ".jpg", ".jpeg"];

    public static Command Create()
    {
        var preset = ValidatedOptions.OptionalChoice<DataPreset>("--preset", "Data preset (overrides --config).");
        var split = ValidatedOptions.Choice<DataSplit>("--split", "Which digits: train (MNIST training digits), validation or test (MNIST test digits)");
        var count = ValidatedOptions.Integer("--count", "How many samples (or pages)", 16, 1, MaxCount);
        var seed = ValidatedOptions.OptionalInteger("--seed", "Seed (overrides --config)", 0, int.MaxValue);
        var epoch = ValidatedOptions.Integer("--epoch", "Epoch to draw from", 0, 0, int.MaxValue);
        var first = ValidatedOptions.Integer("--first", "Index of the first sample (or page)", 0, 0, int.MaxValue);
        var config = ValidatedOptions.ExistingFile("--config", "Data options JSON file (see docs/data.md).", "a data options JSON file");
        var output = ValidatedOptions.OutputFolder("--out", "Folder for the PNG files (default: renders; created if missing).");
        var pages = new Option<bool>("--pages") { Description = "pages preset: render whole pages instead of crops." };
        var sheet = new Option<string?>("--sheet") { Description = "Also write all renders side by side into this image file name (.png or .jpg, inside --out).", HelpName = "name" };
        sheet.Validators.Add(result =>
        {
            var name = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (!SheetExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()) || name.IndexOfAny(['/', '\\']) >= 0)
            {
                result.AddError($"--sheet must be a file name ending in {string.Join(", ", SheetExtensions)} (it is written inside --out); got '{name}'.");
            }
        });
        var columns = ValidatedOptions.Integer("--columns", "Columns of the sheet", 4, 1, MaxCount);
        var plain = new Option<bool>("--no-boxes") { Description = "Write the images without boxes." };
        var sheetOnly = new Option<bool>("--sheet-only") { Description = "Write only the sheet, not one file per render." };
        var dataDir = ValidatedOptions.ExistingFolder("--data-dir", "Render the training crops of this folder of annotated images (with --pages: the images with their annotations).", "a folder of annotated images");

        var command = new Command("render", "Write sample images of a data preset with their boxes drawn (green: digit, yellow: ignored, blue: reference patch box).")
        {
            preset, split, count, seed, epoch, first, config, output, pages, sheet, columns, plain, sheetOnly, dataDir,
        };
        command.SetAction(parse =>
        {
            var options = parse.GetValue(config) is { } file ? ConfigFiles.LoadData(file) : new DataOptions();
            if (parse.GetValue(preset) is { } chosen)
            {
                options = options with { Preset = chosen };
            }

            if (parse.GetValue(seed) is { } s)
            {
                options = options with { Seed = s };
            }

            var wholePages = parse.GetValue(pages);
            if (wholePages && options.Preset != DataPreset.Pages)
            {
                throw new CommandLineException(TrainerExitCodes.Usage, $"--pages needs the pages preset; got preset {options.Preset.Name()} (use --preset pages)");
            }

            AnnotatedFolder? annotated = null;
            if (parse.GetValue(dataDir) is { } folderPath)
            {
                try
                {
                    annotated = AnnotatedFolder.Load(folderPath);
                }
                catch (AnnotatedFolderException e)
                {
                    return UserDataReport.Fail(e);
                }
            }

            var source = annotated is null
                ? SampleSources.Create(options, parse.GetValue(split))
                : new AnnotatedSampleSource(annotated.Images, options.User, options.Pages.Crop, options.Seed);
            var prefix = annotated is null ? source.Preset.Name() : "annotated";
            var folder = new DirectoryInfo(parse.GetValue(output) ?? DefaultFolder);
            try
            {
                folder.Create();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException(TrainerExitCodes.Files, $"--out: cannot create folder '{folder}': {e.Message}", e);
            }

            var renders = new List<Image>();
            try
            {
                var n = parse.GetValue(count);

                for (long i = parse.GetValue(first); i < (long)parse.GetValue(first) + n; i++)
                {
                    if (annotated is not null && wholePages && i >= annotated.Images.Count)
                    {
                        break;
                    }

                    using var sample = (annotated, wholePages) switch
                    {
                        (not null, true) => Whole(annotated.Images[(int)i]),
                        (null, true) => ((PageSampleSource)source).GeneratePage(parse.GetValue(epoch), i),
                        _ => source.Generate(parse.GetValue(epoch), i),
                    };
                    var picture = parse.GetValue(plain) ? sample.Image.ToColor() : Annotate(sample);
                    renders.Add(picture);
                    var fileName = $"{prefix}-{(wholePages ? "page" : "sample")}-{i:D3}.png";
                    if (!parse.GetValue(sheetOnly))
                    {
                        picture.Save(Path.Combine(folder.FullName, fileName));
                    }

                    Console.WriteLine($"{fileName}: {sample.Boxes.Count(b => !b.Ignored)} digit(s), {sample.Boxes.Count(b => b.Ignored)} ignored; {string.Join(' ', sample.Applied)}");
                }

                if (parse.GetValue(sheet) is { } sheetName && renders.Count > 0)
                {
                    using var grid = Sheet(renders, Math.Max(1, parse.GetValue(columns)));
                    var path = Path.Combine(folder.FullName, sheetName);
                    grid.Save(path);
                    Console.WriteLine($"{path}: sheet of {renders.Count}");
                }
            }
            finally
            {
                renders.ForEach(r => r.Dispose());
            }

            return 0;
        });
        return command;
    }

    /// <summary>An annotated image as it is, with its annotations, to check them. The caller owns it.</summary>
    private static Sample Whole(AnnotatedImage image) => new(Image.Load(image.Path), image.Boxes, [], [TransformNames.Annotated]);

    /// <summary>The sample in colour with its boxes and labels drawn. The caller owns it.</summary>
    private static Image Annotate(Sample sample)
    {
        var picture = sample.Image.ToColor();
        foreach (var patch in sample.PatchBoxes)
        {
            Draw(picture, patch.Box, Color.Blue);
        }

        foreach (var box in sample.Boxes)
        {
            var color = box.Ignored ? Color.Yellow : Color.Green;
            Draw(picture, box.Box, color);
            var scale = Math.Clamp(box.Box.Height / 40.0, 0.3, 0.8);
            picture.DrawText(box.Digit.ToString(CultureInfo.InvariantCulture), (int)box.Box.X1, Math.Max(8, (int)box.Box.Y1 - 2), scale, Color.Red);
        }

        return picture;
    }

    /// <summary>Outlines the pixels a <see cref="Box"/> covers (its far edges are exclusive).</summary>
    private static void Draw(Image picture, Box box, Color color) =>
        picture.DrawRectangle((int)box.X1, (int)box.Y1, (int)Math.Ceiling(box.X2) - 1, (int)Math.Ceiling(box.Y2) - 1, color);

    private static Image Sheet(IReadOnlyList<Image> images, int columns)
    {
        columns = Math.Min(columns, images.Count);
        var rows = (images.Count + columns - 1) / columns;
        var cellWidth = images.Max(i => i.Width);
        var cellHeight = images.Max(i => i.Height);
        var sheet = Image.Create((columns * (cellWidth + SheetGap)) + SheetGap, (rows * (cellHeight + SheetGap)) + SheetGap, channels: 3, fill: 255);
        for (var i = 0; i < images.Count; i++)
        {
            sheet.DrawImage(images[i], SheetGap + ((i % columns) * (cellWidth + SheetGap)), SheetGap + ((i / columns) * (cellHeight + SheetGap)));
        }

        return sheet;
    }
}
