/// What the service reported about a manifest, placed at the lines of the local manifest it is about.
///
/// Each error and warning of a validation manifest (`training_manifest_with_validation.json`), of dataset
/// entries (`ListDatasetEntries`) or of `manifest_summary.json` becomes a finding with the service's code,
/// at the local line whose `source-ref` it concerns (whatever order the service wrote its lines in) and
/// at the column of the object it was written in (the annotation, the label attribute, the metadata).
///
/// ```swift
/// let result = try Reconciliation.run(
///     local: .file("train.manifest"),
///     reports: [.validationManifest(.file("training_manifest_with_validation.json"))])
/// ```
public enum Reconciliation {
    /// The rule name of every finding made here.
    public static let name = "reported-by-service"

    /// Which dataset a manifest summary's part is read for.
    public enum DatasetSet: String, Sendable, CaseIterable {
        /// `statistics.training`.
        case training
        /// `statistics.testing`.
        case testing
    }

    /// One report of the service.
    public enum Report: Sendable {
        /// A validation manifest: the dataset line for line, with errors added. A line without a
        /// `source-ref` (an invalid JSON line is replaced by its errors alone) is placed at the local line of
        /// the same number when that line has no `source-ref` either.
        case validationManifest(ManifestSource)
        /// Dataset entries as `ListDatasetEntries` returns them, named `name`.
        case datasetEntries([String], name: String)
        /// A manifest summary, named `name`: the errors of `set` and those of both sets.
        case summary(ValidationSummary, name: String, set: DatasetSet)
    }

    /// The findings, and what the reports covered.
    public struct Result: Sendable {
        /// Findings at the local lines of the images they concern.
        public var placed: [Diagnostic] = []
        /// Findings about the whole manifest (a summary's terminal content errors).
        public var wholeManifest: [Diagnostic] = []
        /// Findings about images that are not in the local manifest (or lines that could not be matched),
        /// reported for the whole file so that none is lost.
        public var unplaced: [Diagnostic] = []
        /// The local lines the reports said something about, with or without errors.
        public var coveredLines: Set<Int> = []
        /// Whether a summary was given, so that the absence of a whole-manifest error means something.
        public var coversWholeManifest = false
        /// The local manifest's lines.
        public var localLines = 0
        /// Lines of the reports that are not JSON objects, by report name.
        public var unreadable: [(report: String, line: Int)] = []
        /// What else the reports say, one sentence each (a summary's counts, indices not placed).
        public var notes: [String] = []

        /// An empty result, to fill.
        public init() {}

        /// Every finding, sorted.
        public var diagnostics: [Diagnostic] { (placed + wholeManifest + unplaced).sorted(by: Diagnostic.sortOrder) }
    }

    /// The findings of `reports` on the manifest `local`.
    public static func run(local: ManifestSource, reports: [Report]) throws(ManifestError) -> Result {
        let index = try LocalIndex(local)
        var result = Result()
        result.localLines = index.lineCount
        var placements: [Placement] = []
        let givesLines = reports.contains {
            if case .summary = $0 { return false }
            return true
        }
        for report in reports {
            switch report {
            case .validationManifest(let source):
                var matcher = Matcher(index: index, positional: true)
                try Reconciliation.forEachLine(of: source) { record in
                    guard !isBlank(record.bytes) else { return }
                    guard let read = ServiceAnnotations.read(record.bytes) else {
                        result.unreadable.append((source.name, record.number))
                        return
                    }
                    matcher.place(
                        read, bytes: record.bytes, from: source.name, line: record.number, into: &placements,
                        result: &result)
                }
            case .datasetEntries(let entries, let name):
                var matcher = Matcher(index: index, positional: false)
                for (offset, entry) in entries.enumerated() {
                    Array(entry.utf8).withUnsafeBufferPointer { bytes in
                        guard let read = ServiceAnnotations.read(bytes) else {
                            result.unreadable.append((name, offset + 1))
                            return
                        }
                        matcher.place(
                            read, bytes: bytes, from: name, line: offset + 1, into: &placements, result: &result)
                    }
                }
            case .summary(let summary, let name, let set):
                result.coversWholeManifest = true
                let part = set == .training ? summary.training : summary.testing
                for item in (part?.errors ?? []) + summary.errors {
                    result.wholeManifest.append(
                        diagnostic(item, file: local.name, line: nil, column: nil, sourceRef: nil, about: nil))
                }
                if let part {
                    result.notes.append(Self.counts(of: part, name: name, set: set))
                    if !part.errorLineIndices.isEmpty, !givesLines {
                        result.notes.append(
                            "\(name) lists \(Count.phrase(part.errorLineIndices.count, "line")) with errors in the "
                                + "\(set.rawValue) set; give \(set.rawValue)_manifest_with_validation.json too to place "
                                + "them")
                    }
                } else {
                    result.notes.append("\(name) has no \(set.rawValue) statistics")
                }
            }
        }
        let columns = try index.columns(of: placements)
        for (offset, placement) in placements.enumerated() {
            guard let line = placement.line else {
                let about = "\(placement.sourceRef ?? "a line without a source-ref") (\(placement.report) line "
                result.unplaced.append(
                    diagnostic(
                        placement.item, file: local.name, line: nil, column: nil, sourceRef: placement.sourceRef,
                        about: about + "\(placement.reportLine)), which is not in \(local.name)"))
                continue
            }
            result.placed.append(
                diagnostic(
                    placement.item, file: local.name, line: line, column: columns[offset],
                    sourceRef: placement.sourceRef, about: nil))
        }
        result.placed.sort(by: Diagnostic.sortOrder)
        return result
    }

    private static func diagnostic(
        _ item: ServiceAnnotations.Item, file: String, line: Int?, column: Int?, sourceRef: String?, about: String?
    ) -> Diagnostic {
        let said = item.message.isEmpty ? item.code : item.message
        return Diagnostic(
            file: file, line: line, column: column, code: item.code, name: name,
            serviceCode: ServiceErrorCode(rawValue: item.code), severity: item.severity,
            message: "the service reports" + (about.map { " on \($0)" } ?? "") + ": \(said)",
            pointer: line == nil || item.pointer.isEmpty ? nil : item.pointer, sourceRef: sourceRef)
    }

    private static func counts(of part: ValidationSummary.SetSummary, name: String, set: DatasetSet) -> String {
        var said: [String] = []
        if let total = part.totalLines { said.append(Count.phrase(total, "line")) }
        if let valid = part.validLines { said.append("\(Count.grouped(valid)) valid") }
        if let invalid = part.invalidLines { said.append("\(Count.grouped(invalid)) invalid") }
        if let ignored = part.ignoredLines { said.append("\(Count.grouped(ignored)) ignored") }
        if let useCase = part.useCase { said.append("use case \(useCase)") }
        return "\(name) (\(set.rawValue)): " + (said.isEmpty ? "no counts" : said.joined(separator: ", "))
    }

    /// Calls `body` with each line of `source`; a failure to read it is a ``ManifestError``.
    static func forEachLine(of source: ManifestSource, _ body: (LineRecord) -> Void) throws(ManifestError) {
        do {
            try source.reader().forEachLine(body)
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.readFailed(path: source.name, reason: "\(error)")
        }
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// One error or warning of a report and the local line it belongs to (nil: none).
    struct Placement {
        var item: ServiceAnnotations.Item
        var line: Int?
        var sourceRef: String?
        var report: String
        var reportLine: Int
    }

    /// Places a report's lines at local lines: by `source-ref`; for a `source-ref` on several local lines,
    /// the one with the same content (the service's keys aside) not yet taken, else the one at the same
    /// position, else the next in order; a line without a `source-ref` by position when allowed.
    struct Matcher {
        let index: LocalIndex
        let positional: Bool
        private var taken: Set<Int> = []
        private var seen: [String: Int] = [:]

        init(index: LocalIndex, positional: Bool) {
            self.index = index
            self.positional = positional
        }

        mutating func place(
            _ read: (sourceRef: String?, items: [ServiceAnnotations.Item]), bytes: UnsafeBufferPointer<UInt8>,
            from report: String, line number: Int, into placements: inout [Placement], result: inout Result
        ) {
            var line: Int?
            if let sourceRef = read.sourceRef, let lines = index.lines[sourceRef] {
                line = lines.count == 1 ? lines[0] : repeated(sourceRef, lines, bytes: bytes, number: number)
            } else if positional, read.sourceRef == nil, index.withoutSourceRef.contains(number) {
                line = number
            }
            if let line { result.coveredLines.insert(line) }
            for item in read.items {
                placements.append(
                    Placement(item: item, line: line, sourceRef: read.sourceRef, report: report, reportLine: number))
            }
        }

        private mutating func repeated(
            _ sourceRef: String, _ lines: [Int], bytes: UnsafeBufferPointer<UInt8>, number: Int
        ) -> Int {
            let occurrence = seen[sourceRef, default: 0]
            seen[sourceRef] = occurrence + 1
            let free = lines.filter { !taken.contains($0) }
            let content = (try? JSONParser().parse(bytes)).map { index.contentHasher.hash($0) }
            let chosen =
                free.first { index.contentHashes[$0] == content }
                ?? (positional && free.contains(number) ? number : nil) ?? free.first
                ?? lines[min(occurrence, lines.count - 1)]
            taken.insert(chosen)
            return chosen
        }
    }

    /// The local manifest's `source-ref`s by line, read once; read again for the columns of placed findings.
    struct LocalIndex {
        let source: ManifestSource
        var lines: [String: [Int]] = [:]
        var withoutSourceRef: Set<Int> = []
        var lineCount = 0
        /// The content of each line whose `source-ref` other lines have too, the service's keys left out.
        var contentHashes: [Int: Hash128] = [:]
        /// Hashes a line by its meaning, without the keys the service adds at any depth.
        let contentHasher = CanonicalHasher(ignoring: [], ignoredEverywhere: ServiceAddedKeys.names)

        init(_ source: ManifestSource) throws(ManifestError) {
            self.source = source
            let parser = JSONParser()
            var lines: [String: [Int]] = [:]
            var withoutSourceRef: Set<Int> = []
            var lineCount = 0
            try Reconciliation.forEachLine(of: source) { record in
                lineCount = record.number
                let sourceRef = (try? parser.parse(record.bytes)).flatMap { document in
                    document.root.kind == .object
                        ? document.member("source-ref", in: JSONDocument.rootIndex).flatMap {
                            document.stringValue(at: $0)
                        } : nil
                }
                if let sourceRef {
                    lines[sourceRef, default: []].append(record.number)
                } else {
                    withoutSourceRef.insert(record.number)
                }
            }
            self.lines = lines
            self.withoutSourceRef = withoutSourceRef
            self.lineCount = lineCount
            let repeated = Set(lines.values.filter { $0.count > 1 }.joined())
            guard !repeated.isEmpty else { return }
            var hashes: [Int: Hash128] = [:]
            let hasher = contentHasher
            try Reconciliation.forEachLine(of: source) { record in
                guard repeated.contains(record.number), let document = try? parser.parse(record.bytes) else {
                    return
                }
                hashes[record.number] = hasher.hash(document)
            }
            contentHashes = hashes
        }

        /// The 1-based column, in the local line, of the object each placement was written in (nil: the
        /// whole line, or an object the local line does not have).
        func columns(of placements: [Placement]) throws(ManifestError) -> [Int?] {
            var columns = [Int?](repeating: nil, count: placements.count)
            var wanted: [Int: [Int]] = [:]  // local line → placements
            for (offset, placement) in placements.enumerated() where !placement.item.pointer.isEmpty {
                if let line = placement.line { wanted[line, default: []].append(offset) }
            }
            guard !wanted.isEmpty else { return columns }
            let parser = JSONParser()
            try Reconciliation.forEachLine(of: source) { record in
                guard let offsets = wanted[record.number], let document = try? parser.parse(record.bytes) else {
                    return
                }
                for offset in offsets {
                    guard let node = document.node(at: placements[offset].item.pointer) else { continue }
                    columns[offset] = UTF8Validation.scalarCount(record.bytes, upTo: Int(document[node].start)) + 1
                }
            }
            return columns
        }
    }
}
