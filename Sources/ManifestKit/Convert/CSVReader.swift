/// Reads a CSV of images and labels into ``LabeledImage``s.
///
/// Two kinds, told apart by the first row:
/// - classification, as AWS's guide has it: no header, each row `image,label[,label…]`; an image on several
///   rows gets the labels of all;
/// - boxes, with a header naming the columns: `image` (or `filename`, `file`, `path`), `label` (or
///   `class`, `category`), and either `xmin,ymin,xmax,ymax` (corners, pixels) or `x,y,width,height`
///   (pixels); optional `image_width` and `image_height` give the size, else it is read from the image
///   under the image root. One row a box; the recognised columns are reported.
///
/// An `image` given as an `s3://` URI counts by its key (its path after the bucket): give `--s3-prefix
/// s3://BUCKET/` to keep the URI.
public struct CSVReader {
    /// The CSV file.
    public let path: String
    /// Where the images are, for sizes the file does not give.
    public let imageRoot: String?

    /// A reader of the CSV at `path`.
    public init(path: String, imageRoot: String?) {
        self.path = path
        self.imageRoot = imageRoot
    }

    /// The images, the class names in order of first use, what was left out, and which columns were read.
    public func read() throws(ConversionError) -> (
        images: [LabeledImage], classOrder: [String], dropped: [String: Int], columns: String
    ) {
        let bytes = try InputFile.bytes(of: path)
        let table = try CSVTable(bytes, file: path)
        guard let first = table.rows.first else { return ([], [], [:], "none (the file is empty)") }
        let header = first.fields.map { $0.lowercased().trimmedOfWhitespace }
        if let columns = BoxColumns(header) {
            return try boxes(Array(table.rows.dropFirst()), columns)
        }
        return try classification(table.rows)
    }

    /// A CSV's image value as a path under the image root: an `s3://` URI by its key.
    static func imagePath(_ value: String) -> String {
        let text = value.trimmedOfWhitespace
        guard text.lowercased().hasPrefix("s3://") else { return LabeledImage.normalisedPath(text) }
        let rest = text.dropFirst(5)
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return LabeledImage.normalisedPath(String(rest[rest.index(after: slash)...]))
    }

    private func classification(_ rows: [(line: Int, fields: [String])]) throws(ConversionError) -> (
        images: [LabeledImage], classOrder: [String], dropped: [String: Int], columns: String
    ) {
        var images: [LabeledImage] = []
        var position: [String: Int] = [:]
        var classOrder: [String] = []
        for row in rows {
            let image = Self.imagePath(row.fields[0])
            guard !image.isEmpty else {
                throw ConversionError(file: path, line: row.line, column: 1, message: "a row without an image")
            }
            let labels = row.fields.dropFirst().map(\.trimmedOfWhitespace).filter { !$0.isEmpty }
            if position[image] == nil {
                position[image] = images.count
                images.append(LabeledImage(path: image))
            }
            for label in labels {
                if !classOrder.contains(label) { classOrder.append(label) }
                if !images[position[image] ?? 0].labels.contains(label) {
                    images[position[image] ?? 0].labels.append(label)
                }
            }
        }
        return (images, classOrder, [:], "image,label[,label…] (classification, no header)")
    }

    private func boxes(_ rows: [(line: Int, fields: [String])], _ columns: BoxColumns) throws(ConversionError) -> (
        images: [LabeledImage], classOrder: [String], dropped: [String: Int], columns: String
    ) {
        var images: [LabeledImage] = []
        var position: [String: Int] = [:]
        var classOrder: [String] = []
        for row in rows {
            func field(_ index: Int?) -> String? {
                guard let index, index < row.fields.count else { return nil }
                return row.fields[index].trimmedOfWhitespace
            }
            func number(_ index: Int) throws(ConversionError) -> Double {
                guard let text = field(index), let value = Double(text), value.isFinite else {
                    throw ConversionError(
                        file: path, line: row.line,
                        message: "column \(index + 1) must be a number, not '\(field(index) ?? "")'")
                }
                return value
            }
            guard let image = field(columns.image).map(Self.imagePath), !image.isEmpty else {
                throw ConversionError(file: path, line: row.line, column: 1, message: "a row without an image")
            }
            if position[image] == nil {
                position[image] = images.count
                var entry = LabeledImage(path: image)
                if let width = field(columns.imageWidth).flatMap({ Int($0) }),
                    let height = field(columns.imageHeight).flatMap({ Int($0) })
                {
                    entry.width = width
                    entry.height = height
                }
                images.append(entry)
            }
            let index = position[image] ?? 0
            guard let label = field(columns.label), !label.isEmpty else { continue }  // An image without boxes.
            let a = try number(columns.geometry[0])
            let b = try number(columns.geometry[1])
            let c = try number(columns.geometry[2])
            let d = try number(columns.geometry[3])
            let box =
                columns.corners
                ? LabeledBox(label: label, left: a, top: b, width: c - a, height: d - b)
                : LabeledBox(label: label, left: a, top: b, width: c, height: d)
            guard box.width >= 0, box.height >= 0 else {
                throw ConversionError(file: path, line: row.line, message: "a box with a negative width or height")
            }
            if !classOrder.contains(label) { classOrder.append(label) }
            images[index].boxes.append(box)
        }
        if let imageRoot {
            for index in images.indices where images[index].width == nil && !images[index].boxes.isEmpty {
                if let size = DirectoryListing.imageSize(at: PathName.joined(imageRoot, images[index].path)) {
                    images[index].width = size.width
                    images[index].height = size.height
                }
            }
        }
        return (images, classOrder, [:], columns.description)
    }
}

/// The columns of a box CSV, found by their header names.
private struct BoxColumns: CustomStringConvertible {
    var image: Int
    var label: Int
    /// xmin, ymin, xmax, ymax (corners) or x, y, width, height.
    var geometry: [Int]
    var corners: Bool
    var imageWidth: Int?
    var imageHeight: Int?
    let header: [String]

    init?(_ header: [String]) {
        self.header = header
        func column(_ names: [String]) -> Int? { header.firstIndex(where: names.contains) }
        guard let image = column(["image", "filename", "file", "path", "image_path"]),
            let label = column(["label", "class", "category", "class_name"])
        else { return nil }
        self.image = image
        self.label = label
        if let xmin = column(["xmin", "x_min", "x1"]), let ymin = column(["ymin", "y_min", "y1"]),
            let xmax = column(["xmax", "x_max", "x2"]), let ymax = column(["ymax", "y_max", "y2"])
        {
            geometry = [xmin, ymin, xmax, ymax]
            corners = true
        } else if let x = column(["x", "left"]), let y = column(["y", "top"]), let width = column(["width", "w"]),
            let height = column(["height", "h"])
        {
            geometry = [x, y, width, height]
            corners = false
        } else {
            return nil
        }
        imageWidth = column(["image_width", "img_width"])
        imageHeight = column(["image_height", "img_height"])
    }

    var description: String {
        var names = [header[image], header[label]] + geometry.map { header[$0] }
        if let imageWidth, let imageHeight { names += [header[imageWidth], header[imageHeight]] }
        return names.joined(separator: ",") + (corners ? " (boxes by corners)" : " (boxes by x, y, width, height)")
    }
}
