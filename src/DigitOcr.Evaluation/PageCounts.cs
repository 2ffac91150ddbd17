namespace DigitOcr.Evaluation;

/// <summary>
/// Digit and number counts over a set of pages, at the number reader's operating point: a digit counts as reported
/// when its score is at least <c>NumberReaderOptions.MinDigitScore</c> (what the reader builds numbers from).
/// </summary>
/// <param name="Pages">Pages counted.</param>
/// <param name="Digits">Readable digits written (ignored ones excluded).</param>
/// <param name="DigitsRead">Written digits with a reported detection of the same digit at IoU 0.5 or more (each used once).</param>
/// <param name="Reported">Reported detections, those on ignored (cut or tiny) digits excluded.</param>
/// <param name="Numbers">Written numbers long enough to count, fully visible.</param>
/// <param name="NumbersExact">Of those, read exactly at their place.</param>
public readonly record struct PageCounts(int Pages, int Digits, int DigitsRead, int Reported, int Numbers, int NumbersExact)
{
    /// <summary>Digits read right over digits written; NaN without digits.</summary>
    public double Recall => Digits == 0 ? double.NaN : (double)DigitsRead / Digits;

    /// <summary>Reported detections that are a written digit, read right; NaN without reports.</summary>
    public double Precision => Reported == 0 ? double.NaN : (double)DigitsRead / Reported;

    /// <summary>Numbers read exactly over numbers written; NaN without numbers.</summary>
    public double ExactRate => Numbers == 0 ? double.NaN : (double)NumbersExact / Numbers;

    public static PageCounts operator +(PageCounts a, PageCounts b) => new(
        a.Pages + b.Pages, a.Digits + b.Digits, a.DigitsRead + b.DigitsRead, a.Reported + b.Reported, a.Numbers + b.Numbers, a.NumbersExact + b.NumbersExact);
}
