using System.Buffers.Binary;
using System.Diagnostics;
using DigitOcr.Loss;
using DigitOcr.Torch;
using DigitOcr.Torch.Distributed;
using DigitOcr.Torch.Modules;

namespace DigitOcr.Training;

/// <summary>
/// The trainer's side of data-parallel training over a process group. Every rank starts from rank 0's weights and
/// buffers; after each step's forward pass the ranks agree on the global batch's positives and loss sums (one small
/// all-reduce, which also carries any rank's wish to stop, so that all stop after the same step); each rank
/// back-propagates its loss sums scaled by <c>ranks / global positives</c> and the gradients are averaged in buckets,
/// so the update is the one a single process would make on the global batch. At the end of each epoch the others
/// follow rank 0's validation decisions. Every rank makes the same calls in the same order. Before each collective a
/// rank leaves in the rendezvous store how many it has begun and where (step, what), so that a failure can name the
/// rank that fell behind.
/// </summary>
internal sealed class DataParallel(ProcessGroup group, IEnumerable<Parameter> parameters)
{
    private const string PositionKey = "dgo/position/";

    /// <summary>How long a failing rank spends asking the store how far the others got (the store may be gone too).</summary>
    private static readonly TimeSpan ExplainLimit = TimeSpan.FromSeconds(5);

    private readonly GradientBuckets buckets = new(group, parameters);
    private readonly Stopwatch collectives = new();
    private long begun;
    private long step;

    public int Rank => group.rank;

    public int WorldSize => group.world_size;

    public bool IsLeader => group.rank == 0;

    /// <summary>Time spent in collectives so far (loss agreement and gradient averaging, waiting for slower ranks included).</summary>
    public TimeSpan CollectiveTime => collectives.Elapsed;

    /// <summary>Rank 0's parameters and buffers into every rank's model.</summary>
    public void BroadcastModel(Module model)
    {
        Mark(Phase.Weights);
        ModuleState.Broadcast(group, model);
    }

    /// <summary>
    /// Rank 0's bytes of <paramref name="path"/> on every rank (a checkpoint to resume from needs to exist on rank 0's
    /// machine only). A rank 0 that cannot read it says why; the others, that rank 0 could not.
    /// </summary>
    public byte[] ShareFile(string path)
    {
        byte[]? bytes = null;
        IOException? problem = null;
        if (IsLeader)
        {
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = e as IOException ?? new IOException(e.Message, e);
            }
        }

        using var length = torch.tensor(new[] { bytes?.LongLength ?? -1L });
        Mark(Phase.Checkpoint);
        group.broadcast(length);
        var count = length.item<long>();
        if (count < 0)
        {
            throw problem ?? new IOException($"rank {Rank}: rank 0 could not read '{path}' to share it; its own error says why");
        }

        if (count == 0)
        {
            return [];
        }

        using var data = IsLeader ? torch.tensor(bytes!) : torch.zeros([count], ScalarType.Byte);
        group.broadcast(data);
        return bytes ?? data.data<byte>();
    }

    /// <summary>The step the next collectives belong to (for failure reports).</summary>
    public void BeginStep(long number) => step = number;

    /// <summary>Sums this rank's positives and loss sums (divided by 1) with the others', and its wish to stop.</summary>
    public StepAgreement AgreeOnStep(LossBreakdown sums, bool stop)
    {
        using var scope = torch.NewDisposeScope();
        var values = torch.tensor(new double[] { sums.Positives, sums.Localization.item<float>(), sums.Classification.item<float>(), stop ? 1 : 0 });
        Mark(Phase.Loss);
        Timed(() => group.all_reduce(values));
        var total = values.data<double>();
        return new StepAgreement((long)Math.Round(total[0]), total[1], total[2], total[3] > 0);
    }

    /// <summary>The factor each rank's loss sums are back-propagated with: averaging the ranks' gradients then gives the global batch's.</summary>
    public double GradientScale(StepAgreement agreed) => WorldSize / agreed.Divisor;

    /// <summary>Every gradient replaced by its mean over the ranks.</summary>
    public void AverageGradients()
    {
        Mark(Phase.Gradients);
        Timed(buckets.Average);
    }

    /// <summary>True on every rank when any rank asks to stop.</summary>
    public bool AgreeToStop(bool stop)
    {
        using var flag = torch.tensor(new[] { stop ? 1.0 : 0.0 });
        Mark(Phase.EpochEnd);
        Timed(() => group.all_reduce(flag));
        return flag.item<double>() > 0;
    }

    /// <summary>Rank 0's end-of-epoch decisions (best metric, epochs without improvement, improved) on every rank.</summary>
    public (TrainingProgress Progress, bool Improved) FollowLeader(TrainingProgress progress, bool improved)
    {
        using var decisions = torch.tensor(new[] { progress.BestMetric, progress.EpochsWithoutImprovement, improved ? 1.0 : 0.0 });
        Mark(Phase.Validation);
        group.broadcast(decisions);
        var d = decisions.data<double>();
        return (progress with { BestMetric = d[0], EpochsWithoutImprovement = (int)d[1] }, d[2] > 0);
    }

    /// <summary>
    /// <paramref name="failure"/> with how far each rank got (from the store), which names the ranks that fell behind
    /// (hung, or died before their next collective). Gives up on that after a few seconds: the store lives in rank 0,
    /// which may be gone.
    /// </summary>
    public DistributedException Explain(DistributedException failure)
    {
        var ask = Task.Run(() =>
        {
            try
            {
                var positions = Enumerable.Range(0, WorldSize).Select(r => Position.Read(group.store_get(PositionKey + r))).ToList();
                var ahead = positions.Max(p => p.Begun);
                var behind = Enumerable.Range(0, WorldSize).Where(r => positions[r].Begun < ahead).ToList();
                var each = string.Join(", ", positions.Select((p, r) => $"rank {r} {p}"));
                return behind.Count == 0
                    ? $"every rank had reached the same collective ({each})"
                    : $"behind: {string.Join(", ", behind.Select(r => $"rank {r}"))} ({each})";
            }
            catch (DistributedException)
            {
                return "rank 0, which hosts the rendezvous store, cannot be reached: it is gone";
            }
        });
        return ask.Wait(ExplainLimit) ? failure.WithNote(ask.Result) : failure;
    }

    /// <summary>Leaves in the store that this rank is beginning its next collective, and where.</summary>
    private void Mark(Phase phase)
    {
        begun++;
        Span<byte> value = stackalloc byte[Position.Size];
        new Position(begun, step, phase).Write(value);
        group.store_set(PositionKey + Rank, value);
    }

    private void Timed(Action collective)
    {
        collectives.Start();
        try
        {
            collective();
        }
        finally
        {
            collectives.Stop();
        }
    }

    /// <summary>What a collective is for.</summary>
    private enum Phase
    {
        None,
        Weights,
        Checkpoint,
        Loss,
        Gradients,
        EpochEnd,
        Validation,
    }

    /// <summary>How many collectives a rank has begun, in which step, for what.</summary>
    private readonly record struct Position(long Begun, long Step, Phase Phase)
    {
        public const int Size = 2 * sizeof(long) + sizeof(int);

        public static Position Read(byte[]? value) => value is { Length: Size }
            ? new Position(BinaryPrimitives.ReadInt64LittleEndian(value), BinaryPrimitives.ReadInt64LittleEndian(value.AsSpan(8)),
                (Phase)BinaryPrimitives.ReadInt32LittleEndian(value.AsSpan(16)))
            : new Position(0, 0, Phase.None);

        public void Write(Span<byte> value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(value, Begun);
            BinaryPrimitives.WriteInt64LittleEndian(value[8..], Step);
            BinaryPrimitives.WriteInt32LittleEndian(value[16..], (int)Phase);
        }

        public override string ToString() => Phase switch
        {
            Phase.None => "had begun no collective",
            Phase.Weights => "at the start (rank 0's weights)",
            Phase.Checkpoint => "at the start (rank 0's checkpoint)",
            Phase.Loss => $"at step {Step + 1}, loss",
            Phase.Gradients => $"at step {Step + 1}, gradients",
            Phase.EpochEnd => $"at the end of an epoch (after step {Step + 1})",
            _ => $"waiting for rank 0's validation (after step {Step + 1})",
        };
    }
}
