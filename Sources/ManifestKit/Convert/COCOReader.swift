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
        var dropped: [String: Int] = [:]
        for annotation in try array("annotations", document) {
            guard let imageID = document.member("image_id", in: annotation),
                let position = imageIndex[document.rawText(at: imageID)]
            else { throw failure("the annotation's image_id is not among the images", at: annotation, document) }
            if let segmentation = document.member("segmentation", in: annotation), document[segmentation].count > 0 {
                dropped["segmentation", default: 0] += 1
            }
            if document.member("keypoints", in: annotation) != nil { dropped["keypoints", default: 0] += 1 }
            if document.member("caption", in: annotation) != nil { dropped["captions", default: 0] += 1 }
            guard let category = document.member("category_id", in: annotation) else {
                if document.member("caption", in: annotation) == nil {
                    dropped["annotations without a category", default: 0] += 1
                }
                continue
            }
            guard let label = categories[document.rawText(at: category)] else {
                throw failure(
                    "category_id \(document.rawText(at: category)) is not among the categories", at: category, document)
            }
            guard let box = document.member("bbox", in: annotation) else {
                dropped["annotations without a bbox", default: 0] += 1
                continue
            }
            let values = document.elements(of: box).compactMap(document.number(at:))
            guard document[box].kind == .array, values.count == 4, values.allSatisfy({ $0.isFinite }) else {
                throw failure("bbox must be [x, y, width, height], four numbers", at: box, document)
            }
            images[position].boxes.append(
                LabeledBox(label: label, left: values[0], top: values[1], width: values[2], height: values[3]))
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
