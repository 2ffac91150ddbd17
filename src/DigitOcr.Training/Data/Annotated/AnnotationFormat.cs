namespace DigitOcr.Data.Annotated;

/// <summary>The annotation formats an annotated folder may hold (one per folder, detected by <see cref="AnnotationFormats.Detect"/>).</summary>
public enum AnnotationFormat
{
    /// <summary><c>annotations.csv</c>: header <c>image,x1,y1,x2,y2,digit</c>, one row per digit.</summary>
    Csv,

    /// <summary>A COCO JSON file (<c>images</c>, <c>annotations</c>, <c>categories</c>), as annotation tools export it.</summary>
    Coco,

    /// <summary>Pascal VOC: one <c>.xml</c> file per image (<c>&lt;annotation&gt;</c> with <c>&lt;object&gt;</c>s).</summary>
    Voc,
}
