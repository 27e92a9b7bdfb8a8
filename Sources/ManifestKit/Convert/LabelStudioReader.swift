/// Reads a Label Studio JSON export (a list of tasks) into ``LabeledImage``s.
///
/// Conventions: the image is the task's `data.image`: a local upload (`/data/upload/N/name.jpg`) or a local
/// file (`/data/local-files/?d=path`) gives that name or path, any other URL its last path component; the
/// boxes are the `rectanglelabels` results of the task's first annotation (`completions` in older exports),
/// in percent of `original_width` × `original_height`, which give the size; `choices` results are
/// image-level labels. Predictions, rotated boxes' rotation, and other result types are counted as dropped.
public struct LabelStudioReader {
    /// The export file.
    public let path: String

    /// A reader of the export at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The images, the class names in order of first use, and what was left out.
    public func read() throws(ConversionError) -> (images: [LabeledImage], classOrder: [String], dropped: [String: Int])
    {
        try JSONFile.read(path) { document throws(ConversionError) in try read(document) }
    }

    private func read(_ document: JSONDocument) throws(ConversionError) -> (
        images: [LabeledImage], classOrder: [String], dropped: [String: Int]
    ) {
        let root = JSONDocument.rootIndex
        let tasks: [Int]
        switch document.root.kind {
        case .array: tasks = document.elements(of: root)
        case .object: tasks = [root]
        default: throw JSONFile.failure("an export is a list of tasks", at: root, in: document, file: path)
        }
        var images: [LabeledImage] = []
        var classOrder: [String] = []
        var dropped: [String: Int] = [:]
        for task in tasks {
            guard document[task].kind == .object, let data = document.member("data", in: task),
                let imageNode = document.member("image", in: data), let url = document.stringValue(at: imageNode)
            else { throw JSONFile.failure("a task needs data.image", at: task, in: document, file: path) }
            var image = LabeledImage(path: Self.path(of: url))
            if let predictions = document.member("predictions", in: task), document[predictions].count > 0 {
                dropped["predictions", default: 0] += Int(document[predictions].count)
            }
            let annotations = document.member("annotations", in: task) ?? document.member("completions", in: task)
            let first = annotations.flatMap { document[$0].kind == .array ? document.elements(of: $0).first : nil }
            if let first, let results = document.member("result", in: first), document[results].kind == .array {
                for result in document.elements(of: results) {
                    try read(result, into: &image, classOrder: &classOrder, dropped: &dropped, document)
                }
            }
            if let annotations, document[annotations].count > 1 {
                dropped["annotations after a task's first", default: 0] += Int(document[annotations].count) - 1
            }
            images.append(image)
        }
        return (images, classOrder, dropped)
    }

    private func read(
        _ result: Int, into image: inout LabeledImage, classOrder: inout [String], dropped: inout [String: Int],
        _ document: JSONDocument
    ) throws(ConversionError) {
        let type = document.member("type", in: result).flatMap(document.stringValue(at:)) ?? ""
        guard let value = document.member("value", in: result) else { return }
        switch type {
        case "choices":
            for choice in document.member("choices", in: value).map(document.elements(of:)) ?? [] {
                guard let label = document.stringValue(at: choice) else { continue }
                if !image.labels.contains(label) { image.labels.append(label) }
                if !classOrder.contains(label) { classOrder.append(label) }
            }
        case "rectanglelabels":
            let number = { (name: String, of: Int) in document.member(name, in: of).flatMap(document.number(at:)) }
            guard let width = number("original_width", result), let height = number("original_height", result),
                let x = number("x", value), let y = number("y", value), let w = number("width", value),
                let h = number("height", value), let labels = document.member("rectanglelabels", in: value),
                let label = document.elements(of: labels).first.flatMap(document.stringValue(at:))
            else {
                throw JSONFile.failure(
                    "a rectangle needs original_width, original_height, x, y, width, height and a label", at: result,
                    in: document, file: path)
            }
            if let rotation = number("rotation", value), rotation != 0 { dropped["box rotations", default: 0] += 1 }
            image.width = Int(width)
            image.height = Int(height)
            if !classOrder.contains(label) { classOrder.append(label) }
            image.boxes.append(
                LabeledBox(
                    label: label, left: x / 100 * width, top: y / 100 * height, width: w / 100 * width,
                    height: h / 100 * height))
        default:
            dropped["\(type.isEmpty ? "untyped" : type) results", default: 0] += 1
        }
    }

    /// The image's path as the `source-ref` takes it from a task's `data.image`.
    static func path(of url: String) -> String {
        if let marker = url.firstRange(of: "?d=") {
            return LabeledImage.normalisedPath(String(url[marker.upperBound...]))
        }
        if let marker = url.firstRange(of: "/data/upload/") {
            let rest = url[marker.upperBound...].split(separator: "/", maxSplits: 1)
            return LabeledImage.normalisedPath(String(rest.count == 2 ? rest[1] : rest.first ?? ""))
        }
        var trimmed = Substring(url)
        if let query = trimmed.firstIndex(where: { $0 == "?" || $0 == "#" }) { trimmed = trimmed[..<query] }
        return String(trimmed.split(separator: "/").last ?? "")
    }
}
