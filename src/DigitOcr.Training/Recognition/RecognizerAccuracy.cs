namespace DigitOcr.Training.Recognition;

/// <summary>
/// How the recognizer did on a labelled crop set: overall accuracy, accuracy on the digit crops, and how well it
/// separates "not a digit" (recall: junk it rejects; false rejections: real digits it calls junk).
/// </summary>
public sealed record RecognizerAccuracy(int Crops, double Accuracy, double DigitAccuracy, double NotADigitRecall, double DigitsRejected)
{
    public override string ToString() =>
        $"accuracy {Accuracy:P2} on {Crops} crops (digits {DigitAccuracy:P2}; not-a-digit recall {NotADigitRecall:P1}, digits rejected {DigitsRejected:P2})";
}
