using DigitOcr.Evaluation;

namespace DigitOcr.Tests.Evaluation;

public class ConditionTableTests
{
    [Fact]
    public void EachCondition_SplitsThePagesIntoWithAndWithout()
    {
        var table = new ConditionTable();
        table.Add(["ruled", "blur"], new PageCounts(1, Digits: 10, DigitsRead: 6, Reported: 8, Numbers: 2, NumbersExact: 0));
        table.Add(["blur"], new PageCounts(1, 10, 9, 10, 2, 1));
        table.Add([], new PageCounts(1, 20, 20, 20, 4, 4));

        var rows = table.Compute(["ruled", "blur", "shadow"]);

        // "shadow" is on no page, so it has no row; rows come sorted by name.
        Assert.Equal(["blur", "ruled"], rows.Select(r => r.Condition));
        var ruled = rows[1];
        Assert.Equal((1, 0.6, 0.75, 0.0), (ruled.With.Pages, ruled.With.Recall, ruled.With.Precision, ruled.With.ExactRate));
        Assert.Equal((2, 29 / 30.0, 29 / 30.0, 5 / 6.0), (ruled.Without.Pages, ruled.Without.Recall, ruled.Without.Precision, ruled.Without.ExactRate));
        Assert.Equal(new PageCounts(3, 40, 35, 38, 8, 5), table.Total);
    }

    [Fact]
    public void AConditionOnEveryPage_HasNothingToCompareWith_AndNoRow()
    {
        var table = new ConditionTable();
        table.Add(["jpeg"], new PageCounts(1, 1, 1, 1, 0, 0));

        Assert.Empty(table.Compute(["jpeg"]));
    }
}
