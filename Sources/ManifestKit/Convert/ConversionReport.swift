/// What a conversion did to the data and what it could not carry over, counted by kind; printed after a
/// conversion so that nothing is lost silently.
public struct ConversionReport: Sendable, Equatable {
    /// Images read.
    public var images = 0
    /// Lines written.
    public var lines = 0
    /// Boxes written.
    public var boxes = 0
    /// Boxes that rounding to whole pixels moved.
    public var roundedBoxes = 0
    /// Boxes clamped to the image.
    public var clampedBoxes = 0
    /// Boxes of 1 pixel or less on a side after rounding and clamping.
    public var tinyBoxes = 0
    /// Boxes past the limit of 50 on an image.
    public var boxesOverLimit = 0
    /// Whether those were dropped (`--drop-invalid`) or kept for lint to report.
    public var droppedInvalid = false
    /// Images without labels or boxes.
    public var emptyImages = 0
    /// Whether images without labels or boxes were left out (`--skip-empty`).
    public var skippedEmpty = false
    /// Multi-label attributes written as one image-level attribute per label.
    public var multiLabelAttributes = 0
    /// Images whose depth the format does not give (3 is written).
    public var assumedDepth = 0
    /// What the manifest cannot express, by kind (such as `segmentation`), with counts.
    public var dropped: [String: Int] = [:]

    /// Creates an empty report.
    public init() {}

    /// The report for people, one fact a line.
    public var text: String {
        var lines = [
            "\(Count.phrase(images, "image")) read, \(Count.phrase(self.lines, "line")) written, "
                + "\(Count.phrase(boxes, "box", "boxes"))"
        ]
        if roundedBoxes > 0 { lines.append("\(Count.phrase(roundedBoxes, "box", "boxes")) rounded to whole pixels") }
        if clampedBoxes > 0 { lines.append("\(Count.phrase(clampedBoxes, "box", "boxes")) clamped to the image") }
        let fate = droppedInvalid ? "dropped (--drop-invalid)" : "kept for lint to report"
        if tinyBoxes > 0 { lines.append("\(Count.phrase(tinyBoxes, "box", "boxes")) of 1 pixel or less: \(fate)") }
        if boxesOverLimit > 0 {
            lines.append("\(Count.phrase(boxesOverLimit, "box", "boxes")) past 50 on an image: \(fate)")
        }
        if emptyImages > 0 {
            lines.append(
                "\(Count.phrase(emptyImages, "image")) without labels or boxes: "
                    + (skippedEmpty ? "left out (--skip-empty)" : "written as lines without labels"))
        }
        if multiLabelAttributes > 0 {
            lines.append(
                "\(Count.phrase(multiLabelAttributes, "multi-label attribute")) written as one attribute per label")
        }
        if assumedDepth > 0 {
            lines.append("\(Count.phrase(assumedDepth, "image")) without a depth in the format: depth 3 written")
        }
        for (kind, count) in dropped.sorted(by: { $0.key < $1.key }) {
            lines.append("not carried over (\(kind)): \(Count.grouped(count))")
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
