/// What a lint run saw in one manifest: the basis of the closing summary.
public struct LintStatistics: Sendable, Equatable {
    /// Every line, blank and invalid ones included (the service counts them all).
    public var lines = 0
    /// Lines with at least one error finding: the service drops them or does not use them.
    public var linesWithErrors = 0
    /// Lines with warnings and no error: kept, but some are not used for training.
    public var linesWithWarningsOnly = 0
    /// Distinct `source-ref`s.
    public var images = 0
    /// Distinct S3 buckets among the `source-ref`s.
    public var buckets = 0
    /// Distinct label names (image-level `class-name`s and `class-map` values).
    public var labels = 0
    /// Bounding boxes, valid or not.
    public var boxes = 0
    /// Whether the file was skipped as not JSON Lines (CL010).
    public var skipped = false
    /// Bytes read, newlines included.
    public var bytes = 0
    /// Lines with at least one bounding box.
    public var imagesWithBoxes = 0
    /// The most boxes on one line.
    public var mostBoxes = 0
    /// Each distinct label, in order of first appearance, with the number of images (lines) naming it.
    public var labelImages: [LabelCount] = []

    /// A label and how many images name it.
    public struct LabelCount: Sendable, Equatable {
        /// The label's name.
        public var label: String
        /// The images (lines) that name it.
        public var images: Int
    }

    /// Creates empty statistics.
    public init() {}

    /// What the image checks found, when images were checked (``LintOptions/images``).
    public var imageChecks: ImageSummary?

    /// The share of lines with errors, which the service holds to 20% (of all lines) in training.
    public var invalidShare: Double {
        lines == 0 ? 0 : Double(linesWithErrors) / Double(lines)
    }
}
