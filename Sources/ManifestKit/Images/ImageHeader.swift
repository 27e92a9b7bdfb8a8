/// What an image file's header says: its format, its stored size and its EXIF orientation.
public struct ImageHeader: Sendable, Equatable {
    /// The format by signature.
    public var format: ImageFormat
    /// The stored width and height in pixels; nil for a format whose header is not read (not PNG or JPEG).
    public var width: Int?
    /// The stored height in pixels.
    public var height: Int?
    /// The EXIF orientation (1–8) of a JPEG that has one; 5–8 mean the picture is shown turned a quarter.
    public var orientation: Int?
    /// Whether the file ends as its format requires (PNG's IEND chunk, JPEG's end-of-image marker); nil
    /// when not checked.
    public var endsProperly: Bool?

    /// Creates a header.
    public init(
        format: ImageFormat, width: Int? = nil, height: Int? = nil, orientation: Int? = nil,
        endsProperly: Bool? = nil
    ) {
        self.format = format
        self.width = width
        self.height = height
        self.orientation = orientation
        self.endsProperly = endsProperly
    }

    /// Whether the EXIF orientation turns the picture a quarter, so that it is shown `height` × `width`.
    public var isTurned: Bool { (5...8).contains(orientation ?? 1) }
}
