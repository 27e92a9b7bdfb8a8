/// Writes ``LabeledImage``s in another format: the exports of `convert --to`, the inverse of the readers,
/// so that `manifest → FORMAT → manifest` gives the same lines for what the format can express.
///
/// What a format cannot express is counted in ``dropped``: image-level labels in COCO, YOLO and VOC; boxes
/// in a CSV of image-level labels. Box values are written as the manifest has them (whole pixels).
public struct DatasetExport {
    /// The files to write: paths relative to the output (a single file's is its name) and their text.
    public private(set) var files: [(path: String, text: String)] = []
    /// What the format cannot express, by kind.
    public private(set) var dropped: [String: Int] = [:]

    /// The formats.
    public enum Format: String, Sendable, CaseIterable {
        case coco, yolo, voc, csv
    }

    /// The export of `images` (with the class names `classOrder`) as `format`; `name` is the file name of a
    /// one-file format.
    public init(_ images: [LabeledImage], classOrder: [String], as format: Format, name: String) {
        switch format {
        case .coco: coco(images, classOrder, name: name)
        case .yolo: yolo(images, classOrder)
        case .voc: voc(images)
        case .csv: csv(images, name: name)
        }
    }

    private mutating func countLabels(_ images: [LabeledImage]) {
        let labels = images.reduce(0) { $0 + $1.labels.count }
        if labels > 0 { dropped["image-level labels", default: 0] += labels }
    }

    /// One COCO instances file; category ids from 1 in class order, `bbox` `[left, top, width, height]`.
    private mutating func coco(_ images: [LabeledImage], _ classOrder: [String], name: String) {
        countLabels(images)
        let names = classOrder.filter { name in images.contains { $0.boxes.contains { $0.label == name } } }
        let ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0 + 1) })
        var imageTexts: [String] = []
        var annotations: [String] = []
        for (index, image) in images.enumerated() {
            var text = "{\"id\": \(index + 1), \"file_name\": \(JSONText.quoted(image.path))"
            if let width = image.width, let height = image.height {
                text += ", \"width\": \(width), \"height\": \(height)"
            }
            imageTexts.append(text + "}")
            for box in image.boxes {
                annotations.append(
                    "{\"id\": \(annotations.count + 1), \"image_id\": \(index + 1), \"category_id\": \(ids[box.label] ?? 0), "
                        + "\"bbox\": [\(box.left.clean), \(box.top.clean), \(box.width.clean), \(box.height.clean)], "
                        + "\"area\": \((box.width * box.height).clean), \"iscrowd\": 0}")
            }
        }
        let categories = names.enumerated().map {
            "{\"id\": \($0.offset + 1), \"name\": \(JSONText.quoted($0.element))}"
        }
        let text =
            "{\"images\": [\n  " + imageTexts.joined(separator: ",\n  ") + "\n],\n\"annotations\": [\n  "
            + annotations.joined(separator: ",\n  ") + "\n],\n\"categories\": [\n  "
            + categories.joined(separator: ",\n  ") + "\n]}\n"
        files.append((name, text))
    }

    /// `data.yaml` (the names) and `labels/PATH.txt` per image (normalised `class cx cy w h`).
    private mutating func yolo(_ images: [LabeledImage], _ classOrder: [String]) {
        countLabels(images)
        let names = classOrder.filter { name in images.contains { $0.boxes.contains { $0.label == name } } }
        let ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let quoted = names.map { "'" + $0.replacingAll("'", with: "''") + "'" }
        files.append(("data.yaml", "path: .\ntrain: images\nnames: [\(quoted.joined(separator: ", "))]\n"))
        for image in images {
            guard let width = image.width.map(Double.init), let height = image.height.map(Double.init) else { continue }
            let lines = image.boxes.map { box in
                [
                    String(ids[box.label] ?? 0), Self.decimal((box.left + box.width / 2) / width),
                    Self.decimal((box.top + box.height / 2) / height), Self.decimal(box.width / width),
                    Self.decimal(box.height / height),
                ].joined(separator: " ") + "\n"
            }
            files.append(("labels/" + Self.stem(image.path) + ".txt", lines.joined()))
        }
    }

    /// `Annotations/PATH.xml` per image, with VOC's 1-based corners.
    private mutating func voc(_ images: [LabeledImage]) {
        countLabels(images)
        for image in images {
            var text = "<annotation>\n  <filename>\(Self.escaped(image.path))</filename>\n"
            if let width = image.width, let height = image.height {
                text +=
                    "  <size><width>\(width)</width><height>\(height)</height><depth>\(image.depth ?? 3)</depth></size>\n"
            }
            for box in image.boxes {
                text += "  <object><name>\(Self.escaped(box.label))</name><difficult>0</difficult><bndbox>"
                text += "<xmin>\((box.left + 1).clean)</xmin><ymin>\((box.top + 1).clean)</ymin>"
                text += "<xmax>\((box.left + box.width).clean)</xmax><ymax>\((box.top + box.height).clean)</ymax>"
                text += "</bndbox></object>\n"
            }
            files.append(("Annotations/" + Self.stem(image.path) + ".xml", text + "</annotation>\n"))
        }
    }

    /// A box CSV (`image,label,xmin,ymin,xmax,ymax,image_width,image_height`) when there are boxes, else
    /// AWS's classification CSV (`image,label[,label…]`).
    private mutating func csv(_ images: [LabeledImage], name: String) {
        let field = { (text: String) in
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
        }
        var text = ""
        if images.contains(where: { !$0.boxes.isEmpty }) {
            countLabels(images)
            text = "image,label,xmin,ymin,xmax,ymax,image_width,image_height\n"
            for image in images {
                let size = [image.width, image.height].map { $0.map(String.init) ?? "" }.joined(separator: ",")
                if image.boxes.isEmpty { text += "\(field(image.path)),,,,,,\(size)\n" }
                for box in image.boxes {
                    text +=
                        [
                            field(image.path), field(box.label), box.left.clean, box.top.clean,
                            (box.left + box.width).clean, (box.top + box.height).clean,
                        ].joined(separator: ",") + ",\(size)\n"
                }
            }
        } else {
            for image in images { text += ([image.path] + image.labels).map(field).joined(separator: ",") + "\n" }
        }
        files.append((name, text))
    }

    /// A number with up to six decimals, as YOLO files write them.
    private static func decimal(_ value: Double) -> String {
        var text = String((value * 1_000_000).rounded() / 1_000_000)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `path` without its extension.
    private static func stem(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    /// `text` with XML's special characters as references.
    private static func escaped(_ text: String) -> String {
        text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }
}

extension String {
    /// Every `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
