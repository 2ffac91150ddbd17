namespace DigitOcr.Evaluation;

/// <summary>
/// The cheapest way to turn a written digit string into a read one (Levenshtein: each substitution, missed or extra
/// digit costs 1; on ties a substitution is preferred, since a misread digit is likelier than a lost and an added one).
/// </summary>
/// <param name="Substitutions">Written digit and the digit read in its place, in reading order.</param>
/// <param name="Missed">Written digits with nothing read for them.</param>
/// <param name="Extra">Read digits with nothing written for them.</param>
public sealed record DigitAlignment(IReadOnlyList<(char Written, char Read)> Substitutions, int Missed, int Extra)
{
    public static DigitAlignment Align(string written, string read)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(read);
        var cost = new int[written.Length + 1, read.Length + 1];
        for (var i = 0; i <= written.Length; i++)
        {
            cost[i, 0] = i;
        }

        for (var j = 0; j <= read.Length; j++)
        {
            cost[0, j] = j;
        }

        for (var i = 1; i <= written.Length; i++)
        {
            for (var j = 1; j <= read.Length; j++)
            {
                var change = cost[i - 1, j - 1] + (written[i - 1] == read[j - 1] ? 0 : 1);
                cost[i, j] = Math.Min(change, Math.Min(cost[i - 1, j], cost[i, j - 1]) + 1);
            }
        }

        var substitutions = new List<(char, char)>();
        var (missed, extra) = (0, 0);
        var (a, b) = (written.Length, read.Length);
        while (a > 0 || b > 0)
        {
            if (a > 0 && b > 0 && cost[a, b] == cost[a - 1, b - 1] + (written[a - 1] == read[b - 1] ? 0 : 1))
            {
                if (written[a - 1] != read[b - 1])
                {
                    substitutions.Add((written[a - 1], read[b - 1]));
                }

                (a, b) = (a - 1, b - 1);
            }
            else if (a > 0 && cost[a, b] == cost[a - 1, b] + 1)
            {
                missed++;
                a--;
            }
            else
            {
                extra++;
                b--;
            }
        }

        substitutions.Reverse();
        return new DigitAlignment(substitutions, missed, extra);
    }
}
