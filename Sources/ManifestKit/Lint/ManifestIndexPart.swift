extension ManifestIndex {
    /// What a stretch of a manifest's lines adds to the index, collected by the thread that checks them
    /// and merged, in file order, by ``ManifestIndex/merge(_:lineOffset:file:excerpt:)``.
    ///
    /// It holds the facts the index needs and nothing of the parsed lines: the lines counted toward the
    /// limits, each object line's `source-ref` bytes and labels, and, for the first use of each label in the
    /// part, where it stands (a label new to the manifest is always new to its part); the counts that add
    /// up; and a state of each manifest rule that keeps one. Line numbers count from 1 at the part's start
    /// (a thread checking a part does not know how many lines come before it).
    ///
    /// One thread reading a whole file uses one part for it, merged after every batch of lines
    /// (``drain()``): the label table then lives as long as the file.
    final class Part {
        /// A line counted toward the row and size limits.
        struct Counted {
            var number: Int
            /// Where the line is in the file, and its length, for an excerpt.
            var offset: Int
            var bytes: Int
            var isOversized: Bool
        }

        /// An object line.
        struct Observation {
            var number: Int
            /// Its `source-ref`'s decoded bytes in ``arena``, when it is a string.
            var sourceRef: Range<Int>?
            /// The fingerprint of those bytes, worked out by the checking thread so that the merging thread
            /// only looks it up.
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

        // Filled by the one thread that checks the part, then only read by the merging thread after the part
        // is handed over: no dynamic exclusivity checks needed (they cost about 4% of a parallel run).
        @exclusivity(unchecked) private(set) var counted: [Counted] = []
        @exclusivity(unchecked) private(set) var observations: [Observation] = []
        @exclusivity(unchecked) private(set) var arena: [UInt8] = []
        /// Each label use: the label's ordinal in the part (an index of ``firstUses``), and its kind.
        @exclusivity(unchecked) private(set) var labelUses: [(ordinal: Int, detection: Bool)] = []
        @exclusivity(unchecked) private(set) var firstUses: [FirstUse] = []
        /// The manifest's ordinal of each of ``firstUses``, once merged (-1 before).
        @exclusivity(unchecked) var manifestOrdinals: [Int] = []
        @exclusivity(unchecked) private var labelOrdinals = ByteStringTable()
        /// Counts that add up across parts.
        @exclusivity(unchecked) private(set) var boxes = 0
        @exclusivity(unchecked) private(set) var imagesWithBoxes = 0
        @exclusivity(unchecked) private(set) var mostBoxes = 0
        @exclusivity(unchecked) private(set) var hasClassification = false
        @exclusivity(unchecked) private(set) var hasDetection = false
        @exclusivity(unchecked) private(set) var linesWithErrors = 0
        @exclusivity(unchecked) private(set) var linesWithWarningsOnly = 0
        /// The states of the manifest rules that keep one: the index's own (``ownsStates`` false) when the
        /// part is the whole file, fresh ones otherwise.
        let states: [ManifestRuleBox]
        let ownsStates: Bool
        /// The entries' facts for `stats`, `report` and `partition`, when they are collected.
        let profile: DatasetProfile.Collector?

        /// A part of about `partBytes` bytes (0 when unknown), its lists sized for lines of about 512 bytes
        /// (a guess: they grow when it is wrong), which spares most of their regrowth.
        init(partBytes: Int, states: [ManifestRuleBox], ownsStates: Bool, profile: DatasetProfile.Collector?) {
            self.states = states
            self.profile = profile
            self.ownsStates = ownsStates
            let lines = partBytes / 512
            counted.reserveCapacity(lines)
            observations.reserveCapacity(lines)
            labelUses.reserveCapacity(lines)
            arena.reserveCapacity(lines * 64)
        }

        /// Counts a line of any kind toward the limits.
        func count(_ line: LineRecord) {
            counted.append(
                Counted(number: line.number, offset: line.offset, bytes: line.byteCount, isOversized: line.isOversized))
        }

        /// Takes the object line `line`, number `number`; `column` gives the column of a byte offset in it.
        func observe(_ line: ManifestLine, number: Int, column: (Int) -> Int) {
            let document = line.document
            var observation = Observation(number: number, labels: 0..<0)
            if let node = line.sourceRef, let fingerprint = line.sourceRefFingerprint {
                let start = arena.count
                document.withStringBytes(at: node) { arena.append(contentsOf: $0) }
                observation.sourceRef = start..<arena.count
                observation.fingerprint = fingerprint
                observation.sourceRefColumn = column(Int(document[node].start))
            }
            let lineBoxes = line.boxes.count
            boxes += lineBoxes
            if lineBoxes > 0 {
                imagesWithBoxes += 1
                mostBoxes = max(mostBoxes, lineBoxes)
            }
            for pair in line.pairs {
                hasClassification = hasClassification || pair.useCase == .classification
                hasDetection = hasDetection || pair.useCase == .detection
            }
            let labelStart = labelUses.count
            for label in line.labels {
                let candidate = firstUses.count
                let ordinal = document.withStringBytes(at: label) { bytes -> Int in
                    if let known = labelOrdinals.insert(bytes, value: candidate) { return known }
                    firstUses.append(
                        FirstUse(
                            bytes: Array(bytes), name: String(decoding: bytes, as: UTF8.self),
                            column: column(Int(document[label].start)), pointer: document.pointer(to: label)))
                    manifestOrdinals.append(-1)
                    return candidate
                }
                labelUses.append((ordinal, line.isDetectionLabel(label)))
            }
            observation.labels = labelStart..<labelUses.count
            observations.append(observation)
            profile?.observe(line, number: number)
            if !states.isEmpty {
                let facts = ManifestLineFacts(
                    number: number, sourceRef: line.sourceRef.flatMap(document.stringValue(at:)),
                    labels: line.labels.map(document.string(at:)), boxes: lineBoxes)
                for state in states { state.observe(facts) }
            }
        }

        /// Counts a checked line that had errors, or only warnings.
        func recordVerdict(errors: Bool, warnings: Bool) {
            if errors {
                linesWithErrors += 1
            } else if warnings {
                linesWithWarningsOnly += 1
            }
        }

        /// Forgets the lines and counts merged so far, keeping the labels' ordinals and the rules' states.
        func drain() {
            counted.removeAll(keepingCapacity: true)
            observations.removeAll(keepingCapacity: true)
            arena.removeAll(keepingCapacity: true)
            labelUses.removeAll(keepingCapacity: true)
            profile?.drain()
            (boxes, imagesWithBoxes, mostBoxes, linesWithErrors, linesWithWarningsOnly) = (0, 0, 0, 0, 0)
        }
    }
}
