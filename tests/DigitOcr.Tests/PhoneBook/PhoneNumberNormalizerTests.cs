using DigitOcr.Inference.PhoneBook;

namespace DigitOcr.Tests.PhoneBook;

public class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer normalizer = new();

    [Theory]
    [InlineData("+1 (555) 123-4567")]
    [InlineData("1-555-123-4567")]
    [InlineData("555.123.4567")]
    [InlineData("(555) 123 4567")]
    [InlineData("5551234567")]
    public void Normalize_CommonFormats_GiveTheNationalDigits(string written) =>
        Assert.Equal("5551234567", normalizer.Normalize(written));

    [Fact]
    public void Normalize_CountryCodeIsDroppedOnlyBeforeANationalNumber()
    {
        // 11 digits starting with 1: country code + national number. 12 digits: an international number, kept.
        Assert.Equal("5551234567", normalizer.Normalize("15551234567"));
        Assert.Equal("442079460958", normalizer.Normalize("+44 20 7946 0958"));
        Assert.Equal("1555123456", normalizer.Normalize("1555123456"));
    }

    [Fact]
    public void Normalize_WithoutCountryCode_KeepsEveryDigit()
    {
        var plain = new PhoneNumberNormalizer(new PhoneNumberOptions { CountryCode = "" });
        Assert.Equal("15551234567", plain.Normalize("+1 555 123 4567"));
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEachProblem()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new PhoneNumberNormalizer(new PhoneNumberOptions { CountryCode = "+1", MaxDigits = 20 }));
        Assert.Contains("countryCode", error.Message);
        Assert.Contains("'+1'", error.Message);
        Assert.Contains("maxDigits", error.Message);
        Assert.Contains("20", error.Message);
    }
}
