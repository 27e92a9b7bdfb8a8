/// Writes ``LabeledImage``s as manifest lines the service accepts.
///
/// Each image is one line: its `source-ref` (the prefix and its path), one image-level attribute per label
/// (`"LABEL": 1` with its `-metadata`, as AWS's multi-label transform writes them), and its boxes in one
/// bounding-box attribute with `image_size`, `objects` and a `class-map` of the ids the line uses. A label
/// has the same `class_id` in the whole manifest (in the order `classOrder`, then first use). Box values are
/// rounded to whole pixels and clamped to the image; those, boxes of 1 pixel or less and boxes past 50 an
/// image are counted in the ``ConversionReport``.
///
/// ```swift
/// var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/photos/"))
/// let text = try composer.compose(images, source: "instances.json")
/// ```
public struct ManifestComposer {
    /// How lines are written.
    public struct Options: Sendable {
        /// Put before each image's path to make its `source-ref` (a `/` is added when it has none).
        public var s3Prefix: String
        /// The bounding-box attribute's name.
        public var boxAttribute = "bounding-box"
        /// The metadata's `job-name`.
        public var jobName = "labeling-job/clmanifest-convert"
        /// The metadata's `creation-date` (ISO 8601).
        public var creationDate: String
        /// The metadata's `human-annotated` (`yes` or `no`).
        public var humanAnnotated = "yes"
        /// Drop boxes of 1 pixel or less and boxes past the limit instead of keeping them for lint.
        public var dropInvalid = false
        /// Leave out images without labels or boxes instead of writing lines without labels.
        public var skipEmpty = false
        /// The most boxes an image may have.
        public var maxBoxes = 50

        /// Options for `s3Prefix`, dated `creationDate` (ISO 8601).
        public init(s3Prefix: String, creationDate: String = "2024-01-01T00:00:00") {
            self.s3Prefix = s3Prefix.hasSuffix("/") || s3Prefix.isEmpty ? s3Prefix : s3Prefix + "/"
            self.creationDate = creationDate
        }
    }

    /// How lines are written.
    public let options: Options
    /// What the conversion did.
    public private(set) var report = ConversionReport()
    /// The class ids by label name, and each id's name as a JSON string.
    private var classIDs: [String: Int] = [:]
    private var quotedNames: [String] = []
    /// Pieces of every line, quoted once.
    private let quotedAttribute: String
    private let detectionTail: String
    private let classificationTail: String

    /// A composer with `options`; the labels of `classOrder` get ids 0, 1, … in that order.
    public init(options: Options, classOrder: [String] = []) {
        self.options = options
        quotedAttribute = JSONText.quoted(options.boxAttribute)
        detectionTail = Self.metadataTail(type: "groundtruth/object-detection", options)
        classificationTail = Self.metadataTail(type: "groundtruth/image-classification", options)
        for name in classOrder { _ = classID(name) }
    }

    /// The manifest of `images` (read from `source`, named in errors), one line each, in their order.
    public mutating func compose(_ images: [LabeledImage], source: String) throws(ConversionError) -> String {
        var seen: [String: String] = [:]
        var output = ""
        for image in images {
            report.images += 1
            let sourceRef = options.s3Prefix + image.path
            if let earlier = seen[sourceRef] {
                throw ConversionError(
                    file: source,
                    message: "'\(earlier)' and '\(image.path)' both map to the source-ref '\(sourceRef)'")
            }
            seen[sourceRef] = image.path
            guard let line = try line(for: image, sourceRef: sourceRef, source: source) else { continue }
            output += line + "\n"
            report.lines += 1
        }
        return output
    }

    private mutating func line(for image: LabeledImage, sourceRef: String, source: String) throws(ConversionError)
        -> String?
    {
        if image.labels.isEmpty && image.boxes.isEmpty {
            report.emptyImages += 1
            report.skippedEmpty = options.skipEmpty
            if options.skipEmpty { return nil }
        }
        var members = ["\"source-ref\": " + JSONText.quoted(sourceRef)]
        for label in image.labels {
            _ = classID(label)
            members.append(JSONText.quoted(label) + ": 1")
            members.append(
                JSONText.quoted(label + "-metadata")
                    + ": {\"confidence\": 1, \"class-name\": \(JSONText.quoted(label)), "
                    + classificationTail + "}")
        }
        if !image.boxes.isEmpty {
            guard let width = image.width, let height = image.height, width > 0, height > 0 else {
                throw ConversionError(
                    file: source,
                    message:
                        "'\(image.path)' has boxes but no size: the format gives none and the image could not be read")
            }
            members += boxMembers(image.boxes, width: width, height: height, depth: image.depth)
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// The bounding-box attribute and its metadata.
    private mutating func boxMembers(_ boxes: [LabeledBox], width: Int, height: Int, depth: Int?) -> [String] {
        if depth == nil { report.assumedDepth += 1 }
        report.droppedInvalid = options.dropInvalid
        var kept: [(id: Int, left: Int, top: Int, width: Int, height: Int)] = []
        for box in boxes {
            let left = box.left.rounded()
            let top = box.top.rounded()
            let right = (box.left + box.width).rounded()
            let bottom = (box.top + box.height).rounded()
            if left != box.left || top != box.top || right - left != box.width || bottom - top != box.height {
                report.roundedBoxes += 1
            }
            let clampedLeft = min(max(left, 0), Double(width))
            let clampedTop = min(max(top, 0), Double(height))
            let clampedRight = min(max(right, 0), Double(width))
            let clampedBottom = min(max(bottom, 0), Double(height))
            if clampedLeft != left || clampedTop != top || clampedRight != right || clampedBottom != bottom {
                report.clampedBoxes += 1
            }
            let boxWidth = Int(clampedRight - clampedLeft)
            let boxHeight = Int(clampedBottom - clampedTop)
            if boxWidth <= 1 || boxHeight <= 1 {
                report.tinyBoxes += 1
                if options.dropInvalid { continue }
            }
            kept.append((classID(box.label), Int(clampedLeft), Int(clampedTop), boxWidth, boxHeight))
        }
        if kept.count > options.maxBoxes {
            report.boxesOverLimit += kept.count - options.maxBoxes
            if options.dropInvalid {
                // The largest stay, in their order.
                let largest = Set(
                    kept.indices.sorted { kept[$0].width * kept[$0].height > kept[$1].width * kept[$1].height }
                        .prefix(options.maxBoxes))
                kept = kept.indices.filter(largest.contains).map { kept[$0] }
            }
        }
        report.boxes += kept.count
        var attribute = quotedAttribute + ": {\"image_size\": [{\"width\": \(width), \"height\": \(height), "
        attribute += "\"depth\": \(depth ?? 3)}], \"annotations\": ["
        attribute.reserveCapacity(attribute.utf8.count + kept.count * 72)
        for (index, box) in kept.enumerated() {
            if index > 0 { attribute += ", " }
            attribute +=
                "{\"class_id\": \(box.id), \"top\": \(box.top), \"left\": \(box.left), \"width\": \(box.width), "
            attribute += "\"height\": \(box.height)}"
        }
        attribute += "]}"
        var metadata = quotedAttribute.dropLast() + "-metadata\": {\"objects\": ["
        for index in kept.indices { metadata += index == 0 ? "{\"confidence\": 1}" : ", {\"confidence\": 1}" }
        metadata += "], \"class-map\": {"
        for (index, id) in Set(kept.map(\.id)).sorted().enumerated() {
            if index > 0 { metadata += ", " }
            metadata += "\"\(id)\": " + quotedNames[id]
        }
        metadata += "}, " + detectionTail + "}"
        return [attribute, String(metadata)]
    }

    private static func metadataTail(type: String, _ options: Options) -> String {
        "\"type\": \(JSONText.quoted(type)), \"human-annotated\": \(JSONText.quoted(options.humanAnnotated)), "
            + "\"creation-date\": \(JSONText.quoted(options.creationDate)), \"job-name\": \(JSONText.quoted(options.jobName))"
    }

    private mutating func classID(_ label: String) -> Int {
        if let known = classIDs[label] { return known }
        classIDs[label] = quotedNames.count
        quotedNames.append(JSONText.quoted(label))
        return quotedNames.count - 1
    }
}
