/// Reads Pascal VOC annotation files (`Annotations/*.xml`, one per image) into ``LabeledImage``s.
///
/// Conventions: the image is `<filename>`; its size is `<size>` (or the image file's header under the image
/// root, when `<size>` is missing or 0); each `<object>` is a box of class `<name>` with `<bndbox>` corners
/// `xmin ymin xmax ymax` in VOC's 1-based, inclusive pixels, so `left = xmin − 1`, `top = ymin − 1`,
/// `width = xmax − xmin + 1`, `height = ymax − ymin + 1`. `difficult` and `truncated` objects are kept
/// (`skipDifficult` drops the difficult ones, counted); objects without a `<bndbox>` are counted as dropped.
/// Files are read in path order.
public struct VOCReader {
    /// A folder (every `.xml` under it) or one `.xml` file.
    public let input: String
    /// Where the images are, for sizes the files do not give.
    public let imageRoot: String?
    /// Whether to leave out objects marked `difficult`.
    public let skipDifficult: Bool

    /// A reader of the VOC files at `input`.
    public init(input: String, imageRoot: String?, skipDifficult: Bool = false) {
        self.input = input
        self.imageRoot = imageRoot
        self.skipDifficult = skipDifficult
    }

    /// The images, the class names in order of first use, and what was left out.
    public func read() throws(ConversionError) -> (images: [LabeledImage], classOrder: [String], dropped: [String: Int])
    {
        let files: [String]
        if input.lowercased().hasSuffix(".xml") {
            files = [input]
        } else {
            files = try DirectoryListing.files(under: input).filter { $0.lowercased().hasSuffix(".xml") }.map {
                PathName.joined(input, $0)
            }
        }
        var images: [LabeledImage] = []
        var classOrder: [String] = []
        var dropped: [String: Int] = [:]
        for file in files {
            let root = try XMLElement.parse(try InputFile.bytes(of: file), file: file)
            guard root.name == "annotation" else {
                throw ConversionError(
                    file: file, line: root.line, column: root.column,
                    message: "a VOC file's root is <annotation>, not <\(root.name)>")
            }
            guard let name = root.value("filename"), !name.isEmpty else {
                throw ConversionError(
                    file: file, line: root.line, column: root.column, message: "<annotation> has no <filename>")
            }
            var image = LabeledImage(path: LabeledImage.normalisedPath(name))
            if let size = root.child("size"), let width = size.value("width").flatMap({ Int($0) }),
                let height = size.value("height").flatMap({ Int($0) }), width > 0, height > 0
            {
                image.width = width
                image.height = height
                image.depth = size.value("depth").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            }
            for object in root.children("object") {
                guard let label = object.value("name"), !label.isEmpty else {
                    throw ConversionError(
                        file: file, line: object.line, column: object.column, message: "an <object> has no <name>")
                }
                guard let box = object.child("bndbox") else {
                    dropped["objects without a <bndbox>", default: 0] += 1
                    continue
                }
                if skipDifficult, object.value("difficult") == "1" {
                    dropped["difficult objects (--skip-difficult)", default: 0] += 1
                    continue
                }
                let corners = ["xmin", "ymin", "xmax", "ymax"].map { box.value($0).flatMap { Double($0) } }
                guard let xmin = corners[0], let ymin = corners[1], let xmax = corners[2], let ymax = corners[3],
                    xmax >= xmin, ymax >= ymin
                else {
                    throw ConversionError(
                        file: file, line: box.line, column: box.column,
                        message: "<bndbox> needs numbers xmin ≤ xmax and ymin ≤ ymax")
                }
                if !classOrder.contains(label) { classOrder.append(label) }
                image.boxes.append(
                    LabeledBox(
                        label: label, left: xmin - 1, top: ymin - 1, width: xmax - xmin + 1, height: ymax - ymin + 1))
            }
            if image.width == nil, !image.boxes.isEmpty, let imageRoot,
                let size = DirectoryListing.imageSize(at: PathName.joined(imageRoot, image.path))
            {
                image.width = size.width
                image.height = size.height
            }
            images.append(image)
        }
        return (images, classOrder, dropped)
    }
}
