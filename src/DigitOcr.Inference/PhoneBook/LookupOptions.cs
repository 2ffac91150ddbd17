namespace DigitOcr.Inference.PhoneBook;

/// <summary>
/// When a read number is accepted as a directory entry. Candidates are the entries within one edit of the read
/// (one substituted, one missing or one extra digit), ranked by <see cref="WeightedEditDistance"/>: substituting
/// or deleting a read digit costs that digit's confidence, inserting a digit the reader missed costs
/// <see cref="InsertionCost"/>. The best candidate is accepted when its distance is at most
/// <see cref="MaxDistance"/> and every other candidate is at least <see cref="Margin"/> farther.
/// </summary>
/// <remarks>
/// Why one edit: among 10-digit numbers, a million entries fill one number in 10,000. About 200 numbers are one
/// edit from a read, so a random other entry is that close about 2% of the time, but 3,645 numbers are two
/// substitutions away, so a wrong entry is that close a third of the time. Two-error corrections would be
/// mostly wrong or ambiguous at that size, so they are not searched for.
/// <para>
/// Shorter numbers crowd a directory far more: 100,000 seven-digit numbers fill one in 100, so a read with two
/// errors finds a wrong entry within one edit about one time in ten, and correcting it names the wrong person.
/// <see cref="MaxCrowding"/> bounds that risk from the directory's own make-up (<see cref="PhoneDirectory.Crowding"/>).
/// </para>
/// </remarks>
public sealed record LookupOptions
{
    /// <summary>
    /// Largest accepted distance. The default, 1, accepts any single error, even a confident one, as long as the
    /// margin shows it is the only explanation.
    /// </summary>
    public float MaxDistance { get; init; } = 1.0f;

    /// <summary>
    /// How much closer the best candidate must be than the second; otherwise the result is ambiguous. Positive, so
    /// two equally close entries are never decided by file order.
    /// </summary>
    public float Margin { get; init; } = 0.2f;

    /// <summary>
    /// Cost of a digit the reader missed. There is no read digit whose confidence could discount it, so it costs
    /// as much as a confident substitution: one full error.
    /// </summary>
    public float InsertionCost { get; init; } = 1.0f;

    /// <summary>
    /// The most entries a random read of a given length may expect to find within one edit
    /// (<see cref="PhoneDirectory.Crowding"/>) for a confident correction to be accepted. Above it, only an exact
    /// read or a correction costing at most <see cref="CrowdedMaxDistance"/> names someone
    /// (<see cref="NoMatchReason.Crowded"/>). The default, 0.02, keeps a directory of a million ten-digit numbers
    /// (0.01) tolerant of one confident error, and a directory dense in seven- or eight-digit numbers strict.
    /// </summary>
    public float MaxCrowding { get; init; } = 0.02f;

    /// <summary>
    /// In a crowded directory, the largest accepted correction: one the reader itself doubted (a digit read at 0.4
    /// or less, or one its alternatives made likely). 0.5 named one wrong person on the tuning pages (a correction
    /// costing 0.49), 0.4 none, for two right ones fewer in 559 (models/README.md).
    /// </summary>
    public float CrowdedMaxDistance { get; init; } = 0.4f;

    /// <summary>
    /// A number that matches no one may have lost a digit where its line shows a gap a digit wide
    /// (<see cref="MissedDigitGaps"/>). It names the one entry that the read with a digit inserted at such a gap is
    /// exactly, when the chance that a random entry is among those readings (10 per gap, each as likely as the
    /// directory's share of numbers of that length) is at most this. The default, 0.005, allows one or two gaps in a
    /// number of 8 digits or more among 100,000 entries of 7-12 digits, and none in a 7-digit one (0.017 a gap);
    /// on the tuning pages it found 16 more right persons in 1,961 and no wrong one (models/README.md). 0 turns it off.
    /// </summary>
    public double MaxGapFillChance { get; init; } = 0.005;

    /// <summary>
    /// A number that matches no one — its correction too dear for a crowded directory, or two entries as close — names
    /// the one entry it is with some digits read as alternatives the reader offered for them (a "9" read at 0.68 with
    /// "8" at 0.27), when the chance that a random entry is among those readings (one per combination of offered
    /// alternatives, each as likely as the directory's share of numbers of that length) is at most this. A crowded
    /// directory refuses such a correction because some entry is one edit from most reads; few are exactly one of the
    /// readings the reader itself offered. The default, 0.005, as for <see cref="MaxGapFillChance"/>. On the tuning
    /// pages, with one change, it found 21 more right persons in 1,961 and no wrong one (at 0.02: 28, and 3 wrong ones
    /// more); up to three changes, 48 (models/README.md). 0 turns it off.
    /// </summary>
    public double MaxAlternativeChance { get; init; } = 0.005;

    /// <summary>
    /// The most digits <see cref="MaxAlternativeChance"/>'s rule reads as alternatives at once: readings with one
    /// change are tried first, then two, and so on, while the chance bound holds. Three found 48 more right persons on
    /// the tuning pages, two 44, five 49, none of them wrong; the search grows as the product of the alternatives.
    /// </summary>
    public int MaxAlternativeChanges { get; init; } = 3;

    /// <summary>
    /// The lowest score (<see cref="Reading.RecognizedNumber.Score"/>: the geometric mean of its digits' scores) at
    /// which a read that is not exactly an entry may be corrected into one, by any of the rules above; below it the
    /// read names no one (<see cref="NoMatchReason.UnsureRead"/>). A read whose digits the reader itself gives about
    /// even odds is mostly a guess at illegible writing (tiny, faint, touching digits), and a one-edit correction of a
    /// guess names whoever happens to be near it. On the tuning pages the 332 right corrections all scored 0.589 or
    /// more and the two wrong ones 0.53 and 0.54; 0.6 keeps one in 1,961 right persons fewer and no wrong one
    /// (models/README.md). An exact read is never refused by it. 0 turns it off.
    /// </summary>
    public double MinCorrectedScore { get; init; } = 0.6;

    internal IEnumerable<string> Validate()
    {
        if (!(MaxDistance >= 0) || float.IsInfinity(MaxDistance))
        {
            yield return $"lookup.maxDistance must be finite and >= 0, got {MaxDistance}";
        }

        if (!(Margin > 0) || float.IsInfinity(Margin))
        {
            yield return $"lookup.margin must be finite and > 0 (ties must not be decided by file order), got {Margin}";
        }

        if (!(MaxCrowding >= 0) || float.IsInfinity(MaxCrowding))
        {
            yield return $"lookup.maxCrowding must be finite and >= 0, got {MaxCrowding}";
        }

        if (!(CrowdedMaxDistance >= 0) || float.IsInfinity(CrowdedMaxDistance))
        {
            yield return $"lookup.crowdedMaxDistance must be finite and >= 0, got {CrowdedMaxDistance}";
        }

        if (!(InsertionCost > 0) || float.IsInfinity(InsertionCost))
        {
            yield return $"lookup.insertionCost must be finite and > 0, got {InsertionCost}";
        }

        if (!(MaxGapFillChance is >= 0 and <= 1))
        {
            yield return $"lookup.maxGapFillChance must be in [0, 1], got {MaxGapFillChance}";
        }

        if (!(MaxAlternativeChance is >= 0 and <= 1))
        {
            yield return $"lookup.maxAlternativeChance must be in [0, 1], got {MaxAlternativeChance}";
        }

        if (!(MinCorrectedScore is >= 0 and <= 1))
        {
            yield return $"lookup.minCorrectedScore must be in [0, 1], got {MinCorrectedScore}";
        }

        if (MaxAlternativeChanges is < 1 or > 8)
        {
            yield return $"lookup.maxAlternativeChanges must be in [1, 8], got {MaxAlternativeChanges}";
        }
    }
}
