/// What the manifest-wide rules remember from line to line.
///
/// That is the `source-ref`s seen, the bucket, the labels, and the running counts of lines and bytes.
/// Findings are reported at the line that causes them, so a run never needs a second pass.
struct ManifestTally {
    private let maxRows: Int
    private let maxBytes: Int
    private var firstLines = ByteStringTable()
    private var firstBucket: (name: [UInt8], line: Int)?
    private var reportedBuckets = ByteStringTable()
    /// Distinct labels, each with its ordinal (the order of first appearance) as its value.
    private var labels = ByteStringTable()
    /// By label ordinal: its name, the images that name it, and its kinds (1 image-level, 2 bounding-box).
    private var labelNames: [String] = []
    private var labelImages: [Int] = []
    private var labelKinds: [UInt8] = []
    /// The ordinals already counted for the current line.
    private var lineOrdinals: [Int] = []
    private var hasClassification = false
    private var hasDetection = false
    private var counts = LintStatistics()

    /// What the run has seen so far.
    var statistics: LintStatistics {
        var statistics = counts
        statistics.labelImages = zip(labelNames, labelImages).map { LintStatistics.LabelCount(label: $0, images: $1) }
        return statistics
    }
    private var rows = 0
    private var bytes = 0

    init(options: LintOptions) {
        maxRows = options.maxRows
        maxBytes = options.maxBytes
    }

    /// Counts one line of any kind (blank and invalid lines count too); returns a finding for the line that
    /// crosses the row or size limit.
    mutating func count(lineBytes: Int) -> (RuleDescription, String)? {
        rows += 1
        counts.lines = rows
        let before = bytes
        bytes += lineBytes + 1
        counts.bytes = bytes
        if rows == maxRows + 1 {
            return (TooManyRows.description, "line \(rows) is over the limit of \(maxRows) lines per manifest")
        }
        if before <= maxBytes && bytes > maxBytes {
            return (ManifestTooLarge.description, "the manifest passes \(maxBytes) bytes on this line")
        }
        return nil
    }

    /// Records the object line `line` (number `number`) and appends its manifest-wide findings.
    mutating func observe(_ line: ManifestLine, number: Int, into findings: inout [LineFinding]) {
        let document = line.document
        if let node = line.sourceRef, document[node].kind == .string {
            Self.withContent(of: node, in: document) { sourceRef in
                if let first = firstLines.insert(sourceRef, value: number) {
                    findings.append(
                        LineFinding(
                            rule: DuplicateSourceRef.description, node: node,
                            message: "source-ref '\(document.string(at: node))' already appears on line \(first)"))
                }
                checkBucket(of: sourceRef, node: node, number: number, into: &findings)
            }
        }
        counts.boxes += line.boxes.count
        if !line.boxes.isEmpty {
            counts.imagesWithBoxes += 1
            counts.mostBoxes = max(counts.mostBoxes, line.boxes.count)
        }
        for pair in line.pairs {
            hasClassification = hasClassification || pair.useCase == .classification
            hasDetection = hasDetection || pair.useCase == .detection
        }
        lineOrdinals.removeAll(keepingCapacity: true)
        for label in line.labels {
            // A label of a bounding-box pair lies inside that pair's class-map.
            let detection = line.pairs.contains {
                $0.classMap >= 0 && label > $0.classMap && label < Int(document[$0.classMap].next)
            }
            let candidate = labelNames.count
            let ordinal = Self.withContent(of: label, in: document) { labels.insert($0, value: candidate) } ?? candidate
            if ordinal == candidate {
                labelNames.append(document.string(at: label))
                labelImages.append(0)
                labelKinds.append(0)
                if labelNames.count == TooManyLabels.limit + 1 {
                    findings.append(
                        LineFinding(
                            rule: TooManyLabels.description, node: label,
                            message: "label '\(labelNames[ordinal])' is the manifest's \(labelNames.count)th distinct "
                                + "label, over the limit of \(TooManyLabels.limit)"))
                }
            }
            labelKinds[ordinal] |= detection ? 2 : 1
            if !lineOrdinals.contains(ordinal) {
                lineOrdinals.append(ordinal)
                labelImages[ordinal] += 1
            }
        }
        counts.images = firstLines.count
        counts.labels = labelNames.count
        counts.buckets = firstBucket == nil ? 0 : reportedBuckets.count + 1
    }

    /// Records whether a finished line had errors or only warnings.
    mutating func recordVerdict(errors: Bool, warnings: Bool) {
        if errors {
            counts.linesWithErrors += 1
        } else if warnings {
            counts.linesWithWarningsOnly += 1
        }
    }

    /// The findings about the whole manifest, once it has been read.
    func finish() -> [(rule: RuleDescription, message: String)] {
        guard rows > 0 else { return [(EmptyManifest.description, "the manifest has no lines")] }
        var findings: [(rule: RuleDescription, message: String)] = []
        let classificationLabels = labelKinds.count { $0 & 1 != 0 }
        let detectionLabels = labelKinds.count { $0 & 2 != 0 }
        for (present, count, kind) in [
            (hasClassification, classificationLabels, "image-level"), (hasDetection, detectionLabels, "bounding-box"),
        ] where present && count < 2 {
            findings.append(
                (
                    TooFewLabels.description,
                    "the manifest has \(count) distinct \(kind) label\(count == 1 ? "" : "s"); "
                        + "training may need 2 (the documentation is inconsistent)"
                ))
        }
        let statistics = counts
        if statistics.invalidShare > TooManyInvalidLines.limit {
            let percent = Int((statistics.invalidShare * 100).rounded())
            findings.append(
                (
                    TooManyInvalidLines.description,
                    "\(statistics.linesWithErrors) of \(rows) lines (\(percent)%) have errors, over the 20% the "
                        + "service allows"
                ))
        }
        return findings
    }

    /// Reports the first line of each bucket other than the first line's.
    private mutating func checkBucket(
        of sourceRef: UnsafeBufferPointer<UInt8>, node: Int, number: Int, into findings: inout [LineFinding]
    ) {
        // OR-ing 0x20 lowercases the S of an upper-case scheme.
        guard sourceRef.count > 5, sourceRef[0] | 0x20 == UInt8(ascii: "s"), sourceRef[1] == UInt8(ascii: "3"),
            sourceRef[2] == UInt8(ascii: ":"), sourceRef[3] == UInt8(ascii: "/"), sourceRef[4] == UInt8(ascii: "/")
        else { return }
        let rest = UnsafeBufferPointer(rebasing: sourceRef[5...])
        let bucket = UnsafeBufferPointer(rebasing: rest[..<(rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex)])
        guard let first = firstBucket else {
            firstBucket = (Array(bucket), number)
            return
        }
        let same =
            bucket.count == first.name.count
            && (bucket.isEmpty
                || first.name.withUnsafeBufferPointer {
                    JSONDocument.bytesEqual(
                        $0.baseAddress.unsafelyUnwrapped, bucket.baseAddress.unsafelyUnwrapped, bucket.count)
                })
        guard !same, reportedBuckets.insert(bucket, value: number) == nil else { return }
        let name = String(decoding: bucket, as: UTF8.self)
        findings.append(
            LineFinding(
                rule: ImagesInMultipleBuckets.description, node: node,
                message: "image in bucket '\(name)'; line \(first.line) and the images before it are in "
                    + "'\(String(decoding: first.name, as: UTF8.self))', and all must be in one bucket"))
    }

    /// Calls `body` with the decoded bytes of the string at `node` (in place when it has no escapes).
    private static func withContent<Result>(
        of node: Int, in document: JSONDocument, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let string = document[node]
        if string.flags & JSONNode.hasEscapes == 0 {
            return body(UnsafeBufferPointer(rebasing: document.bytes[Int(string.start) + 1..<Int(string.end) - 1]))
        }
        return document.stringBytes(at: node).withUnsafeBufferPointer(body)
    }
}
