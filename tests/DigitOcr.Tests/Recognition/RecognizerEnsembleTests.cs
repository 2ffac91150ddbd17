using DigitOcr.Config;
using DigitOcr.Inference;
using DigitOcr.Model;
using DigitOcr.ModelFiles;
using DigitOcr.Onnx;
using DigitOcr.Tests.Support;
using DigitOcr.Torch;

namespace DigitOcr.Tests.Recognition;

/// <summary>
/// A recognizer file may hold several recognizers of one architecture (an ensemble): each reads every box and their
/// softmax probabilities are averaged. Checked against the members read one by one, through the file format, and
/// through the detector on both engines.
/// </summary>
public sealed class RecognizerEnsembleTests : IDisposable
{
    private const string TinyConfigJson = """{"task": "recognizer", "name": "tiny", "widths": [4, 8, 8]}""";
    private static readonly RecognizerConfig Tiny = RecognizerConfig.FromJson(TinyConfigJson);
    private readonly TempFolder folder = new("digitocr-ensemble-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Probabilities_OfTwoMembers_AreTheAverageOfEachMembersSoftmax()
    {
        using var a = Member(seed: 1);
        using var b = Member(seed: 2);
        RecognizerEnsemble.Save(folder.File("pair.pt"), [a, b], TinyConfigJson, [NoRanges, NoRanges]);
        using var crops = Crops();

        using var file = ModelFile.Load(folder.File("pair.pt"));
        using var ensemble = RecognizerEnsemble.Load(file);
        using var actual = ensemble.Probabilities(crops);

        using var pa = torch.nn.functional.softmax(a.forward(crops), 1);
        using var pb = torch.nn.functional.softmax(b.forward(crops), 1);
        using var sum = pa + pb;
        using var expected = sum / 2;
        Assert.Equal(2, file.Recognizer!.Members);
        Assert.Equal(2, ensemble.Members.Count);
        TensorAssert.Close(expected, actual, relative: 1e-5, what: "averaged probabilities");
        // The two members differ, so the average is not either one's reading.
        Assert.True(pa.sub(pb).abs().max().item<float>() > 1e-3, "two differently seeded members read alike");
    }

    [Fact]
    public void Read_SecondOpinion_OnlyForCropsTheFirstMemberIsUnsureOf()
    {
        // Three "crops" that are their own logits for member A; member B reads the negated logits. Row 0 is sure
        // for A (p = 0.9995), rows 1 and 2 are not.
        float[] logits = [10, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2.5f, 0, 0, 0, 0, 0, 0, 0];
        using var crops = torch.tensor(logits, [3, 1, 1, 11]);
        var secondRead = new List<long>();
        Func<Tensor, Tensor> a = c => c.flatten(1);
        Func<Tensor, Tensor> b = c =>
        {
            secondRead.Add(c.size(0));
            return c.flatten(1).neg();
        };

        using var read = RecognizerEnsemble.Read(crops, [a, b], secondOpinionBelow: 0.99);

        using var flat = crops.flatten(1);
        using var pa = torch.nn.functional.softmax(flat, 1);
        using var negated = flat.neg();
        using var pb = torch.nn.functional.softmax(negated, 1);
        Assert.Equal([2L], secondRead);
        TensorAssert.Close(pa.narrow(0, 0, 1), read.narrow(0, 0, 1), what: "the sure crop keeps the first reading");
        using var sum = pa.narrow(0, 1, 2) + pb.narrow(0, 1, 2);
        using var average = sum / 2;
        TensorAssert.Close(average, read.narrow(0, 1, 2), what: "the unsure crops are averaged");

        secondRead.Clear();
        using var everyone = RecognizerEnsemble.Read(crops, [a, b], secondOpinionBelow: 1);
        Assert.Equal([3L], secondRead);
        using var all = pa + pb;
        using var allAverage = all / 2;
        TensorAssert.Close(allAverage, everyone, what: "1: every crop averaged");

        secondRead.Clear();
        using var firstOnly = RecognizerEnsemble.Read(crops, [a, b], secondOpinionBelow: 0);
        Assert.Empty(secondRead);
        TensorAssert.Close(pa, firstOnly, what: "0: the first member alone");
    }

    [Fact]
    public void Save_OneMember_KeepsTheSingleRecognizersLayout()
    {
        using var a = Member(seed: 1);

        RecognizerEnsemble.Save(folder.File("one.pt"), [a], TinyConfigJson, [NoRanges]);

        using var file = ModelFile.Load(folder.File("one.pt"));
        Assert.Equal(1, file.Recognizer!.Members);
        Assert.DoesNotContain(file.Weights.Keys, k => k.StartsWith(RecognizerEnsemble.MemberPrefix, StringComparison.Ordinal));
        using var state = a.state_dict();
        Assert.Equal(state.Keys.Order(), file.Weights.Keys.Order());
    }

    [Fact]
    public void Save_MembersOfTwoArchitectures_IsRefused()
    {
        using var a = Member(seed: 1);
        torch.manual_seed(2);
        using var wider = new DigitRecognizer(Tiny with { Widths = [4, 8, 16] });

        var error = Assert.Throws<ArgumentException>(() => RecognizerEnsemble.Save(folder.File("mixed.pt"), [a, wider], TinyConfigJson, [NoRanges, NoRanges]));

        Assert.Contains("one architecture", error.Message);
        Assert.False(File.Exists(folder.File("mixed.pt")));
    }

    [Fact]
    public void Load_AFileMissingAMembersWeights_NamesTheFileAndTheMember()
    {
        using var a = Member(seed: 1);
        using var state = a.state_dict();
        var onlyFirst = state.Select(kv => new KeyValuePair<string, Tensor>($"{RecognizerEnsemble.MemberPrefix}0.{kv.Key}", kv.Value));
        ModelFile.Save(folder.File("half.pt"), onlyFirst, """{"task": "recognizer", "widths": [4, 8, 8], "members": 2}""", halfPrecision: false);

        using var file = ModelFile.Load(folder.File("half.pt"));
        var error = Assert.Throws<InvalidDataException>(() => RecognizerEnsemble.Load(file));

        Assert.Contains("half.pt", error.Message);
        Assert.Contains("member 1 of 2", error.Message);
    }

    [Fact]
    public void MemberEntries_ReturnsOneMembersEntriesWithoutThePrefix()
    {
        var entries = new Dictionary<string, int> { ["members.0.a"] = 1, ["members.1.a"] = 2, ["members.1.b"] = 3, ["members.10.a"] = 4 };

        var second = RecognizerEnsemble.MemberEntries(entries, 1, 11);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 3 }, second);
        Assert.Same(entries, RecognizerEnsemble.MemberEntries(entries, 0, 1));
    }

    [Fact]
    public void Config_MembersOutOfRange_IsAConfigError()
    {
        var error = Assert.Throws<InvalidDataException>(() => RecognizerConfig.FromJson("""{"task": "recognizer", "members": 0}"""));

        Assert.Contains("members must be in [1, 8], got 0", error.Message);
    }

    [Theory]
    [InlineData(DetectorBackend.OnnxRuntime, InferencePrecision.Float32)]
    [InlineData(DetectorBackend.OnnxRuntime, InferencePrecision.Int8)]
    [InlineData(DetectorBackend.Libtorch, InferencePrecision.Float32)]
    public void Detector_WithTheShippedRecognizersFirstMemberTwice_ReadsAsWithItOnce(DetectorBackend backend, InferencePrecision precision)
    {
        var one = FirstMember(Path.Combine(Shell.RepositoryRoot(), "models", "digitocr-recognizer.pt"), folder.File("one.pt"));
        using (var file = ModelFile.Load(one))
        using (var once = RecognizerEnsemble.Load(file))
        {
            var configJson = System.Text.Encoding.UTF8.GetString(file.Entries[ModelFile.ConfigKey].data<byte>());
            RecognizerEnsemble.Save(folder.File("twice.pt"), [once.Members[0], once.Members[0]], configJson, [file.ActivationRanges!, file.ActivationRanges!]);
        }

        var page = Path.Combine(Shell.RepositoryRoot(), "samples", "sample-page.png");
        var options = new DetectorOptions { Backend = backend, Precision = precision, Fusion = new() { SecondOpinionBelow = 1 } };
        using var single = DigitDetector.Load(null, options with { RecognizerPath = one });
        using var pair = DigitDetector.Load(null, options with { RecognizerPath = folder.File("twice.pt") });
        var expected = single.Detect(page).Digits;
        var actual = pair.Detect(page).Digits;

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Digit, actual[i].Digit);
            Assert.Equal(expected[i].Box, actual[i].Box);
            Assert.Equal(expected[i].Score, actual[i].Score, 1e-5f);
        }
    }

    private static IReadOnlyDictionary<string, ActivationRange> NoRanges { get; } = new Dictionary<string, ActivationRange>();

    /// <summary>The first member of the recognizer file <paramref name="path"/>, with its int8 ranges, alone in the file <paramref name="output"/>.</summary>
    private static string FirstMember(string path, string output)
    {
        using var file = ModelFile.Load(path);
        using var ensemble = RecognizerEnsemble.Load(file);
        var ranges = file.ActivationRanges is { } all ? RecognizerEnsemble.MemberEntries(all, 0, ensemble.Members.Count) : NoRanges;
        var configJson = System.Text.Encoding.UTF8.GetString(file.Entries[ModelFile.ConfigKey].data<byte>());
        RecognizerEnsemble.Save(output, [ensemble.Members[0]], configJson, [ranges]);
        return output;
    }

    private static DigitRecognizer Member(int seed)
    {
        torch.manual_seed(seed);
        var member = new DigitRecognizer(Tiny);
        member.eval();
        return member;
    }

    /// <summary>Eight random normalised 32x32 crops.</summary>
    private static Tensor Crops()
    {
        torch.manual_seed(7);
        return torch.randn([8, 1, 32, 32]);
    }
}
