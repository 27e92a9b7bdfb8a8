/// One image of a dataset in another format, as a reader of that format finds it: its path under the
/// dataset's image root, its size when the format gives it, its image-level labels and its boxes.
public struct LabeledImage: Sendable, Equatable {
    /// The path relative to the image root, with `/` separators and no `./` (``normalisedPath(_:)``).
    public var path: String
    /// The size in pixels, when the format gives it (else read from the image file).
    public var width: Int?
    /// The height in pixels, when the format gives it.
    public var height: Int?
    /// The number of channels, when the format gives it (else 3 is written, and counted).
    public var depth: Int?
    /// The image-level labels, in the format's order, without repeats.
    public var labels: [String]
    /// The boxes, in the format's order, in pixels as the format has them (rounded when written).
    public var boxes: [LabeledBox]

    /// Creates an image.
    public init(path: String, width: Int? = nil, height: Int? = nil, labels: [String] = [], boxes: [LabeledBox] = []) {
        self.path = path
        self.width = width
        self.height = height
        self.labels = labels
        self.boxes = boxes
    }

    /// `path` with `\` made `/`, empty and `.` components dropped and `..` resolved where it can be
    /// (`./a//b\c.jpg` is `a/b/c.jpg`, `a/../b.jpg` is `b.jpg`); a leading `..` stays.
    public static func normalisedPath(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(whereSeparator: { $0 == "/" || $0 == "\\" }) where component != "." {
            if component == "..", let last = components.last, last != ".." {
                components.removeLast()
            } else {
                components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}

/// A bounding box of a ``LabeledImage``: its label and its place in pixels.
public struct LabeledBox: Sendable, Equatable {
    /// The label (class name).
    public var label: String
    /// The left edge, in pixels from the image's left.
    public var left: Double
    /// The top edge, in pixels from the image's top.
    public var top: Double
    /// The width in pixels.
    public var width: Double
    /// The height in pixels.
    public var height: Double

    /// Creates a box.
    public init(label: String, left: Double, top: Double, width: Double, height: Double) {
        self.label = label
        self.left = left
        self.top = top
        self.width = width
        self.height = height
    }
}
