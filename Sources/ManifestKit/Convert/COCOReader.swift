/// Reads a COCO instances file (`images`, `annotations`, `categories`) into ``LabeledImage``s.
///
/// Conventions: categories are known by name (their ids need not start at 0 or be dense; the manifest's
/// class ids follow the categories' order); `bbox` is `[x, y, width, height]` in pixels, floats allowed;
/// `iscrowd` boxes are kept; segmentation, keypoints and captions cannot be expressed and are counted as
/// dropped; an image without annotations is an image without labels; annotations may come in any order;
/// `date_captured` and the other optional fields are not needed. Sizes come from `width` and `height`, or
/// from the image file under the image root when missing.
public struct COCOReader {
    /// The file, as named in errors.
    public let path: String
    /// The directory the `file_name`s are relative to, for images whose size the file does not give.
    public let imageRoot: String?

    /// A reader of the COCO file at `path`.
    public init(path: String, imageRoot: String?) {
        self.path = path
        self.imageRoot = imageRoot
    }

    /// What the file holds.
    public struct Dataset: Sendable {
        /// The images, in the file's order.
        public var images: [LabeledImage]
        /// The category names, in the file's order.
        public var classOrder: [String]
        /// What the manifest cannot express, by kind.
        public var dropped: [String: Int]
    }

    /// Reads the file, one element of its lists at a time (``JSONStream``).
    public func read() throws(ConversionError) -> Dataset {
        let bytes = try InputFile.bytes(of: path)
        var reading = Reading()
        try bytes.withUnsafeBufferPointer { buffer throws(ConversionError) in
            let stream = JSONStream(bytes: buffer, file: path)
            try stream.forEachMember { key, range throws(ConversionError) in
                switch key {
                case "categories", "images", "annotations":
                    let isList = try stream.forEachElement(in: range) { element throws(ConversionError) in
                        try stream.document(element) { document throws(ConversionError) in
                            try reading.take(key, document, element, stream)
                        }
                    }
                    guard isList else {
                        throw try stream.document(range) { document in
                            stream.failure("\(key) must be a list", at: JSONDocument.rootIndex, of: document, in: range)
                        }
                    }
                default:
                    try stream.document(range) { _ in }  // Checked, not kept.
                }
            }
            try reading.resolve(stream)
        }
        var images = reading.images
        if let imageRoot {
            for index in images.indices where images[index].width == nil || images[index].height == nil {
                guard !images[index].boxes.isEmpty else { continue }
                if let size = DirectoryListing.imageSize(at: PathName.joined(imageRoot, images[index].path)) {
                    images[index].width = size.width
                    images[index].height = size.height
                }
            }
        }
        return Dataset(images: images, classOrder: reading.classOrder, dropped: reading.dropped)
    }
}

/// What the reader has taken from a COCO file so far; annotations are kept until the end, as they may come
/// before the images and categories they name.
private struct Reading {
    var images: [LabeledImage] = []
    var classOrder: [String] = []
    var dropped: [String: Int] = [:]
    private var categories: [Key: String] = [:]
    private var imageIndex: [Key: Int] = [:]
    /// Annotations: image id and category id, the box, and where the annotation and its category id are in
    /// the file.
    private var annotations: [(image: Key, category: Key, box: LabeledBox, at: Int, categoryAt: Int)] = []

    /// An id: a whole number, as ids are in practice, or its text as written.
    private enum Key: Hashable, CustomStringConvertible {
        case number(Int)
        case text(String)

        init(_ node: Int, in document: JSONDocument) {
            if document[node].kind == .number, let value = document.int(at: node) {
                self = .number(value)
            } else {
                self = .text(document.rawText(at: node))
            }
        }

        var description: String {
            switch self {
            case .number(let value): String(value)
            case .text(let text): text
            }
        }
    }

    mutating func take(_ list: String, _ document: JSONDocument, _ range: Range<Int>, _ stream: JSONStream)
        throws(ConversionError)
    {
        let root = JSONDocument.rootIndex
        let fail = { (message: String, node: Int) in stream.failure(message, at: node, of: document, in: range) }
        switch list {
        case "categories":
            guard document.root.kind == .object, let id = document.member("id", in: root),
                let name = document.member("name", in: root), let text = document.stringValue(at: name)
            else { throw fail("a category needs an id and a name", root) }
            categories[Key(id, in: document)] = text
            if !classOrder.contains(text) { classOrder.append(text) }
        case "images":
            guard document.root.kind == .object, let id = document.member("id", in: root),
                let name = document.member("file_name", in: root), let fileName = document.stringValue(at: name)
            else { throw fail("an image needs an id and a file_name", root) }
            let key = Key(id, in: document)
            if imageIndex[key] != nil { throw fail("image id \(key) appears twice", id) }
            imageIndex[key] = images.count
            var labeled = LabeledImage(path: LabeledImage.normalisedPath(fileName))
            labeled.width = document.member("width", in: root).flatMap(document.int(at:))
            labeled.height = document.member("height", in: root).flatMap(document.int(at:))
            images.append(labeled)
        default:
            let fields = AnnotationFields(root, in: document)
            guard let imageID = fields.imageID else {
                throw fail("the annotation's image_id is not among the images", root)
            }
            if let segmentation = fields.segmentation, document[segmentation].count > 0 {
                dropped["segmentation", default: 0] += 1
            }
            if fields.keypoints != nil { dropped["keypoints", default: 0] += 1 }
            if fields.caption != nil { dropped["captions", default: 0] += 1 }
            guard let category = fields.categoryID else {
                if fields.caption == nil { dropped["annotations without a category", default: 0] += 1 }
                return
            }
            guard let box = fields.bbox else {
                dropped["annotations without a bbox", default: 0] += 1
                return
            }
            guard document[box].kind == .array, document[box].count == 4,
                let x = document.number(at: box + 1), let y = document.number(at: box + 2),
                let width = document.number(at: box + 3), let height = document.number(at: box + 4),
                [x, y, width, height].allSatisfy(\.isFinite)
            else { throw fail("bbox must be [x, y, width, height], four numbers", box) }
            annotations.append(
                (
                    Key(imageID, in: document), Key(category, in: document),
                    LabeledBox(label: "", left: x, top: y, width: width, height: height), range.lowerBound,
                    range.lowerBound + Int(document[category].start)
                ))
        }
    }

    /// Puts each annotation's box on its image, named by its category.
    mutating func resolve(_ stream: JSONStream) throws(ConversionError) {
        for annotation in annotations {
            guard let position = imageIndex[annotation.image] else {
                throw stream.failure(at: annotation.at, "the annotation's image_id is not among the images")
            }
            guard let label = categories[annotation.category] else {
                throw stream.failure(
                    at: annotation.categoryAt, "category_id \(annotation.category) is not among the categories")
            }
            var box = annotation.box
            box.label = label
            images[position].boxes.append(box)
        }
        annotations = []
    }
}

/// The members of a COCO annotation that the reader uses, found in one pass over its keys.
private struct AnnotationFields {
    var imageID: Int?
    var categoryID: Int?
    var bbox: Int?
    var segmentation: Int?
    var keypoints: Int?
    var caption: Int?

    private static let names: [[UInt8]] = ["image_id", "category_id", "bbox", "segmentation", "keypoints", "caption"]
        .map {
            Array($0.utf8)
        }

    init(_ annotation: Int, in document: JSONDocument) {
        guard document[annotation].kind == .object else { return }
        var key = annotation + 1
        let end = Int(document[annotation].next)
        while key < end {
            let node = document[key]
            let name = document.bytes[(Int(node.start) + 1)..<(Int(node.end) - 1)]
            switch Self.names.firstIndex(where: { $0.elementsEqual(name) }) {
            case 0: imageID = imageID ?? key + 1
            case 1: categoryID = categoryID ?? key + 1
            case 2: bbox = bbox ?? key + 1
            case 3: segmentation = segmentation ?? key + 1
            case 4: keypoints = keypoints ?? key + 1
            case 5: caption = caption ?? key + 1
            default: break
            }
            key = Int(document[key + 1].next)
        }
    }
}
