namespace DigitOcr.Data.Scenes;

/// <summary>A digit drawn in a <see cref="Scene"/>: its label, its own ink, and (reference preset only) the pasted patch's corners.</summary>
/// <param name="Digit">0..9.</param>
/// <param name="Ink">The digit's own ink coverage, in scene pixels.</param>
/// <param name="Patch">
/// The reference's ground-truth quirk: the corners of the pasted patch (MNIST's whole 28x28 cell, padding included,
/// as scaled and moved), in pixel-edge coordinates; null when the preset has no patch box.
/// </param>
/// <param name="Number">Which written number of the page the digit belongs to (its digits in writing order); -1: none.</param>
/// <param name="Ignored">
/// Always <see cref="Boxes.LabeledBox.Ignored"/>, however visible: a box its annotator marked as one to ignore (VOC's
/// <c>difficult</c>, COCO's <c>iscrowd</c>).
/// </param>
public sealed record SceneDigit(int Digit, InkMask Ink, Quad? Patch = null, int Number = -1, bool Ignored = false);
