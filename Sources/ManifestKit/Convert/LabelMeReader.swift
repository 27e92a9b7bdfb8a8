/// Reads LabelMe files (one JSON per image) into ``LabeledImage``s.
///
/// Conventions: the image is `imagePath`, relative to its JSON file's folder (the `source-ref` path is that
/// folder's path under the input plus `imagePath`); the size is `imageWidth` × `imageHeight`; a `rectangle`
/// shape is a box from its two points, in either order; every other shape (polygon, circle, line, point)
/// is counted as dropped; `flags` set to `true` are image-level labels. Files are read in path order.
public struct LabelMeReader {
    /// A folder (every `.json` under it) or one `.json` file.
    public let input: String

    /// A reader of the LabelMe files at `input`.
    public init(input: String) {
        self.input = input
    }

    /// The images, the class names in order of first use, and what was left out.
    public func read() throws(ConversionError) -> (images: [LabeledImage], classOrder: [String], dropped: [String: Int])
    {
        let files: [(path: String, folder: String)]
        if input.lowercased().hasSuffix(".json") {
            files = [(input, "")]
        } else {
            files = try DirectoryListing.files(under: input).filter { $0.lowercased().hasSuffix(".json") }.map {
                (PathName.joined(input, $0), $0.contains("/") ? PathName.directory(of: $0) : "")
            }
        }
        var images: [LabeledImage] = []
        var classOrder: [String] = []
        var dropped: [String: Int] = [:]
        for (path, folder) in files {
            let image = try JSONFile.read(path) { document throws(ConversionError) -> LabeledImage in
                try read(document, file: path, folder: folder, classOrder: &classOrder, dropped: &dropped)
            }
            images.append(image)
        }
        return (images, classOrder, dropped)
    }

    private func read(
        _ document: JSONDocument, file: String, folder: String, classOrder: inout [String],
        dropped: inout [String: Int]
    ) throws(ConversionError) -> LabeledImage {
        let root = JSONDocument.rootIndex
        guard document.root.kind == .object, let pathNode = document.member("imagePath", in: root),
            let imagePath = document.stringValue(at: pathNode)
        else {
            throw JSONFile.failure("a LabelMe file is an object with an imagePath", at: root, in: document, file: file)
        }
        var image = LabeledImage(
            path: LabeledImage.normalisedPath(folder.isEmpty ? imagePath : folder + "/" + imagePath))
        image.width = document.member("imageWidth", in: root).flatMap(document.int(at:))
        image.height = document.member("imageHeight", in: root).flatMap(document.int(at:))
        if let flags = document.member("flags", in: root), document[flags].kind == .object {
            for member in document.members(of: flags) where document[member.value].kind == .true {
                let label = document.string(at: member.key)
                image.labels.append(label)
                if !classOrder.contains(label) { classOrder.append(label) }
            }
        }
        guard let shapes = document.member("shapes", in: root), document[shapes].kind == .array else { return image }
        for shape in document.elements(of: shapes) {
            let type = document.member("shape_type", in: shape).flatMap(document.stringValue(at:)) ?? "polygon"
            guard type == "rectangle" else {
                dropped["\(type) shapes", default: 0] += 1
                continue
            }
            guard let labelNode = document.member("label", in: shape), let label = document.stringValue(at: labelNode),
                let points = document.member("points", in: shape), document[points].kind == .array
            else { throw JSONFile.failure("a rectangle needs a label and points", at: shape, in: document, file: file) }
            let corners = document.elements(of: points).map { point in
                document.elements(of: point).compactMap(document.number(at:))
            }
            guard corners.count == 2, corners.allSatisfy({ $0.count == 2 }) else {
                throw JSONFile.failure("a rectangle has two points [x, y]", at: points, in: document, file: file)
            }
            let left = min(corners[0][0], corners[1][0])
            let top = min(corners[0][1], corners[1][1])
            if !classOrder.contains(label) { classOrder.append(label) }
            image.boxes.append(
                LabeledBox(
                    label: label, left: left, top: top, width: max(corners[0][0], corners[1][0]) - left,
                    height: max(corners[0][1], corners[1][1]) - top))
        }
        return image
    }
}
