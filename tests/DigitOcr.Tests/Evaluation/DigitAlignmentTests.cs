using DigitOcr.Evaluation;

namespace DigitOcr.Tests.Evaluation;

public class DigitAlignmentTests
{
    [Fact]
    public void SameDigits_HaveNoErrors()
    {
        var alignment = DigitAlignment.Align("6551234", "6551234");

        Assert.Equal((0, 0, 0), (alignment.Substitutions.Count, alignment.Missed, alignment.Extra));
    }

    [Fact]
    public void OneWrongDigit_IsOneSubstitution_NamingBothDigits()
    {
        var alignment = DigitAlignment.Align("6551234", "6551734");

        Assert.Equal([('2', '7')], alignment.Substitutions);
        Assert.Equal((0, 0), (alignment.Missed, alignment.Extra));
    }

    [Fact]
    public void ALostDigit_IsMissed_AndAStrayMarkIsExtra()
    {
        Assert.Equal((0, 1, 0), Counts(DigitAlignment.Align("12345", "1245")));
        Assert.Equal((0, 0, 1), Counts(DigitAlignment.Align("12345", "123457")));
    }

    [Fact]
    public void ShiftedDigits_CostOneMissAndOneExtra_NotManySubstitutions()
    {
        // "1234567" read as "2345678": a lost first digit and an extra last one (2 edits), not 7 substitutions.
        Assert.Equal((0, 1, 1), Counts(DigitAlignment.Align("1234567", "2345678")));
    }

    [Fact]
    public void NothingRead_MissesEveryDigit()
    {
        Assert.Equal((0, 3, 0), Counts(DigitAlignment.Align("123", "")));
    }

    private static (int, int, int) Counts(DigitAlignment a) => (a.Substitutions.Count, a.Missed, a.Extra);
}
