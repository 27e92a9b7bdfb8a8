import Foundation

/// The report's gallery: for each label, a few of its images with their boxes drawn over them.
///
/// Images are embedded as they are (no re-encoding: the page is shown at thumbnail size by the browser),
/// so the page stays bounded by limits: at most ``labelLimit`` labels, ``imagesPerLabel`` images each,
/// files of at most ``largestImage`` bytes, and ``totalBytes`` in all; an image beyond them is left out
/// and counted.
struct ReportGallery {
    static let labelLimit = 24
    static let imagesPerLabel = 4
    static let largestImage = 1 << 20
    static let totalBytes = 24 << 20

    /// One image shown, with its boxes.
    struct Shown {
        var line: Int
        var sourceRef: String
        var media: String
        var data: [UInt8]
        var width: Double
        var height: Double
        var boxes: [(label: String, left: Double, top: Double, width: Double, height: Double)]
    }

    /// The images shown, by label in the label table's order, and the number left out by the limits.
    private(set) var sections: [(label: String, images: [Shown])] = []
    private(set) var leftOut = 0

    /// The gallery of the manifest `bytes` profiled as `profile`, with images found through `mappings`;
    /// labels in the order of `labels`.
    init(bytes: [UInt8], profile: DatasetProfile, labels: [String], mappings: [ImageMapping]) {
        let lines = LineRanges.lines(of: bytes)
        let parser = JSONParser()
        var total = 0
        var used = Set<Int>()
        var entriesOf: [Int: [Int]] = [:]
        for (index, entry) in profile.entries.enumerated() where !entry.hasErrors {
            for use in profile.labelUses[entry.labels] where use.isCarried {
                if entriesOf[use.label, default: []].count < Self.imagesPerLabel * 3 {
                    entriesOf[use.label, default: []].append(index)
                }
            }
        }
        let ordinals = Dictionary(profile.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for label in labels.prefix(Self.labelLimit) {
            guard let ordinal = ordinals[label] else { continue }
            var shown: [Shown] = []
            for index in entriesOf[ordinal] ?? [] where shown.count < Self.imagesPerLabel && !used.contains(index) {
                let entry = profile.entries[index]
                guard entry.line <= lines.count,
                    let sourceRef = Self.sourceRef(Array(bytes[lines[entry.line - 1]]), parser),
                    case .path(let path) = ImageMapping.locate(sourceRef, in: mappings),
                    let data = try? FileContents.bytes(path, limit: Self.largestImage),
                    let media = Self.mediaType(data)
                else { continue }
                guard total + data.count <= Self.totalBytes else {
                    leftOut += 1
                    continue
                }
                let boxes = profile.boxes[entry.boxes].compactMap { box -> (String, Double, Double, Double, Double)? in
                    guard box.width.isFinite, box.height.isFinite, box.left.isFinite, box.top.isFinite else {
                        return nil
                    }
                    return (
                        box.label >= 0 ? profile.labels[box.label] : "?", Double(box.left), Double(box.top),
                        Double(box.width), Double(box.height)
                    )
                }
                // Drawn in the boxes' frame, the line's image_size, when it has one: an image of another size is
                // stretched to it, so that the boxes sit where the annotation put them.
                let header = try? ImageHeaderReader(bytes: data).header()
                let width = entry.imageWidth > 0 ? Double(entry.imageWidth) : header?.width.map(Double.init) ?? 0
                let height = entry.imageHeight > 0 ? Double(entry.imageHeight) : header?.height.map(Double.init) ?? 0
                guard width > 0, height > 0 else { continue }
                total += data.count
                used.insert(index)
                shown.append(
                    Shown(
                        line: entry.line, sourceRef: sourceRef, media: media, data: data, width: width, height: height,
                        boxes: boxes))
            }
            if !shown.isEmpty { sections.append((label, shown)) }
        }
    }

    /// The HTML of the gallery.
    var html: String {
        var html = ""
        for section in sections {
            html += "<h3>\(MarkupText.escaped(section.label))</h3><div class=\"gallery\">"
            for image in section.images {
                html +=
                    "<figure class=\"thumb\"><svg role=\"img\" viewBox=\"0 0 \(Int(image.width)) \(Int(image.height))\">"
                html += "<title>\(MarkupText.escaped(image.sourceRef)), line \(image.line)</title>"
                html +=
                    "<image href=\"data:\(image.media);base64,\(Data(image.data).base64EncodedString())\" width=\"\(Int(image.width))\" "
                html += "height=\"\(Int(image.height))\" preserveAspectRatio=\"none\"/>"
                for box in image.boxes {
                    let color = box.label == section.label ? SVGChart.palette[1] : SVGChart.palette[5]
                    html += "<rect x=\"\(box.left)\" y=\"\(box.top)\" width=\"\(box.width)\" height=\"\(box.height)\" "
                    html += "fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(max(2, Int(image.width / 200)))\">"
                    html += "<title>\(MarkupText.escaped(box.label))</title></rect>"
                }
                html += "</svg><figcaption>line \(image.line)</figcaption></figure>"
            }
            html += "</div>\n"
        }
        if leftOut > 0 {
            html += "<p>\(Count.phrase(leftOut, "image")) left out: the gallery holds at most "
            html += "\(Count.mebibytes(Self.totalBytes)) of images.</p>\n"
        }
        return html
    }

    private static func sourceRef(_ line: [UInt8], _ parser: JSONParser) -> String? {
        line.withUnsafeBufferPointer { buffer in
            guard let document = try? parser.parse(buffer), document.root.kind == .object,
                let node = document.member("source-ref", in: JSONDocument.rootIndex)
            else { return nil }
            return document.stringValue(at: node)
        }
    }

    /// The media type of a PNG or JPEG file; nil for other formats (a browser may not show them).
    private static func mediaType(_ data: [UInt8]) -> String? {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }
}
