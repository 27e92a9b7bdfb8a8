/// One manifest line whose `source-ref` maps to a local image, with what the manifest says of the image.
struct ImageTarget: Sendable {
    /// A value of the line, with its place for findings.
    struct Place: Sendable {
        var column: Int
        var pointer: String
    }

    /// An object-localization attribute's `image_size`.
    struct DeclaredSize: Sendable {
        var width: Double
        var height: Double
        var place: Place
        /// The columns of the `width` and `height` values as written (start, and just past the end).
        var widthColumns: Range<Int>
        var heightColumns: Range<Int>
    }

    /// A box with numeric geometry, and the declared size of its attribute (an index of ``sizes``).
    struct DeclaredBox: Sendable {
        var left: Double
        var top: Double
        var width: Double
        var height: Double
        var size: Int
        var place: Place
    }

    var line: Int
    var sourceRef: String
    var location: ImageMapping.Location
    var sourceRefPlace: Place
    var sizes: [DeclaredSize] = []
    var boxes: [DeclaredBox] = []
    /// Whether the line has object-localization attributes (the service's code for bad dimensions depends
    /// on it).
    var hasBoxes = false
}
