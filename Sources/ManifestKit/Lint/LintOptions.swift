/// Limits and switches for a lint run.
public struct LintOptions: Sendable {
    /// The longest line the service accepts, in characters (Unicode scalar values).
    public var maxLineCharacters = 100_000
    /// The deepest nesting the parser accepts.
    public var maxDepth = 512
    /// The longest line kept in memory, in bytes; longer lines are measured, reported and skipped.
    public var maxLineBytes = JSONLinesReader.defaultMaxLineBytes

    /// The most lines a manifest may have (CL404).
    public var maxRows = 250_000
    /// The largest manifest, in bytes (CL405).
    public var maxBytes = 1_000_000_000

    /// Per line, keep only what the service would report first: the findings of the first code of its
    /// documented precedence list that the line has (see ``ServicePrecedence``); whole-manifest findings stay.
    public var servicePrecedence = false

    /// Attach to each finding with a column the stretch of its line around it (for the `full` format).
    public var excerpts = false

    /// The most boxes an image may have before CL305 (the service's limit is 50; a lower one can be set).
    public var maxBoxesPerImage = TooManyBoundingBoxes.limit
    /// The labels a manifest may use (CL210), or nil for any.
    public var allowedLabels: Set<String>?

    /// Where the images of `source-ref`s are on disk (`--images`, `images:`); empty: images are not checked.
    public var images: [ImageMapping] = []

    /// Creates options with the defaults.
    public init() {}
}
