using System.Reflection;
using System.Xml.Linq;
using DigitOcr.Tests.Support;

namespace DigitOcr.Tests.Architecture;

/// <summary>
/// docs/architecture.md as a test: references run one way, and the package a user references for <c>Detect()</c>
/// carries no training code. Checked twice: in the project files (what is declared) and in the compiled assemblies
/// (what the code actually uses).
/// </summary>
public class AssemblyReferenceTests
{
    /// <summary>Each DigitOcr assembly and the DigitOcr assemblies it may reference directly.</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "DigitOcr.Torch", [] },
        { "DigitOcr.Core", ["DigitOcr.Torch"] },
        { "DigitOcr.Inference", ["DigitOcr.Torch", "DigitOcr.Core"] },
        { "DigitOcr.Training", ["DigitOcr.Torch", "DigitOcr.Core"] },
        { "DigitOcr.Evaluation", ["DigitOcr.Torch", "DigitOcr.Core", "DigitOcr.Inference", "DigitOcr.Training"] },
        { "DigitOcr.Training.Cli", ["DigitOcr.Torch", "DigitOcr.Core", "DigitOcr.Inference", "DigitOcr.Training", "DigitOcr.Evaluation"] },
        { "DigitOcr.Server", ["DigitOcr.Torch", "DigitOcr.Core", "DigitOcr.Inference"] },
        { "DigitOcr.Cli", ["DigitOcr.Torch", "DigitOcr.Core", "DigitOcr.Inference", "DigitOcr.Server"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void ProjectFiles_ReferenceOnlyLowerLayers(string project, string[] allowed)
    {
        var path = Path.Combine(Shell.RepositoryRoot(), "src", project, project + ".csproj");
        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))
            .ToList();
        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void CompiledAssemblies_ReferenceOnlyLowerLayers(string project, string[] allowed)
    {
        // The command-line tools are named for their users (digitocr), the libraries for their project.
        var assembly = Assembly.Load(project == "DigitOcr.Cli" ? "digitocr" : project);
        var used = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("DigitOcr", StringComparison.Ordinal));
        Assert.All(used, name => Assert.Contains(name, allowed));
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void OnnxRuntime_IsReferencedByInferenceOnly(string project, string[] allowed)
    {
        _ = allowed;
        var path = Path.Combine(Shell.RepositoryRoot(), "src", project, project + ".csproj");
        var packages = XDocument.Load(path).Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!);
        var onnxRuntime = packages.Where(p => p.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal)).ToList();
        if (project == "DigitOcr.Inference")
        {
            Assert.NotEmpty(onnxRuntime);
        }
        else
        {
            Assert.Empty(onnxRuntime);
        }
    }

    [Fact]
    public void RuntimePackage_CarriesNoTrainingOrDataSynthesis()
    {
        var runtime = new[] { "DigitOcr.Torch", "DigitOcr.Core", "DigitOcr.Inference", "DigitOcr.Server" }.Select(Assembly.Load).ToList();
        var namespaces = runtime.SelectMany(a => a.GetTypes()).Select(t => t.Namespace ?? "").Distinct().ToList();
        Assert.DoesNotContain(namespaces, n => n.StartsWith("DigitOcr.Training", StringComparison.Ordinal)
            || n.StartsWith("DigitOcr.Data", StringComparison.Ordinal)
            || n.StartsWith("DigitOcr.Matching", StringComparison.Ordinal)
            || n.StartsWith("DigitOcr.Loss", StringComparison.Ordinal));
    }
}
