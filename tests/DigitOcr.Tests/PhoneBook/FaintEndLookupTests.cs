using DigitOcr.Boxes;
using DigitOcr.Inference.PhoneBook;
using DigitOcr.Postprocess;
using DigitOcr.Reading;

namespace DigitOcr.Tests.PhoneBook;

/// <summary>
/// <see cref="PhoneDirectory.LookupReading"/>: a faint end digit the reader left off is read after all when the
/// directory holds the number with it exactly, and only then.
/// </summary>
public class FaintEndLookupTests
{
    private static readonly PhoneDirectory People = TestDirectories.FromCsv("""
        name,phone
        Alice,555-123-4567
        Bob,555-987-6543
        """);

    private readonly NumberReader reader = new();

    [Fact]
    public void FaintLastDigit_ThatMakesAnEntry_IsReadAndMatchesExactly()
    {
        // 555123456 + a faint 7 (0.45 < 0.6 x 0.9): read as nine digits, but Alice's number has the 7.
        var number = Assert.Single(reader.Read(Written("5551234567", i => i == 9 ? 0.45f : 0.9f)));
        Assert.Equal("555123456", number.Text);

        var found = People.LookupReading(number);

        Assert.Equal("5551234567", found.Reading.Text);
        var match = Assert.IsType<DirectoryMatch>(found.Result);
        Assert.Equal("Alice", match.Entry.Name);
        Assert.True(match.IsExact);
    }

    [Fact]
    public void FaintLastDigit_ThatMakesNoEntry_IsLeftOff_AndTheReadIsLookedUpAsRead()
    {
        // 555987654 + a faint 1: 5559876541 is nobody's; the nine digits are Bob's number minus its last digit.
        var number = Assert.Single(reader.Read(Written("5559876541", i => i == 9 ? 0.45f : 0.9f)));

        var found = People.LookupReading(number);

        Assert.Same(number, found.Reading);
        Assert.Equal(People.Lookup(number), found.Result);
    }

    [Fact]
    public void ExactRead_IsKept_EvenWhenALongerReadingIsAnEntryToo()
    {
        var directory = TestDirectories.FromCsv("""
            name,phone
            Alice,555-123-4567
            Dan,555-123-4567-8
            """);
        var number = Assert.Single(reader.Read(Written("55512345678", i => i == 10 ? 0.45f : 0.9f)));

        var found = directory.LookupReading(number);

        Assert.Same(number, found.Reading);
        Assert.Equal("Alice", Assert.IsType<DirectoryMatch>(found.Result).Entry.Name);
    }

    private static List<Detection> Written(string text, Func<int, float> scores) =>
        text.Select((c, i) => new Detection(c - '0', scores(i), Box.FromCenter(100 + (i * 32), 200, 26, 40))).ToList();
}
