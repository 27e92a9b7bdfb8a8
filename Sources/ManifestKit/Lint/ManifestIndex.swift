/// What a manifest's lines add up to, kept once for the statistics and every ``ManifestRule``: the
/// `source-ref`s seen (each with the line it first appeared on), the buckets, the labels, the counts.
///
/// Lines are checked in parts (one for a whole file on one thread, or 4 MB parts on several), each
/// collecting its lines' facts in a ``Part``; the parts are merged here in file order
/// (``merge(_:lineOffset:file:excerpt:)``), which is where the manifest rules hear of each line, in order,
/// and report at the line that causes a finding. ``finish(file:)`` then reports on the whole manifest.
final class ManifestIndex {
    private let options: LintOptions
    private let ruleSet: RuleSet
    // Used by one thread (the merging one): no dynamic exclusivity checks needed.
    @exclusivity(unchecked) private var firstLines = FingerprintTable()
    @exclusivity(unchecked) private var firstBucket: (name: [UInt8], line: Int)?
    @exclusivity(unchecked) private var reportedBuckets = ByteStringTable()
    /// Distinct labels, each with its ordinal (the order of first appearance) as its value.
    @exclusivity(unchecked) private var labels = ByteStringTable()
    /// By label ordinal: its name, the images that name it, and its kinds (1 image-level, 2 bounding-box).
    @exclusivity(unchecked) private var labelNames: [String] = []
    @exclusivity(unchecked) private var labelImages: [Int] = []
    @exclusivity(unchecked) private var labelKinds: [UInt8] = []
    /// The ordinals already counted for the current line.
    @exclusivity(unchecked) private var lineOrdinals: [Int] = []
    @exclusivity(unchecked) private var hasClassification = false
    @exclusivity(unchecked) private var hasDetection = false
    @exclusivity(unchecked) private var counts = LintStatistics()
    @exclusivity(unchecked) private var rows = 0
    @exclusivity(unchecked) private var bytes = 0
    /// The enabled manifest rules, with their states; by the events they want.
    private let rules: [ManifestRuleBox]
    private let lineRules: [ManifestRuleBox]
    private let sourceRefRules: [ManifestRuleBox]
    private let bucketRules: [ManifestRuleBox]
    private let labelRules: [ManifestRuleBox]
    /// Whether any rule wants each event: asked once per line, without touching the arrays.
    private let wantsLines: Bool
    private let wantsSourceRefs: Bool
    private let wantsBuckets: Bool
    private let wantsLabels: Bool
    /// The entries' facts, when ``init(options:rules:profiling:)`` asked for them.
    private(set) var profile: DatasetProfile?
    /// Whether ``profile`` is kept: read by the workers making parts while the merging thread appends to
    /// ``profile``, so it is not read from there.
    private let profiling: Bool

    /// An empty index for a manifest checked with `options`, telling the manifest rules of `rules` what it
    /// sees.
    convenience init(options: LintOptions, rules: RuleSet, profiling: Bool = false) {
        self.init(
            options: options, ruleSet: rules,
            boxes: rules.manifestRules.map { ManifestRuleBox.make($0, options: options) }, profiling: profiling)
        profile = profiling ? DatasetProfile() : nil
    }

    private init(options: LintOptions, ruleSet: RuleSet, boxes: [ManifestRuleBox], profiling: Bool) {
        self.profiling = profiling
        self.options = options
        self.ruleSet = ruleSet
        rules = boxes
        lineRules = boxes.filter { $0.events.contains(.lines) }
        sourceRefRules = boxes.filter { $0.events.contains(.sourceRefs) }
        bucketRules = boxes.filter { $0.events.contains(.newBuckets) }
        labelRules = boxes.filter { $0.events.contains(.newLabels) }
        (wantsLines, wantsSourceRefs) = (!lineRules.isEmpty, !sourceRefRules.isEmpty)
        (wantsBuckets, wantsLabels) = (!bucketRules.isEmpty, !labelRules.isEmpty)
    }

    /// An index in the state of this one, to go on from where this one is while this one stays as it is.
    ///
    /// An editor keeps the index of the lines before an edit. The tables are shared until either changes.
    func copy() -> ManifestIndex {
        let copy = ManifestIndex(
            options: options, ruleSet: ruleSet, boxes: rules.map { $0.copy(options: options) }, profiling: profiling)
        copy.firstLines = firstLines
        copy.firstBucket = firstBucket
        copy.reportedBuckets = reportedBuckets
        copy.labels = labels
        copy.labelNames = labelNames
        copy.labelImages = labelImages
        copy.labelKinds = labelKinds
        copy.hasClassification = hasClassification
        copy.hasDetection = hasDetection
        copy.counts = counts
        copy.rows = rows
        copy.bytes = bytes
        copy.profile = profile
        return copy
    }

    /// A part for the lines of a stretch of the file checked on its own, with a fresh state of each rule
    /// that keeps one.
    func makePart(partBytes: Int) -> Part {
        Part(
            partBytes: partBytes, states: rules.filter(\.isStateful).map { $0.fresh(options: options) },
            ownsStates: true, profile: profiling ? DatasetProfile.Collector() : nil)
    }

    /// The part for a whole file read by one thread, merged batch by batch: the rules' states are the
    /// index's own.
    func makeWholeFilePart() -> Part {
        Part(
            partBytes: 0, states: rules.filter(\.isStateful), ownsStates: false,
            profile: profiling ? DatasetProfile.Collector() : nil)
    }

    /// What the manifest has shown so far.
    var statistics: LintStatistics {
        var statistics = counts
        statistics.labelImages = zip(labelNames, labelImages).map { LintStatistics.LabelCount(label: $0, images: $1) }
        return statistics
    }

    /// Merges `part`, the next stretch of lines of the file.
    ///
    /// The part is drained (``Part/drain()``) and may take more lines.
    ///
    /// - Parameters:
    ///   - part: the lines' facts.
    ///   - lineOffset: how many lines of the file come before the part's first.
    ///   - isComplete: whether the part has no more lines to come: its rules' states are then merged.
    ///   - file: the file name for the findings.
    ///   - excerpt: the bytes of the part's counted line (an index of ``Part/counted``), for findings that
    ///     show their line (the `full` format); nil for none.
    ///   - drains: whether the part is drained; one kept (an editor's block) can be merged into another index.
    /// - Returns: the findings of the manifest rules about the part's lines.
    func merge(
        _ part: Part, lineOffset: Int, isComplete: Bool, file: String, excerpt: ((_ index: Int) -> [UInt8])?,
        drains: Bool = true
    ) -> [Diagnostic] {
        var findings: [ManifestFinding] = []
        var diagnostics: [Diagnostic] = []
        var ordinals = part.manifestOrdinals
        part.manifestOrdinals = []  // Moved out while in use, so that it is not copied on write.
        defer {
            // A kept part's label ordinals belong to this index: the next index starts them afresh.
            if !drains { ordinals = [Int](repeating: -1, count: ordinals.count) }
            part.manifestOrdinals = ordinals
        }
        let observations = part.observations
        let labelUses = part.labelUses
        var next = 0
        part.arena.withUnsafeBufferPointer { arena in
            for (index, counted) in part.counted.enumerated() {
                let number = counted.number + lineOffset
                let before = bytes
                rows += 1
                bytes += counted.bytes + 1
                if wantsLines {
                    let event = ManifestEvent.line(
                        .init(
                            number: number, rows: rows, bytesBefore: before, bytesAfter: bytes,
                            maxRows: options.maxRows, maxBytes: options.maxBytes))
                    for rule in lineRules { rule.check(event, into: &findings) }
                }
                if next < observations.count, observations[next].number == counted.number {
                    if next + Self.lookAhead < observations.count, observations[next + Self.lookAhead].sourceRef != nil
                    {
                        firstLines.prefetch(observations[next + Self.lookAhead].fingerprint)
                    }
                    merge(observations[next], number: number, part, arena, labelUses, &ordinals, &findings)
                    next += 1
                }
                guard !findings.isEmpty else { continue }
                for finding in findings {
                    var diagnostic = diagnostic(finding, file: file)
                    if let excerpt, !counted.isOversized, let column = finding.column {
                        diagnostic.excerpt = Diagnostic.Excerpt(line: excerpt(index), column: column)
                    }
                    diagnostics.append(diagnostic)
                }
                findings.removeAll(keepingCapacity: true)
            }
        }
        counts.lines = rows
        counts.bytes = bytes
        counts.images = firstLines.count
        counts.labels = labelNames.count
        counts.buckets = firstBucket == nil ? 0 : reportedBuckets.count + 1
        counts.boxes += part.boxes
        counts.imagesWithBoxes += part.imagesWithBoxes
        counts.mostBoxes = max(counts.mostBoxes, part.mostBoxes)
        counts.linesWithErrors += part.linesWithErrors
        counts.linesWithWarningsOnly += part.linesWithWarningsOnly
        hasClassification = hasClassification || part.hasClassification
        hasDetection = hasDetection || part.hasDetection
        if let collector = part.profile { profile?.append(collector, lineOffset: lineOffset) }
        if isComplete, part.ownsStates {
            for (rule, state) in zip(rules.filter(\.isStateful), part.states) {
                rule.merge(state, lineOffset: lineOffset)
            }
        }
        if drains { part.drain() }
        return diagnostics
    }

    /// The line where `sourceRef` first appeared.
    func firstLine(of sourceRef: UnsafeBufferPointer<UInt8>) -> Int? {
        firstLines.value(for: ByteHash.fingerprint(sourceRef))
    }

    /// Merges one object line: its `source-ref` (duplicates, buckets) and its labels.
    private func merge(
        _ observation: Part.Observation, number: Int, _ part: Part, _ arena: UnsafeBufferPointer<UInt8>,
        _ labelUses: [(ordinal: Int, detection: Bool)], _ ordinals: inout [Int], _ findings: inout [ManifestFinding]
    ) {
        var sourceRefText: String?
        if let range = observation.sourceRef {
            let sourceRef = UnsafeBufferPointer(rebasing: arena[range])
            let first = firstLines.insert(observation.fingerprint, value: number)
            if wantsSourceRefs {
                let event = ManifestEvent.sourceRef(
                    .init(number: number, column: observation.sourceRefColumn, bytes: sourceRef, firstLine: first))
                for rule in sourceRefRules { rule.check(event, into: &findings) }
            }
            if let (bucket, firstBucket, firstLine) = newBucket(of: sourceRef, number: number), wantsBuckets {
                sourceRefText = String(decoding: sourceRef, as: UTF8.self)
                let event = ManifestEvent.newBucket(
                    .init(
                        number: number, column: observation.sourceRefColumn, sourceRef: sourceRefText ?? "",
                        bucket: bucket, firstBucket: firstBucket, firstLine: firstLine))
                for rule in bucketRules { rule.check(event, into: &findings) }
            }
        }
        lineOrdinals.removeAll(keepingCapacity: true)
        for index in observation.labels {
            let (local, detection) = labelUses[index]
            if ordinals[local] >= 0 {
                countLabel(ordinal: ordinals[local], detection: detection)
                continue
            }
            let first = part.firstUses[local]
            let candidate = labelNames.count
            let ordinal = first.bytes.withUnsafeBufferPointer { labels.insert($0, value: candidate) } ?? candidate
            if ordinal == candidate {
                labelNames.append(first.name)
                labelImages.append(0)
                labelKinds.append(0)
                if wantsLabels {
                    if sourceRefText == nil, let range = observation.sourceRef {
                        sourceRefText = String(decoding: arena[range], as: UTF8.self)
                    }
                    let event = ManifestEvent.newLabel(
                        .init(
                            number: number, column: first.column, pointer: first.pointer, sourceRef: sourceRefText,
                            name: first.name, ordinal: ordinal))
                    for rule in labelRules { rule.check(event, into: &findings) }
                }
            }
            ordinals[local] = ordinal
            countLabel(ordinal: ordinal, detection: detection)
        }
    }

    /// One more use of the label `ordinal` on the current line.
    private func countLabel(ordinal: Int, detection: Bool) {
        labelKinds[ordinal] |= detection ? 2 : 1
        if !lineOrdinals.contains(ordinal) {
            lineOrdinals.append(ordinal)
            labelImages[ordinal] += 1
        }
    }

    /// The bucket of `sourceRef`, the first line's bucket and that line, when this is the first line of a
    /// bucket other than the first line's.
    private func newBucket(of sourceRef: UnsafeBufferPointer<UInt8>, number: Int) -> (String, String, Int)? {
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
        return (String(decoding: bucket, as: UTF8.self), String(decoding: first.name, as: UTF8.self), first.line)
    }

    /// Counts lines that the image checks found errors or warnings on, beyond those of the line checks.
    func addImageVerdicts(errors: Int, warningsOnly: Int) {
        counts.linesWithErrors += errors
        counts.linesWithWarningsOnly += warningsOnly
    }

    /// The findings about the whole manifest, once it has been read (and its images checked).
    func finish(file: String) -> [Diagnostic] {
        let totals = ManifestTotals(
            statistics: statistics, hasClassification: hasClassification, hasDetection: hasDetection,
            classificationLabels: labelKinds.count { $0 & 1 != 0 }, detectionLabels: labelKinds.count { $0 & 2 != 0 },
            options: options)
        var findings: [ManifestFinding] = []
        for rule in rules { rule.finish(totals, into: &findings) }
        return findings.map { diagnostic($0, file: file) }
    }

    private func diagnostic(_ finding: ManifestFinding, file: String) -> Diagnostic {
        var diagnostic = ruleSet.diagnostic(
            finding.rule, file: file, line: finding.line, column: finding.column, message: finding.message,
            pointer: finding.pointer, sourceRef: finding.sourceRef)
        diagnostic.fix = finding.fix
        return diagnostic
    }

    /// How many lines ahead of its turn a merged `source-ref`'s slot is fetched.
    private static let lookAhead = 8

    /// Starts loading the table slot of a `source-ref` about to be merged (see ``FingerprintTable``).
    func prefetch(_ fingerprint: Hash128) {
        firstLines.prefetch(fingerprint)
    }

    /// Sizes the `source-ref` table for `count` images.
    func reserveImages(_ count: Int) {
        firstLines.reserve(count)
    }

    /// Sizes the `source-ref` table for a file of `total` bytes from the distinct images of its first `read`
    /// bytes, so that it does not grow (and copy itself) again and again on a large file.
    func reserveImages(afterBytes read: Int, ofBytes total: Int) {
        firstLines.reserve(extrapolating: counts.images, over: read, of: total)
    }
}
