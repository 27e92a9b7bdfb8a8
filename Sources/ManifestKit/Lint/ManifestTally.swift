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
    private var labels = ByteStringTable()
    private var classificationLabels = ByteStringTable()
    private var detectionLabels = ByteStringTable()
    private var hasClassification = false
    private var hasDetection = false
    /// What the run has seen so far.
    private(set) var statistics = LintStatistics()
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
        statistics.lines = rows
        let before = bytes
        bytes += lineBytes + 1
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
        statistics.boxes += line.boxes.count
        for pair in line.pairs {
            hasClassification = hasClassification || pair.useCase == .classification
            hasDetection = hasDetection || pair.useCase == .detection
        }
        for label in line.labels {
            // A label of a bounding-box pair lies inside that pair's class-map.
            let detection = line.pairs.contains {
                $0.classMap >= 0 && label > $0.classMap && label < Int(document[$0.classMap].next)
            }
            let inserted = Self.withContent(of: label, in: document) { name in
                // Most labels repeat: the table of their kind settles it, and only new ones go further.
                let new =
                    detection
                    ? detectionLabels.insert(name, value: number) == nil
                    : classificationLabels.insert(name, value: number) == nil
                return new && labels.insert(name, value: number) == nil
            }
            if inserted, labels.count == TooManyLabels.limit + 1 {
                findings.append(
                    LineFinding(
                        rule: TooManyLabels.description, node: label,
                        message: "label '\(document.string(at: label))' is the manifest's \(labels.count)th distinct "
                            + "label, over the limit of \(TooManyLabels.limit)"))
            }
        }
        statistics.images = firstLines.count
        statistics.labels = labels.count
        statistics.buckets = firstBucket == nil ? 0 : reportedBuckets.count + 1
    }

    /// Records whether a finished line had errors or only warnings.
    mutating func recordVerdict(errors: Bool, warnings: Bool) {
        if errors {
            statistics.linesWithErrors += 1
        } else if warnings {
            statistics.linesWithWarningsOnly += 1
        }
    }

    /// The findings about the whole manifest, once it has been read.
    func finish() -> [(rule: RuleDescription, message: String)] {
        guard rows > 0 else { return [(EmptyManifest.description, "the manifest has no lines")] }
        var findings: [(rule: RuleDescription, message: String)] = []
        for (present, table, kind) in [
            (hasClassification, classificationLabels, "image-level"), (hasDetection, detectionLabels, "bounding-box"),
        ] where present && table.count < 2 {
            findings.append(
                (
                    TooFewLabels.description,
                    "the manifest has \(table.count) distinct \(kind) label\(table.count == 1 ? "" : "s"); "
                        + "training may need 2 (the documentation is inconsistent)"
                ))
        }
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
