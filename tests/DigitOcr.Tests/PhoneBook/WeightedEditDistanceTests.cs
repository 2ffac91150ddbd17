using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Tests.PhoneBook;

public class WeightedEditDistanceTests
{
    private const float Insertion = 1.0f;

    [Theory]
    // Same digits: free, whatever the confidence.
    [InlineData("123", new[] { 0.9f, 0.5f, 0.8f }, "123", 0f)]
    // One substitution costs the confidence of the read digit replaced.
    [InlineData("123", new[] { 0.9f, 0.5f, 0.8f }, "143", 0.5f)]
    [InlineData("129", new[] { 1f, 1f, 0.95f }, "123", 0.95f)]
    // An extra read digit costs its own confidence to delete.
    [InlineData("1234", new[] { 0.9f, 0.2f, 0.9f, 0.9f }, "134", 0.2f)]
    // A missed digit costs the insertion cost.
    [InlineData("134", new[] { 0.9f, 0.9f, 0.9f }, "1234", 1.0f)]
    // In a run of equal digits the least confident one is the one deleted: 0.2, not 0.9.
    [InlineData("5551", new[] { 0.9f, 0.2f, 0.9f, 0.9f }, "551", 0.2f)]
    // Two cheap substitutions (0.1 + 0.1) beat a deletion and an insertion (0.1 + 1).
    [InlineData("21", new[] { 0.1f, 0.1f }, "12", 0.2f)]
    // Empty read: every target digit inserted; empty target: every read digit deleted.
    [InlineData("", new float[0], "12", 2.0f)]
    [InlineData("12", new[] { 0.3f, 0.4f }, "", 0.7f)]
    public void Compute_EqualsHandComputedCost(string read, float[] confidences, string target, float expected) =>
        Assert.Equal(expected, WeightedEditDistance.Compute(read, confidences, target, Insertion), precision: 5);

    [Fact]
    public void Compute_InsertionCostIsTheCostOfAMissedDigit() =>
        Assert.Equal(0.7f, WeightedEditDistance.Compute("134", [0.9f, 0.9f, 0.9f], "1234", insertionCost: 0.7f), precision: 5);

    [Fact]
    public void Compute_ConfidencesNotOnePerDigit_ThrowsNamingTheCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedEditDistance.Compute("123", [0.5f], "123", Insertion));
        Assert.Contains("3 digits but 1 confidences", error.Message);
    }

    [Fact]
    public void Compute_ConfidenceOutsideUnitInterval_ThrowsNamingTheDigit()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightedEditDistance.Compute("12", [0.5f, 1.5f], "12", Insertion));
        Assert.Contains("1.5", error.Message);
        Assert.Contains("digit 1", error.Message);
    }
}
