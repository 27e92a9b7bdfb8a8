/// Reads a CVAT "for images" XML export (version 1.1) into ``LabeledImage``s.
///
/// Conventions: each `<image name width height>` is an entry (`name` is its path under the image root, after
/// its `subset` folder in a project export, as CVAT exports the images: `Train/img0.jpg`); a
/// `<box label xtl ytl xbr ybr>` is a box with corners in pixels (`left = xtl`, `width = xbr − xtl`); a
/// `<tag label>` is an image-level label; the class order is the `<labels>` of the `<meta>`, then first use.
/// Polygons, polylines, points, masks, cuboids, ellipses and tracks (video) are counted as dropped, as are
/// box rotations; attributes are not carried over.
public struct CVATReader {
    /// The XML file.
    public let path: String

    /// A reader of the CVAT file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The images, the class names, and what was left out.
    public func read() throws(ConversionError) -> (images: [LabeledImage], classOrder: [String], dropped: [String: Int])
    {
        let bytes = try InputFile.bytes(of: path)
        let root = try XMLElement.parse(bytes, file: path)
        guard root.name == "annotations" else {
            throw failure("a CVAT file's root is <annotations>, not <\(root.name)>", root)
        }
        var classOrder: [String] = []
        for label in root.child("meta").map(Self.labels(in:)) ?? [] where !classOrder.contains(label) {
            classOrder.append(label)
        }
        var images: [LabeledImage] = []
        var dropped: [String: Int] = [:]
        for element in root.children {
            switch element.name {
            case "image":
                images.append(try image(element, classOrder: &classOrder, dropped: &dropped))
            case "track":
                dropped["tracks (video)", default: 0] += 1
            default:
                continue
            }
        }
        return (images, classOrder, dropped)
    }

    private func image(_ element: XMLElement, classOrder: inout [String], dropped: inout [String: Int])
        throws(ConversionError) -> LabeledImage
    {
        guard let name = element.attributes["name"], !name.isEmpty else {
            throw failure("an <image> needs a name", element)
        }
        // A project export holds several subsets whose images may share names; each is in its subset's folder.
        let folder = element.attributes["subset"].map { $0 + "/" } ?? ""
        var image = LabeledImage(path: LabeledImage.normalisedPath(folder + name))
        image.width = element.attributes["width"].flatMap { Int($0) }
        image.height = element.attributes["height"].flatMap { Int($0) }
        for shape in element.children {
            guard let label = shape.attributes["label"] else {
                if ["box", "tag"].contains(shape.name) { throw failure("a <\(shape.name)> needs a label", shape) }
                continue
            }
            switch shape.name {
            case "box":
                let corners = ["xtl", "ytl", "xbr", "ybr"].map { shape.attributes[$0].flatMap { Double($0) } }
                guard let xtl = corners[0], let ytl = corners[1], let xbr = corners[2], let ybr = corners[3],
                    xbr >= xtl, ybr >= ytl
                else { throw failure("a <box> needs numbers xtl ≤ xbr and ytl ≤ ybr", shape) }
                if let rotation = shape.attributes["rotation"].flatMap({ Double($0) }), rotation != 0 {
                    dropped["box rotations", default: 0] += 1
                }
                if !classOrder.contains(label) { classOrder.append(label) }
                image.boxes.append(LabeledBox(label: label, left: xtl, top: ytl, width: xbr - xtl, height: ybr - ytl))
            case "tag":
                if !classOrder.contains(label) { classOrder.append(label) }
                if !image.labels.contains(label) { image.labels.append(label) }
            default:
                dropped["\(shape.name) shapes", default: 0] += 1
            }
        }
        return image
    }

    /// The label names of a `<meta>` (of its task or project).
    private static func labels(in meta: XMLElement) -> [String] {
        var names: [String] = []
        var pending = [meta]
        while let element = pending.popLast() {
            if element.name == "labels" {
                names += element.children("label").compactMap { $0.value("name") }
            } else {
                pending += element.children.reversed()
            }
        }
        return names
    }

    private func failure(_ message: String, _ element: XMLElement) -> ConversionError {
        ConversionError(file: path, line: element.line, column: element.column, message: message)
    }
}
