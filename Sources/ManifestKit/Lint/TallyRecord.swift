/// What one part of a manifest gives the manifest-wide rules, kept by the thread that checked the part
/// and replayed, in line order, by the thread that merges the parts
/// (``ManifestTally/replay(_:firstLine:file:line:)``).
///
/// Line numbers are counted from 1 at the part's start: the part does not know how many lines come
/// before it (counting them first would read the file twice); the merge adds them.
///
/// It holds what those rules need and nothing of the parsed lines: the lines counted toward the limits,
/// each object line's `source-ref` bytes and labels, and, for the first use of each label in the part,
/// where it stands (a label new to the manifest is always new to its part).
final class TallyRecord {
    /// A line counted toward the row and size limits.
    struct Counted {
        var number: Int
        var offset: Int
        var bytes: Int
    }

    /// An object line.
    struct Observation {
        var number: Int
        /// Its `source-ref`'s decoded bytes in ``arena``, when it is a string.
        var sourceRef: Range<Int>?
        /// The fingerprint of those bytes, worked out by the checking thread so that the merging thread only
        /// looks it up.
        var fingerprint = Hash128(first: 0, second: 0)
        var sourceRefColumn = 0
        /// Its labels in ``labelUses``.
        var labels: Range<Int>
    }

    /// A label's first use in the part.
    struct FirstUse {
        var bytes: [UInt8]
        var name: String
        var column: Int
        var pointer: String
    }

    // Filled by the one thread that checks the part, then only read by the merging thread after the part is
    // handed over: no dynamic exclusivity checks needed (they cost about 4% of a parallel run).
    @exclusivity(unchecked) private(set) var counted: [Counted] = []
    @exclusivity(unchecked) private(set) var observations: [Observation] = []
    @exclusivity(unchecked) private(set) var arena: [UInt8] = []
    @exclusivity(unchecked) private(set) var labelUses: [(ordinal: Int, detection: Bool)] = []
    @exclusivity(unchecked) private(set) var firstUses: [FirstUse] = []
    @exclusivity(unchecked) private var labelOrdinals = ByteStringTable()
    /// Counts that add up across parts: boxes, images with boxes, the most boxes, use cases, verdicts.
    @exclusivity(unchecked) private(set) var partial = ManifestTally(options: LintOptions())

    /// A record for a part of about `partBytes` bytes, its lists sized for lines of about 512 bytes (a guess:
    /// they grow when it is wrong), which spares most of their regrowth.
    init(partBytes: Int) {
        let lines = partBytes / 512
        counted.reserveCapacity(lines)
        observations.reserveCapacity(lines)
        labelUses.reserveCapacity(lines)
        arena.reserveCapacity(lines * 64)
    }

    /// Records a line counted toward the limits.
    func count(number: Int, offset: Int, bytes: Int) {
        counted.append(Counted(number: number, offset: offset, bytes: bytes))
    }

    /// Records an object line; `column` gives the column of a byte offset in it.
    func observe(_ line: ManifestLine, number: Int, column: (Int) -> Int) {
        let document = line.document
        var observation = Observation(number: number, labels: 0..<0)
        if let node = line.sourceRef, let fingerprint = line.sourceRefFingerprint {
            let start = arena.count
            ManifestTally.withContent(of: node, in: document) { arena.append(contentsOf: $0) }
            observation.sourceRef = start..<arena.count
            observation.fingerprint = fingerprint
            observation.sourceRefColumn = column(Int(document[node].start))
        }
        partial.observeBoxes(line.boxes.count)
        for pair in line.pairs { partial.observeUseCase(pair.useCase) }
        let labelStart = labelUses.count
        for label in line.labels {
            let candidate = firstUses.count
            let ordinal = ManifestTally.withContent(of: label, in: document) { bytes -> Int in
                if let known = labelOrdinals.insert(bytes, value: candidate) { return known }
                firstUses.append(
                    FirstUse(
                        bytes: Array(bytes), name: String(decoding: bytes, as: UTF8.self),
                        column: column(Int(document[label].start)), pointer: document.pointer(to: label)))
                return candidate
            }
            labelUses.append((ordinal, line.isDetectionLabel(label)))
        }
        observation.labels = labelStart..<labelUses.count
        observations.append(observation)
    }

    /// Records whether a finished line had errors or only warnings.
    func recordVerdict(errors: Bool, warnings: Bool) {
        partial.recordVerdict(errors: errors, warnings: warnings)
    }
}
