namespace DigitOcr.Data.Pages;

/// <summary>How many more digits a page may take (<see cref="LayoutOptions.MaxDigitsPerPage"/> at the start).</summary>
internal sealed class DigitBudget(int total)
{
    public int Left { get; set; } = total;
}
