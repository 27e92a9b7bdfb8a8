/// Reads a YOLO dataset (Ultralytics or Darknet layout) into ``LabeledImage``s.
///
/// Conventions: the class names come from `data.yaml` (or another `.yaml` with `names`; a list, or a map
/// of index to name), else `classes.txt` or `obj.names` (one a line). Every image under the root (`.jpg`,
/// `.jpeg`, `.png`) is an entry; its labels are the `.txt` of the same name in the matching `labels` folder
/// (`images/train/a.jpg` → `labels/train/a.txt`), else beside it. A missing or empty label file is an
/// image without boxes. Each line is `class cx cy w h`, normalised to the image, which gives the pixels
/// with the image's real size, read from its header. The `source-ref` path is the image's path below its
/// `images` folder (the whole relative path when there is none). `split` keeps the images with that folder
/// name in their path (`train`, `val`).
public struct YOLOReader {
    /// The dataset's root folder.
    public let root: String
    /// Only the images under a folder of this name, when given.
    public let split: String?

    /// A reader of the dataset at `root` (a folder, or its `data.yaml`).
    public init(root: String, split: String? = nil) {
        self.root = root.lowercased().hasSuffix(".yaml") ? PathName.directory(of: root) : root
        self.split = split
    }

    /// The images, the class names in index order, and what was left out.
    public func read() throws(ConversionError) -> (images: [LabeledImage], classOrder: [String], dropped: [String: Int])
    {
        let files = try DirectoryListing.files(under: root)
        let names = try classNames(files)
        let labelFiles = Set(files.filter { $0.lowercased().hasSuffix(".txt") })
        var images: [LabeledImage] = []
        var used = Set<String>()
        for file in files where DirectoryListing.isImage(file) {
            let components = file.split(separator: "/").map(String.init)
            if let split, !components.dropLast().contains(split) { continue }
            let labels = labelPath(for: components).first(where: labelFiles.contains)
            var image = LabeledImage(path: sourcePath(components))
            if let labels {
                used.insert(labels)
                let boxes = try self.boxes(in: labels, names: names)
                if !boxes.isEmpty {
                    guard let size = DirectoryListing.imageSize(at: PathName.joined(root, file)) else {
                        throw ConversionError(
                            file: PathName.joined(root, file),
                            message: "the image cannot be read for its size, which YOLO's normalised boxes need")
                    }
                    image.width = size.width
                    image.height = size.height
                    image.boxes = boxes.map { box in
                        LabeledBox(
                            label: box.label, left: (box.cx - box.w / 2) * Double(size.width),
                            top: (box.cy - box.h / 2) * Double(size.height), width: box.w * Double(size.width),
                            height: box.h * Double(size.height))
                    }
                }
            }
            images.append(image)
        }
        var dropped: [String: Int] = [:]
        let orphans = labelFiles.subtracting(used).filter { file in
            let components = file.split(separator: "/")
            let isList = ["classes.txt", "train.txt", "val.txt", "test.txt"].contains { file.hasSuffix($0) }
            return !isList && (split.map { wanted in components.contains { $0 == wanted } } ?? true)
        }
        if !orphans.isEmpty { dropped["label files without their image", default: 0] += orphans.count }
        return (images, names, dropped)
    }

    /// Where the label file of the image `components` may be: the matching `labels` folder, then beside it.
    private func labelPath(for components: [String]) -> [String] {
        var stem = components
        let name = stem.removeLast()
        let base = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        var candidates: [String] = []
        if let index = stem.lastIndex(of: "images") {
            var labels = stem
            labels[index] = "labels"
            candidates.append((labels + [base + ".txt"]).joined(separator: "/"))
        }
        candidates.append((stem + [base + ".txt"]).joined(separator: "/"))
        return candidates
    }

    /// The image's path below its `images` folder, or its whole relative path.
    private func sourcePath(_ components: [String]) -> String {
        guard let index = components.dropLast().lastIndex(of: "images") else {
            return components.joined(separator: "/")
        }
        return components[(index + 1)...].joined(separator: "/")
    }

    /// The class names: from a YAML file with `names`, else `classes.txt` or `obj.names`.
    private func classNames(_ files: [String]) throws(ConversionError) -> [String] {
        for file in files where file.lowercased().hasSuffix(".yaml") || file.lowercased().hasSuffix(".yml") {
            let path = PathName.joined(root, file)
            let value: SchemaValue
            do {
                value = try SchemaDocumentReader.readYAML(try FileContents.text(path), name: path)
            } catch let error as SchemaError {
                throw ConversionError(file: path, line: error.line, column: error.column, message: error.message)
            } catch {
                throw ConversionError(file: path, message: "cannot read it")
            }
            guard let names = value.members?.first(where: { $0.key == "names" }) else { continue }
            return try Self.names(names.value, file: path, line: names.line)
        }
        for file in files where file.hasSuffix("classes.txt") || file.hasSuffix(".names") {
            let path = PathName.joined(root, file)
            do {
                return try FileContents.text(path).split(whereSeparator: \.isNewline).map {
                    $0.trimmedOfWhitespace
                }.filter { !$0.isEmpty }
            } catch {
                throw ConversionError(file: path, message: "cannot read it: \(error.reason)")
            }
        }
        throw ConversionError(
            file: root, message: "no class names: expected data.yaml with names, classes.txt or obj.names")
    }

    /// `names` as a list, or as a map of indices 0, 1, … to names.
    private static func names(_ value: SchemaValue, file: String, line: Int?) throws(ConversionError) -> [String] {
        switch value {
        case .array(let items):
            var names: [String] = []
            for item in items {
                guard case .string(let name) = item else {
                    throw ConversionError(file: file, line: line, message: "names must be strings")
                }
                names.append(name)
            }
            return names
        case .object(let members):
            var byIndex: [Int: String] = [:]
            for member in members {
                guard let index = Int(member.key), case .string(let name) = member.value else {
                    throw ConversionError(
                        file: file, line: member.line, column: member.column,
                        message: "names must map indices 0, 1, … to strings")
                }
                byIndex[index] = name
            }
            guard byIndex.keys.sorted() == Array(0..<byIndex.count) else {
                throw ConversionError(
                    file: file, line: line, message: "names' indices must be 0, 1, … with none missing")
            }
            return (0..<byIndex.count).map { byIndex[$0] ?? "" }
        default:
            throw ConversionError(file: file, line: line, message: "names must be a list or a map")
        }
    }

    /// The boxes of a label file, normalised.
    private func boxes(in file: String, names: [String]) throws(ConversionError) -> [(
        label: String, cx: Double, cy: Double, w: Double, h: Double
    )] {
        let path = PathName.joined(root, file)
        let text: String
        do {
            text = try FileContents.text(path)
        } catch {
            throw ConversionError(file: path, message: "cannot read it: \(error.reason)")
        }
        var boxes: [(label: String, cx: Double, cy: Double, w: Double, h: Double)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 5, let index = Int(fields[0]), let cx = Double(fields[1]), let cy = Double(fields[2]),
                let w = Double(fields[3]), let h = Double(fields[4]), [cx, cy, w, h].allSatisfy(\.isFinite)
            else {
                throw ConversionError(
                    file: path, line: number + 1, column: 1,
                    message: "expected 'class cx cy w h': a class index and four numbers (segments are not boxes)")
            }
            guard names.indices.contains(index) else {
                throw ConversionError(
                    file: path, line: number + 1, column: 1,
                    message: "class \(index) is not among the \(names.count) names")
            }
            boxes.append((names[index], cx, cy, w, h))
        }
        return boxes
    }
}
