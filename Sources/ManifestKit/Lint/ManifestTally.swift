/// What the manifest-wide rules remember from line to line.
///
/// That is the `source-ref`s seen, the bucket, the labels, and the running counts of lines and bytes.
/// Findings are reported at the line that causes them, so a run never needs a second pass.
struct ManifestTally {
    private let maxRows: Int
    private let maxBytes: Int
    private var firstLines = FingerprintTable()
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
    private(set) var hasClassification = false
    private(set) var hasDetection = false
    private(set) var counts = LintStatistics()

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
            return (
                TooManyRows.description,
                "line \(Count.grouped(rows)) is over the limit of \(Count.phrase(maxRows, "line")) per manifest"
            )
        }
        if before <= maxBytes && bytes > maxBytes {
            return (ManifestTooLarge.description, "the manifest passes \(Count.bytes(maxBytes)) on this line")
        }
        return nil
    }

    /// Records the object line `line` (number `number`) and appends its manifest-wide findings.
    mutating func observe(_ line: ManifestLine, number: Int, into findings: inout [LineFinding]) {
        let document = line.document
        if let node = line.sourceRef, let fingerprint = line.sourceRefFingerprint {
            Self.withContent(of: node, in: document) { sourceRef in
                for (rule, message) in observeSourceRef(sourceRef, fingerprint: fingerprint, number: number) {
                    findings.append(LineFinding(rule: rule, node: node, message: message))
                }
            }
        }
        observeBoxes(line.boxes.count)
        for pair in line.pairs { observeUseCase(pair.useCase) }
        beginLabels()
        for label in line.labels {
            let finding = Self.withContent(of: label, in: document) {
                observeLabel($0, detection: line.isDetectionLabel(label)) { document.string(at: label) }
            }
            if let (rule, message) = finding { findings.append(LineFinding(rule: rule, node: label, message: message)) }
        }
        endObservation()
    }

    /// Records a line's `source-ref` (its decoded bytes and their fingerprint); returns the findings about it.
    mutating func observeSourceRef(
        _ sourceRef: UnsafeBufferPointer<UInt8>, fingerprint: Hash128, number: Int
    ) -> [(RuleDescription, String)] {
        var findings: [(RuleDescription, String)] = []
        if let first = firstLines.insert(fingerprint, value: number) {
            findings.append(
                (
                    DuplicateSourceRef.description,
                    "source-ref '\(String(decoding: sourceRef, as: UTF8.self))' already appears on line \(first)"
                ))
        }
        if let bucket = checkBucket(of: sourceRef, number: number) { findings.append(bucket) }
        return findings
    }

    /// Records a line's boxes.
    mutating func observeBoxes(_ count: Int) {
        counts.boxes += count
        if count > 0 {
            counts.imagesWithBoxes += 1
            counts.mostBoxes = max(counts.mostBoxes, count)
        }
    }

    /// Records the use case of one of a line's label pairs.
    mutating func observeUseCase(_ useCase: ManifestLine.UseCase) {
        hasClassification = hasClassification || useCase == .classification
        hasDetection = hasDetection || useCase == .detection
    }

    /// Starts the labels of a line.
    mutating func beginLabels() {
        lineOrdinals.removeAll(keepingCapacity: true)
    }

    /// Records one label of a line (its decoded bytes; `name` spells it); returns the finding when it is
    /// one label too many.
    mutating func observeLabel(_ label: UnsafeBufferPointer<UInt8>, detection: Bool, name: () -> String) -> (
        RuleDescription, String
    )? {
        observeLabelOrdinal(label, detection: detection, name: name).finding
    }

    /// ``observeLabel(_:detection:name:)`` that also returns the label's ordinal, for
    /// ``observeLabel(ordinal:detection:)`` on its next uses.
    private mutating func observeLabelOrdinal(
        _ label: UnsafeBufferPointer<UInt8>, detection: Bool, name: () -> String
    ) -> (ordinal: Int, finding: (RuleDescription, String)?) {
        let candidate = labelNames.count
        let ordinal = labels.insert(label, value: candidate) ?? candidate
        var finding: (RuleDescription, String)?
        if ordinal == candidate {
            labelNames.append(name())
            labelImages.append(0)
            labelKinds.append(0)
            if labelNames.count == TooManyLabels.limit + 1 {
                finding = (
                    TooManyLabels.description,
                    "label '\(labelNames[ordinal])' is the manifest's \(labelNames.count)th distinct "
                        + "label, over the limit of \(TooManyLabels.limit)"
                )
            }
        }
        observeLabel(ordinal: ordinal, detection: detection)
        return (ordinal, finding)
    }

    /// Records one more use of the label with ordinal `ordinal` (one already seen) on the current line.
    private mutating func observeLabel(ordinal: Int, detection: Bool) {
        labelKinds[ordinal] |= detection ? 2 : 1
        if !lineOrdinals.contains(ordinal) {
            lineOrdinals.append(ordinal)
            labelImages[ordinal] += 1
        }
    }

    /// Brings the counts up to date after a line.
    mutating func endObservation() {
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
                    "the manifest has \(Count.phrase(count, "distinct \(kind) label")); "
                        + "training may need 2 (the documentation is inconsistent)"
                ))
        }
        let statistics = counts
        if statistics.invalidShare > TooManyInvalidLines.limit {
            findings.append((TooManyInvalidLines.description, TooManyInvalidLines.message(statistics)))
        }
        return findings
    }

    /// Reports the first line of each bucket other than the first line's.
    private mutating func checkBucket(of sourceRef: UnsafeBufferPointer<UInt8>, number: Int) -> (
        RuleDescription, String
    )? {
        // OR-ing 0x20 lowercases the S of an upper-case scheme.
        guard sourceRef.count > 5, sourceRef[0] | 0x20 == UInt8(ascii: "s"), sourceRef[1] == UInt8(ascii: "3"),
            sourceRef[2] == UInt8(ascii: ":"), sourceRef[3] == UInt8(ascii: "/"), sourceRef[4] == UInt8(ascii: "/")
        else { return nil }
        let rest = UnsafeBufferPointer(rebasing: sourceRef[5...])
        let bucket = UnsafeBufferPointer(rebasing: rest[..<(rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex)])
        guard let first = firstBucket else {
            firstBucket = (Array(bucket), number)
            return nil
        }
        let same =
            bucket.count == first.name.count
            && (bucket.isEmpty
                || first.name.withUnsafeBufferPointer {
                    JSONDocument.bytesEqual(
                        $0.baseAddress.unsafelyUnwrapped, bucket.baseAddress.unsafelyUnwrapped, bucket.count)
                })
        guard !same, reportedBuckets.insert(bucket, value: number) == nil else { return nil }
        let name = String(decoding: bucket, as: UTF8.self)
        return (
            ImagesInMultipleBuckets.description,
            "image in bucket '\(name)'; line \(first.line) and the images before it are in "
                + "'\(String(decoding: first.name, as: UTF8.self))', and all must be in one bucket"
        )
    }

    /// Replays the lines of a part checked elsewhere, as ``count(lineBytes:)`` and ``observe(_:number:into:)``
    /// would have seen them, and returns the findings they make.
    ///
    /// - Parameters:
    ///   - record: the part's record; parts must be replayed in order.
    ///   - firstLine: the number of the part's first line in the file (the record counts from 1).
    ///   - file: the file name for the findings.
    ///   - line: the bytes of the line at an offset and length, for excerpts; nil for none.
    /// - Returns: the findings of the part's lines made by the manifest-wide rules.
    mutating func replay(
        _ record: TallyRecord, firstLine: Int, file: String, line: ((Int, Int) -> [UInt8])?
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lineBase = firstLine - 1
        // The manifest's ordinal of each of the part's labels, once its first use here has been replayed.
        var ordinals = [Int](repeating: -1, count: record.firstUses.count)
        let observations = record.observations
        let labelUses = record.labelUses
        var next = 0
        record.arena.withUnsafeBufferPointer { arena in
            for counted in record.counted {
                let number = counted.number + lineBase
                if let (rule, message) = count(lineBytes: counted.bytes) {
                    var diagnostic = rule.diagnostic(file: file, line: number, column: 1, message: message)
                    if let line {
                        diagnostic.excerpt = Diagnostic.Excerpt(line: line(counted.offset, counted.bytes), column: 1)
                    }
                    diagnostics.append(diagnostic)
                }
                guard next < observations.count, observations[next].number == counted.number else { continue }
                if next + Self.lookAhead < observations.count, observations[next + Self.lookAhead].sourceRef != nil {
                    firstLines.prefetch(observations[next + Self.lookAhead].fingerprint)
                }
                let observation = observations[next]
                next += 1
                var findings: [(rule: RuleDescription, message: String, column: Int, pointer: String)] = []
                var sourceRef: UnsafeBufferPointer<UInt8>?
                if let range = observation.sourceRef {
                    let bytes = UnsafeBufferPointer(rebasing: arena[range])
                    sourceRef = bytes
                    for (rule, message) in observeSourceRef(
                        bytes, fingerprint: observation.fingerprint, number: number)
                    {
                        findings.append((rule, message, observation.sourceRefColumn, "/source-ref"))
                    }
                }
                beginLabels()
                for index in observation.labels {
                    let (local, detection) = labelUses[index]
                    if ordinals[local] >= 0 {
                        observeLabel(ordinal: ordinals[local], detection: detection)
                        continue
                    }
                    let first = record.firstUses[local]
                    let (ordinal, finding) = first.bytes.withUnsafeBufferPointer {
                        observeLabelOrdinal($0, detection: detection) { first.name }
                    }
                    ordinals[local] = ordinal
                    if let (rule, message) = finding { findings.append((rule, message, first.column, first.pointer)) }
                }
                endObservation()
                guard !findings.isEmpty else { continue }
                let sourceRefText = sourceRef.map { String(decoding: $0, as: UTF8.self) }
                for finding in findings {
                    var diagnostic = finding.rule.diagnostic(
                        file: file, line: number, column: finding.column, message: finding.message,
                        pointer: finding.pointer, sourceRef: sourceRefText)
                    if let line {
                        diagnostic.excerpt = Diagnostic.Excerpt(
                            line: line(counted.offset, counted.bytes), column: finding.column)
                    }
                    diagnostics.append(diagnostic)
                }
            }
        }
        counts.boxes += record.partial.counts.boxes
        counts.imagesWithBoxes += record.partial.counts.imagesWithBoxes
        counts.mostBoxes = max(counts.mostBoxes, record.partial.counts.mostBoxes)
        counts.linesWithErrors += record.partial.counts.linesWithErrors
        counts.linesWithWarningsOnly += record.partial.counts.linesWithWarningsOnly
        hasClassification = hasClassification || record.partial.hasClassification
        hasDetection = hasDetection || record.partial.hasDetection
        return diagnostics
    }

    /// How many lines ahead of its turn a replayed `source-ref`'s slot is fetched.
    private static let lookAhead = 8

    /// Starts loading the table slot of a `source-ref` about to be observed (see ``FingerprintTable``).
    ///
    /// Mutating only so that it works in place: a call on a copy would copy every table's reference.
    mutating func prefetch(_ fingerprint: Hash128) {
        firstLines.prefetch(fingerprint)
    }

    /// Sizes the `source-ref` table for a file of `total` bytes from the distinct images of its first `read`
    /// bytes, so that it does not grow (and copy itself) again and again on a large file.
    mutating func reserveImages(afterBytes read: Int, ofBytes total: Int) {
        firstLines.reserve(extrapolating: counts.images, over: read, of: total)
    }

    /// Calls `body` with the decoded bytes of the string at `node` (in place when it has no escapes).
    static func withContent<Result>(
        of node: Int, in document: JSONDocument, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let string = document[node]
        if string.flags & JSONNode.hasEscapes == 0 {
            return body(UnsafeBufferPointer(rebasing: document.bytes[Int(string.start) + 1..<Int(string.end) - 1]))
        }
        return document.stringBytes(at: node).withUnsafeBufferPointer(body)
    }
}
