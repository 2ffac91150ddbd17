namespace DigitOcr.Evaluation;

/// <summary>One condition's row of the per-condition table: the pages that show it against the pages that do not.</summary>
/// <param name="Condition">The name pages record (<c>PageConditions</c> or a photo step such as "shadow").</param>
public sealed record ConditionBreakdown(string Condition, PageCounts With, PageCounts Without);
