using System.Text;
using System.Text.Json.Nodes;
using DigitOcr.Config;
using DigitOcr.ModelFiles;
using DigitOcr.Onnx;
using DigitOcr.Torch;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Model;

/// <summary>
/// The networks of a recognizer file: one <see cref="DigitRecognizer"/>, or an ensemble of several of the same
/// architecture trained apart (<see cref="RecognizerConfig.Members"/>), whose softmax probabilities are averaged. An
/// ensemble file stores member <c>i</c>'s weights, and its int8 ranges, under <c>members.i.</c>; a single network's
/// have no prefix, as before ensembles existed. Owns its networks.
/// Why: two recognizers trained apart disagree on the ambiguous digits, and their average is right more often than
/// either (README, "The recognizer ensemble").
/// </summary>
public sealed class RecognizerEnsemble : IDisposable
{
    /// <summary>The prefix of member <c>i</c>'s entries is this, then <c>i</c> and a dot.</summary>
    public const string MemberPrefix = "members.";

    private RecognizerEnsemble(RecognizerConfig config, IReadOnlyList<DigitRecognizer> members)
    {
        Config = config;
        Members = members;
    }

    /// <summary>The architecture every member shares; <see cref="RecognizerConfig.Members"/> says how many there are.</summary>
    public RecognizerConfig Config { get; }

    public IReadOnlyList<DigitRecognizer> Members { get; }

    /// <summary>
    /// The recognizer in <paramref name="file"/>, in inference mode. A file that holds no recognizer, or whose weights
    /// do not fit its config, is an <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    public static RecognizerEnsemble Load(ModelFile file)
    {
        var config = file.Recognizer
            ?? throw new InvalidDataException($"'{file.Source}' holds no digit recognizer (its meta.config has no \"task\": \"recognizer\"); pass a model trained with configs/recognizer.json");
        var members = new List<DigitRecognizer>();
        try
        {
            for (var i = 0; i < config.Members; i++)
            {
                var member = new DigitRecognizer(config);
                members.Add(member);
                try
                {
                    member.load_state_dict(MemberEntries(file.Weights, i, config.Members));
                }
                catch (StateDictMismatchException e)
                {
                    var which = config.Members == 1 ? string.Empty : $" (member {i} of {config.Members})";
                    throw new InvalidDataException($"the weights in '{file.Source}'{which} do not fit the recognizer its config describes (widths {string.Join("/", config.Widths)}). {e.Message}", e);
                }

                member.eval();
            }

            return new RecognizerEnsemble(config, members);
        }
        catch
        {
            members.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Member <paramref name="member"/>'s share of a file's entries (weights or int8 ranges): those under
    /// <c>members.{member}.</c>, without the prefix; with one member, all of them as they are.
    /// </summary>
    public static IReadOnlyDictionary<string, T> MemberEntries<T>(IReadOnlyDictionary<string, T> entries, int member, int members)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(member, members);
        if (members == 1)
        {
            return entries;
        }

        var prefix = $"{MemberPrefix}{member}.";
        return entries.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
    }

    /// <summary>
    /// The ensemble's probabilities <c>[N, 11]</c> for normalised crops <c>[N, 1, S, S]</c>, by <see cref="Read"/>;
    /// <paramref name="secondOpinionBelow"/> 1 (the default) averages every member on every crop.
    /// </summary>
    public Tensor Probabilities(Tensor crops, double secondOpinionBelow = 1)
    {
        using var inference = torch.inference_mode();
        return Read(crops, Members.Select(m => (Func<Tensor, Tensor>)m.forward).ToList(), secondOpinionBelow);
    }

    /// <summary>
    /// Reads crops with an ensemble's <paramref name="members"/> (each returns logits <c>[N, 11]</c>): the first
    /// member's softmax where its best probability reaches <paramref name="secondOpinionBelow"/>, and the average of
    /// every member's softmax on the other crops, which only those members read. Why: most boxes are read alike by
    /// every member, and the second opinion then costs a page a few milliseconds instead of a whole second reading
    /// (README, "The recognizer ensemble").
    /// </summary>
    public static Tensor Read(Tensor crops, IReadOnlyList<Func<Tensor, Tensor>> members, double secondOpinionBelow)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        using var scope = torch.NewDisposeScope();
        var first = torch.nn.functional.softmax(members[0](crops), 1);
        if (members.Count == 1)
        {
            return first.MoveToOuterDisposeScope();
        }

        var (best, _) = first.max(1);
        var unsure = best.lt(secondOpinionBelow).nonzero().squeeze(1);
        if (unsure.size(0) == 0)
        {
            return first.MoveToOuterDisposeScope();
        }

        var subset = unsure.size(0) == crops.size(0) ? crops : crops.index_select(0, unsure).contiguous();
        var sum = first.index_select(0, unsure);
        for (var i = 1; i < members.Count; i++)
        {
            sum = sum + torch.nn.functional.softmax(members[i](subset), 1);
        }

        return first.index_put_(unsure, sum / members.Count).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Writes <paramref name="members"/> (one architecture) as one recognizer file: <paramref name="configJson"/> (a
    /// member's own config, training sections and all) with <c>"members"</c> set, each member's weights and its int8
    /// <paramref name="ranges"/> (one dictionary per member) under its prefix.
    /// </summary>
    public static void Save(string path, IReadOnlyList<DigitRecognizer> members, string configJson, IReadOnlyList<IReadOnlyDictionary<string, ActivationRange>> ranges)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        if (ranges.Count != members.Count)
        {
            throw new ArgumentException($"{members.Count} members need {members.Count} sets of ranges, got {ranges.Count}", nameof(ranges));
        }

        if (members.Select(m => string.Join("/", m.Config.Widths) + $"/{m.Config.LastStageConvs}/{m.Config.CropSize}/{m.Config.Context}").Distinct().Count() != 1)
        {
            throw new ArgumentException("an ensemble's members must share one architecture (widths, last-stage convs, crop size and context)", nameof(members));
        }

        var states = members.Select(m => m.state_dict()).ToList();
        try
        {
            var single = members.Count == 1;
            var weights = states.SelectMany((state, i) => state.Select(kv => new KeyValuePair<string, Tensor>(single ? kv.Key : $"{MemberPrefix}{i}.{kv.Key}", kv.Value)));
            var allRanges = ranges.SelectMany((r, i) => r.Select(kv => new KeyValuePair<string, ActivationRange>(single ? kv.Key : $"{MemberPrefix}{i}.{kv.Key}", kv.Value)))
                .ToDictionary(kv => kv.Key, kv => kv.Value);
            var config = JsonNode.Parse(configJson, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            config["members"] = members.Count;
            using var rangesEntry = torch.tensor(Encoding.UTF8.GetBytes(ActivationRanges.ToJson(allRanges)));
            ModelFile.Save(path, weights, config.ToJsonString(), halfPrecision: false, [new(ModelFile.ActivationRangesKey, rangesEntry)]);
        }
        finally
        {
            states.ForEach(s => s.Dispose());
        }
    }

    public void Dispose()
    {
        foreach (var member in Members)
        {
            member.Dispose();
        }
    }
}
