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

    /// Reads the file.
    public func read() throws(ConversionError) -> Dataset {
        try JSONFile.read(path) { document throws(ConversionError) in try read(document) }
    }

    private func read(_ document: JSONDocument) throws(ConversionError) -> Dataset {
        let root = JSONDocument.rootIndex
        guard document.root.kind == .object else {
            throw failure("a COCO file is one JSON object with images, annotations and categories", at: root, document)
        }
        var categories: [String: String] = [:]
        var classOrder: [String] = []
        for category in try array("categories", document) {
            guard let id = document.member("id", in: category), let name = document.member("name", in: category),
                let text = document.stringValue(at: name)
            else { throw failure("a category needs an id and a name", at: category, document) }
            categories[document.rawText(at: id)] = text
            if !classOrder.contains(text) { classOrder.append(text) }
        }
        var images: [LabeledImage] = []
        var imageIndex: [String: Int] = [:]
        for image in try array("images", document) {
            guard let id = document.member("id", in: image), let name = document.member("file_name", in: image),
                let fileName = document.stringValue(at: name)
            else { throw failure("an image needs an id and a file_name", at: image, document) }
            let key = document.rawText(at: id)
            if imageIndex[key] != nil { throw failure("image id \(key) appears twice", at: id, document) }
            imageIndex[key] = images.count
            var labeled = LabeledImage(path: LabeledImage.normalisedPath(fileName))
            labeled.width = document.member("width", in: image).flatMap(document.int(at:))
            labeled.height = document.member("height", in: image).flatMap(document.int(at:))
            images.append(labeled)
        }
        // Ids are numbers in practice: looked up as numbers, and as their text otherwise.
        var imageNumbers: [Int: Int] = [:]
        for (key, position) in imageIndex { if let number = Int(key) { imageNumbers[number] = position } }
        var categoryNumbers: [Int: String] = [:]
        for (key, name) in categories { if let number = Int(key) { categoryNumbers[number] = name } }
        var dropped: [String: Int] = [:]
        for annotation in try array("annotations", document) {
            let fields = AnnotationFields(annotation, in: document)
            guard let imageID = fields.imageID,
                let position = document.int(at: imageID).flatMap({ imageNumbers[$0] })
                    ?? imageIndex[document.rawText(at: imageID)]
            else { throw failure("the annotation's image_id is not among the images", at: annotation, document) }
            if let segmentation = fields.segmentation, document[segmentation].count > 0 {
                dropped["segmentation", default: 0] += 1
            }
            if fields.keypoints != nil { dropped["keypoints", default: 0] += 1 }
            if fields.caption != nil { dropped["captions", default: 0] += 1 }
            guard let category = fields.categoryID else {
                if fields.caption == nil { dropped["annotations without a category", default: 0] += 1 }
                continue
            }
            guard
                let label = document.int(at: category).flatMap({ categoryNumbers[$0] })
                    ?? categories[document.rawText(at: category)]
            else {
                throw failure(
                    "category_id \(document.rawText(at: category)) is not among the categories", at: category, document)
            }
            guard let box = fields.bbox else {
                dropped["annotations without a bbox", default: 0] += 1
                continue
            }
            guard document[box].kind == .array, document[box].count == 4,
                let x = document.number(at: box + 1), let y = document.number(at: box + 2),
                let width = document.number(at: box + 3), let height = document.number(at: box + 4),
                [x, y, width, height].allSatisfy(\.isFinite)
            else {
                throw failure("bbox must be [x, y, width, height], four numbers", at: box, document)
            }
            images[position].boxes.append(LabeledBox(label: label, left: x, top: y, width: width, height: height))
        }
        if let imageRoot {
            for index in images.indices where images[index].width == nil || images[index].height == nil {
                guard !images[index].boxes.isEmpty else { continue }
                if let size = DirectoryListing.imageSize(at: PathName.joined(imageRoot, images[index].path)) {
                    images[index].width = size.width
                    images[index].height = size.height
                }
            }
        }
        return Dataset(images: images, classOrder: classOrder, dropped: dropped)
    }

    /// The elements of the root's array `name` (none when it is missing).
    private func array(_ name: String, _ document: JSONDocument) throws(ConversionError) -> [Int] {
        guard let node = document.member(name, in: JSONDocument.rootIndex) else { return [] }
        guard document[node].kind == .array else { throw failure("\(name) must be a list", at: node, document) }
        return document.elements(of: node)
    }

    private func failure(_ message: String, at node: Int, _ document: JSONDocument) -> ConversionError {
        JSONFile.failure(message, at: node, in: document, file: path)
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
