namespace DigitOcr.Data.Mnist;

/// <summary>
/// Loads MNIST (from <c>&lt;data folder&gt;/mnist</c>, where <see cref="DataFolder.FetchCommand"/> puts it) and
/// Fashion-MNIST (from Debian's <c>dataset-fashion-mnist</c> package) as <see cref="GlyphSet"/>s.
/// </summary>
public static class MnistData
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs its gzipped IDX files.</summary>
    public const string DebianFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Reads the MNIST <paramref name="split"/> from <paramref name="mnistFolder"/> (the folder holding the IDX files).</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names <see cref="DataFolder.FetchCommand"/>.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX or images and labels disagree.</exception>
    public static GlyphSet LoadMnist(string mnistFolder, MnistSplit split)
    {
        ArgumentException.ThrowIfNullOrEmpty(mnistFolder);
        var (images, labels) = FileNames(split);
        var imagesPath = Require(mnistFolder, images,
            $"run {DataFolder.FetchCommand} (scripts/setup.sh runs it) to fetch MNIST, or point {DataFolder.EnvironmentVariable} at the folder that holds {DataFolder.MnistFolderName}/");
        var labelsPath = Require(mnistFolder, labels,
            $"run {DataFolder.FetchCommand} (scripts/setup.sh runs it) to fetch MNIST, or point {DataFolder.EnvironmentVariable} at the folder that holds {DataFolder.MnistFolderName}/");
        return new GlyphSet($"MNIST {split.ToString().ToLowerInvariant()}", IdxReader.ReadImages(imagesPath), IdxReader.ReadLabels(labelsPath));
    }

    /// <summary>Reads the Fashion-MNIST <paramref name="split"/> from <paramref name="folder"/> (plain or gzipped IDX files).</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names the Debian package.</exception>
    /// <exception cref="InvalidDataException">A file is not valid IDX.</exception>
    public static GlyphSet LoadFashionMnist(string folder, MnistSplit split)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var (images, labels) = FileNames(split);
        const string fix = "install Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist; scripts/setup.sh does), or set the Fashion-MNIST folder option";
        var imagesPath = Require(folder, images, fix);
        var labelsPath = Require(folder, labels, fix);
        return new GlyphSet($"Fashion-MNIST {split.ToString().ToLowerInvariant()}", IdxReader.ReadImages(imagesPath), IdxReader.ReadLabels(labelsPath));
    }

    /// <summary>The images and labels file names of <paramref name="split"/> (without any <c>.gz</c>).</summary>
    public static (string Images, string Labels) FileNames(MnistSplit split) => split switch
    {
        MnistSplit.Train => ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
        MnistSplit.Test => ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown MNIST split."),
    };

    /// <summary>The path of <paramref name="name"/> or <paramref name="name"/>.gz in <paramref name="folder"/>.</summary>
    private static string Require(string folder, string name, string fix)
    {
        var plain = Path.Combine(folder, name);
        if (File.Exists(plain))
        {
            return plain;
        }

        var gzipped = plain + ".gz";
        if (File.Exists(gzipped))
        {
            return gzipped;
        }

        throw new FileNotFoundException($"'{plain}' (or '{name}.gz') is missing: {fix}.", plain);
    }
}
