/// An image file a rule example needs on disk, for the rules of `lint --images`.
///
/// The example's `source-ref`s name it as `s3://bucket/KEY`; the tests write it to a scratch directory
/// mapped to `s3://bucket/`, so the example runs exactly as `lint --images s3://bucket/=DIR` would.
public struct ExampleImage: Sendable {
    /// What the file holds.
    public indirect enum Content: Sendable {
        /// A valid PNG of this size.
        case png(width: Int, height: Int)
        /// A valid JPEG of this size, with an EXIF orientation when given.
        case jpeg(width: Int, height: Int, orientation: Int? = nil)
        /// These bytes.
        case bytes([UInt8])
        /// The first `count` bytes of another content: a file cut short.
        case prefix(Content, count: Int)
        /// No file at all: the image is missing.
        case missing
    }

    /// The object key under `s3://bucket/`, such as `a.jpg`.
    public let key: String
    /// What the file holds.
    public let content: Content
    /// The file's size when larger than its content: zeros follow (for the file-size rule).
    public let size: Int?

    /// Creates an image file description.
    public init(_ key: String, _ content: Content, size: Int? = nil) {
        self.key = key
        self.content = content
        self.size = size
    }
}
