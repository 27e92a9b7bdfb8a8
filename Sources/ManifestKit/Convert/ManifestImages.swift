/// Reads a manifest back into ``LabeledImage``s, for the exports (`convert --from manifest --to …`).
///
/// Each line's `source-ref` must start with `prefix` (the S3 location of the image root); the rest is the
/// image's path. Image-level attributes (`groundtruth/image-classification`) give labels by their
/// `class-name`; bounding-box attributes give boxes named by their `class-map`, and the size by `image_size`.
/// Lines that are not objects, or lack a `source-ref`, are errors (lint the manifest first).
public struct ManifestImages {
    /// The manifest.
    public let path: String
    /// The S3 location of the image root, taken off each `source-ref`.
    public let prefix: String

    /// A reader of the manifest at `path`, whose images are under `prefix`.
    public init(path: String, prefix: String) {
        self.path = path
        self.prefix = prefix.hasSuffix("/") || prefix.isEmpty ? prefix : prefix + "/"
    }

    /// The images and the class names in order of first use.
    public func read() throws(ConversionError) -> (images: [LabeledImage], classOrder: [String]) {
        let bytes = try InputFile.bytes(of: path)
        let parser = JSONParser()
        var images: [LabeledImage] = []
        var classOrder: [String] = []
        try InputFile.forEachManifestLine(bytes) { number, content throws(ConversionError) in
            let image = try content.withUnsafeBufferPointer { buffer throws(ConversionError) -> LabeledImage in
                switch JSONFile.parse(buffer, with: parser) {
                case .success(let document):
                    return try read(document, line: number, classOrder: &classOrder)
                case .failure(let error):
                    throw ConversionError(file: path, line: number, message: "the line is not JSON: \(error.message)")
                }
            }
            images.append(image)
        }
        return (images, classOrder)
    }

    private func read(_ document: JSONDocument, line: Int, classOrder: inout [String]) throws(ConversionError)
        -> LabeledImage
    {
        let root = JSONDocument.rootIndex
        guard document.root.kind == .object, let node = document.member("source-ref", in: root),
            let sourceRef = document.stringValue(at: node)
        else { throw ConversionError(file: path, line: line, message: "the line has no source-ref") }
        guard sourceRef.hasPrefix(prefix) else {
            throw ConversionError(
                file: path, line: line, message: "'\(sourceRef)' is not under the image root '\(prefix)' (--images)")
        }
        var image = LabeledImage(path: String(sourceRef.dropFirst(prefix.count)))
        for member in document.members(of: root) {
            let key = document.string(at: member.key)
            guard !key.hasSuffix("-metadata"), let metadata = document.member(key + "-metadata", in: root),
                document[metadata].kind == .object
            else { continue }
            let type = document.member("type", in: metadata).flatMap(document.stringValue(at:))
            if type == "groundtruth/image-classification" {
                let label = document.member("class-name", in: metadata).flatMap(document.stringValue(at:)) ?? key
                if !image.labels.contains(label) { image.labels.append(label) }
                if !classOrder.contains(label) { classOrder.append(label) }
            } else if type == "groundtruth/object-detection", document[member.value].kind == .object {
                try boxes(
                    of: member.value, metadata: metadata, document, into: &image, classOrder: &classOrder, line: line)
            }
        }
        return image
    }

    private func boxes(
        of attribute: Int, metadata: Int, _ document: JSONDocument, into image: inout LabeledImage,
        classOrder: inout [String], line: Int
    ) throws(ConversionError) {
        if let sizes = document.member("image_size", in: attribute), let size = document.elements(of: sizes).first {
            image.width = document.member("width", in: size).flatMap(document.int(at:))
            image.height = document.member("height", in: size).flatMap(document.int(at:))
            image.depth = document.member("depth", in: size).flatMap(document.int(at:))
        }
        let classMap = document.member("class-map", in: metadata)
        for box in document.member("annotations", in: attribute).map(document.elements(of:)) ?? [] {
            let value = { (name: String) in document.member(name, in: box).flatMap(document.number(at:)) }
            guard let id = document.member("class_id", in: box).map(document.rawText(at:)),
                let name = classMap.flatMap({ document.member(id, in: $0) }).flatMap(document.stringValue(at:)),
                let left = value("left"), let top = value("top"), let width = value("width"),
                let height = value("height")
            else {
                throw ConversionError(
                    file: path, line: line,
                    message: "a box without class_id (in the class-map), left, top, width or height")
            }
            if !classOrder.contains(name) { classOrder.append(name) }
            image.boxes.append(LabeledBox(label: name, left: left, top: top, width: width, height: height))
        }
    }
}
