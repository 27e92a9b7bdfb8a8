/// Writes realistic Custom Labels manifest lines: image-level labels and bounding boxes, mixed.
///
/// Lines average about 650 bytes: 35% image-level (one or two labels), 65% object localization with
/// 1–20 boxes (most with a few), one bucket, dated keys, real-looking label vocabularies.
struct ManifestGenerator {
    var random: SplitMix64

    private static let bucket = "acme-vision-datasets"
    private static let projects = [
        "retail-shelf", "ppe-compliance", "wildlife-cams", "pcb-inspection", "parcel-sorting",
    ]
    private static let imageLabels = [
        "coca-cola-330ml", "pepsi-max-500ml", "out-of-stock", "fully-stocked", "red-fox", "roe-deer", "badger",
        "empty-frame", "scratch", "dent", "no-defect", "damaged-parcel", "intact-parcel", "night", "day",
    ]
    private static let boxLabels = [
        "hard-hat", "safety-vest", "person", "forklift", "pallet", "capacitor", "resistor", "solder-bridge",
        "missing-component", "barcode", "shipping-label", "parcel", "red-fox", "roe-deer", "vehicle",
    ]
    private static let sizes = [(640, 480), (1024, 768), (1280, 720), (1920, 1080), (2048, 1536), (4000, 3000)]

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func line(_ index: Int) -> String {
        let project = Self.projects[index % Self.projects.count]
        let month = 1 + Int(random.next() % 12)
        let day = 1 + Int(random.next() % 28)
        let sourceRef =
            "s3://\(Self.bucket)/\(project)/2024-\(pad(month))/camera-\(pad(1 + index % 7))/"
            + "IMG_\(pad(index, width: 8)).jpg"
        let date =
            "2024-\(pad(month))-\(pad(day))T\(pad(Int(random.next() % 24))):\(pad(Int(random.next() % 60))):"
            + "\(pad(Int(random.next() % 60))).\(pad(Int(random.next() % 1_000_000), width: 6))"
        if random.next() % 100 < 35 {
            return imageLevel(sourceRef: sourceRef, project: project, date: date)
        }
        return boxes(sourceRef: sourceRef, project: project, date: date)
    }

    private mutating func imageLevel(sourceRef: String, project: String, date: String) -> String {
        var line = "{\"source-ref\":\"\(sourceRef)\""
        let first = Int(random.next() % UInt64(Self.imageLabels.count))
        // A second, different label on a quarter of the lines.
        let labels =
            random.next() % 4 == 0
            ? [first, (first + 1 + Int(random.next() % UInt64(Self.imageLabels.count - 1))) % Self.imageLabels.count]
            : [first]
        for index in labels {
            let label = Self.imageLabels[index]
            let confidence = random.next() % 3 == 0 ? "0.\(70 + random.next() % 30)" : "1"
            line +=
                ",\"\(label)\":1,\"\(label)-metadata\":{\"confidence\":\(confidence),"
                + "\"job-name\":\"labeling-job/\(project)-image-labels\",\"class-name\":\"\(label)\","
                + "\"human-annotated\":\"\(random.next() % 5 == 0 ? "no" : "yes")\",\"creation-date\":\"\(date)\","
                + "\"type\":\"groundtruth/image-classification\"}"
        }
        return line + "}"
    }

    private mutating func boxes(sourceRef: String, project: String, date: String) -> String {
        let (width, height) = Self.sizes[Int(random.next() % UInt64(Self.sizes.count))]
        // Mostly a few boxes, sometimes many: 1–20.
        let roll = random.next() % 100
        let count =
            roll < 66
            ? 1 + Int(random.next() % 4)
            : roll < 93
                ? 5 + Int(random.next() % 6)
                : 11 + Int(random.next() % 10)
        var classIDs: [Int] = []
        var annotations: [String] = []
        for _ in 0..<count {
            let classID = Int(random.next() % 6)
            classIDs.append(classID)
            let boxWidth = 8 + Int(random.next() % UInt64(width / 3))
            let boxHeight = 8 + Int(random.next() % UInt64(height / 3))
            let left = Int(random.next() % UInt64(width - boxWidth))
            let top = Int(random.next() % UInt64(height - boxHeight))
            annotations.append(
                "{\"class_id\":\(classID),\"top\":\(top),\"left\":\(left),\"width\":\(boxWidth),"
                    + "\"height\":\(boxHeight)}")
        }
        let offset = Int(random.next() % UInt64(Self.boxLabels.count))
        let classMap = Set(classIDs).sorted().map {
            "\"\($0)\":\"\(Self.boxLabels[($0 + offset) % Self.boxLabels.count])\""
        }
        let objects = classIDs.map { _ in
            random.next() % 4 == 0
                ? "{\"confidence\":0.\(80 + random.next() % 20)}"
                : "{\"confidence\":1}"
        }
        return "{\"source-ref\":\"\(sourceRef)\",\"bounding-box\":{\"image_size\":[{\"width\":\(width),"
            + "\"height\":\(height),\"depth\":3}],\"annotations\":[\(annotations.joined(separator: ","))]},"
            + "\"bounding-box-metadata\":{\"objects\":[\(objects.joined(separator: ","))],"
            + "\"class-map\":{\(classMap.joined(separator: ","))},\"type\":\"groundtruth/object-detection\","
            + "\"human-annotated\":\"yes\",\"creation-date\":\"\(date)\","
            + "\"job-name\":\"labeling-job/\(project)-boxes\"}}"
    }

    private func pad(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
