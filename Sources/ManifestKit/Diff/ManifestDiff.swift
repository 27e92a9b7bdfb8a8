/// Compares a manifest with its prior version, entry by entry, keyed by `source-ref`.
///
/// The prior side is held as compact keys and 128-bit hashes of each entry's canonical form (not parsed
/// trees), so a million-line diff stays within a few hundred megabytes. Entries compare by meaning: key
/// order, whitespace and number spelling do not count, strings compare decoded, and the fields of
/// ``DiffOptions/ignoredFields`` are left out. Lines that cannot be read are reported, never used.
public final class ManifestDiff {
    /// What to compare.
    public let options: DiffOptions

    /// Creates a diff with `options`.
    public init(options: DiffOptions = DiffOptions()) {
        self.options = options
    }

    /// Compares `prior` with `new` (paths; `-` is standard input for one of them).
    ///
    /// - Parameters:
    ///   - prior: the manifest as the dataset has it.
    ///   - new: the manifest to send.
    ///   - changes: receives each added or updated line of `new`, in order, and then its line ending.
    /// - Returns: the counts, the entries that differ, and the lines left out.
    /// - Throws: ``DiffError`` when a file cannot be read or a `source-ref` repeats on either side.
    public func run(
        prior: String, new: String, changes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil
    ) throws(DiffError) -> DiffResult {
        var result = DiffResult()
        let hasher = CanonicalHasher(ignoring: options.ignoredFields)
        var priorSide = Side(file: prior)
        var duplicates: [DiffError.Duplicate] = []
        try Self.read(prior, invalid: &result.invalid) { document, sourceRef, line in
            if let duplicate = priorSide.add(sourceRef, line: line.number, hash: hasher.hash(document)) {
                duplicates.append(duplicate)
            }
        }
        var newSide = Side(file: new)
        // For each updated entry: its position in `result.entries` and its digest in NEW.
        var updatedKeys = ByteStringTable()
        var newDigests: [EntryDigest] = []
        let model = ManifestLine()
        try Self.read(new, invalid: &result.invalid) { document, sourceRef, line in
            let hash = hasher.hash(document)
            if let duplicate = newSide.add(sourceRef, line: line.number, hash: hash) {
                duplicates.append(duplicate)
                return
            }
            let kind: DiffEntry.Kind
            var priorLine: Int?
            if let entry = priorSide.keys.value(for: sourceRef) {
                priorSide.seen[entry] = true
                priorLine = Int(priorSide.lines[entry])
                kind = priorSide.hashes[entry] == hash ? .unchanged : .updated
            } else {
                kind = .added
            }
            switch kind {
            case .added: result.added += 1
            case .updated: result.updated += 1
            default: result.unchanged += 1
            }
            guard kind != .unchanged else { return }
            if kind == .updated, options.details {
                _ = updatedKeys.insert(sourceRef, value: result.entries.count)
                newDigests.append(EntryDigest(document, hasher: hasher, line: model))
            }
            result.entries.append(
                DiffEntry(kind: kind, sourceRef: Self.text(sourceRef), newLine: line.number, priorLine: priorLine))
            result.changeSetLineSizes.append(line.bytes.count + (line.endsWithCarriageReturn ? 2 : 1))
            if let changes {
                changes(line.bytes)
                Self.lineEnding(line.endsWithCarriageReturn, changes)
            }
        }
        guard duplicates.isEmpty else { throw .duplicateSourceRefs(duplicates) }
        if updatedKeys.count > 0 {
            // A second pass over PRIOR, for the updated entries only, to say what changed.
            var digestIndex: [Int: Int] = [:]
            for (index, entry) in result.entries.enumerated() where entry.kind == .updated {
                digestIndex[index] = digestIndex.count
            }
            var ignored: [Diagnostic] = []
            try Self.read(prior, invalid: &ignored) { document, sourceRef, _ in
                guard let index = updatedKeys.value(for: sourceRef), let digest = digestIndex[index] else { return }
                let priorDigest = EntryDigest(document, hasher: hasher, line: model)
                result.entries[index].changes = newDigests[digest].changes(since: priorDigest)
            }
        }
        for entry in priorSide.seen.indices where !priorSide.seen[entry] {
            result.onlyInPrior += 1
            result.entries.append(
                DiffEntry(
                    kind: .onlyInPrior, sourceRef: priorSide.keys.key(ordinal: entry), newLine: nil,
                    priorLine: Int(priorSide.lines[entry])))
        }
        result.batches = BatchPacker.pack(lineSizes: result.changeSetLineSizes, maxBytes: options.maxBatchBytes).count
        return result
    }

    /// One side's entries: keys, hashes, lines, and for the prior side whether NEW has them.
    private struct Side {
        let file: String
        var keys = ByteStringTable()
        var hashes: [Hash128] = []
        var lines: [Int32] = []
        var seen: [Bool] = []

        init(file: String) {
            self.file = file
        }

        /// Records an entry; the duplicate when the `source-ref` was already recorded.
        mutating func add(_ sourceRef: UnsafeBufferPointer<UInt8>, line: Int, hash: Hash128) -> DiffError.Duplicate? {
            if let first = keys.insert(sourceRef, value: hashes.count) {
                return DiffError.Duplicate(
                    file: file, sourceRef: ManifestDiff.text(sourceRef), lines: [Int(lines[first]), line])
            }
            hashes.append(hash)
            lines.append(Int32(clamping: line))
            seen.append(false)
            return nil
        }
    }

    /// Calls `body` with each object line of `path` that has a string `source-ref` (its decoded bytes);
    /// other lines are added to `invalid` as findings.
    private static func read(
        _ path: String, invalid: inout [Diagnostic],
        _ body: (JSONDocument, UnsafeBufferPointer<UInt8>, LineRecord) -> Void
    ) throws(DiffError) {
        let parser = JSONParser()
        let reader: JSONLinesReader
        do {
            reader = try JSONLinesReader(path: path)
        } catch {
            throw .cannotRead(error)
        }
        var found: [Diagnostic] = []
        do {
            try reader.forEachLine { line in
                if line.isOversized {
                    found.append(finding(path, line, "the line is too long to read"))
                    return
                }
                guard !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return }  // Blank lines.
                let document: JSONDocument
                do {
                    document = try parser.parse(line.bytes)
                } catch let error as JSONSyntaxError {
                    found.append(finding(path, line, "not valid JSON: \(error.message)"))
                    return
                }
                guard document.root.kind == .object,
                    let node = document.member(utf8: sourceRefKey, in: JSONDocument.rootIndex),
                    document[node].kind == .string
                else {
                    found.append(finding(path, line, "no string source-ref to match the entry by"))
                    return
                }
                let string = document[node]
                if string.flags & JSONNode.hasEscapes == 0 {
                    body(
                        document,
                        UnsafeBufferPointer(rebasing: document.bytes[Int(string.start) + 1..<Int(string.end) - 1]), line
                    )
                } else {
                    document.stringBytes(at: node).withUnsafeBufferPointer { body(document, $0, line) }
                }
            }
        } catch let error as ManifestError {
            throw .cannotRead(error)
        } catch {
            throw .cannotRead(.readFailed(path: path, reason: "\(error)"))
        }
        invalid += found
    }

    private static let sourceRefKey = Array("source-ref".utf8)

    private static func finding(_ path: String, _ line: LineRecord, _ message: String) -> Diagnostic {
        Diagnostic(
            file: path, line: line.number, column: nil, code: InvalidJSON.description.code,
            name: "excluded-from-diff", serviceCode: nil, severity: .warning,
            message: "excluded from the diff: \(message)")
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func lineEnding(_ carriageReturn: Bool, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        let ending: [UInt8] = carriageReturn ? [0x0D, 0x0A] : [0x0A]
        ending.withUnsafeBufferPointer(write)
    }
}
