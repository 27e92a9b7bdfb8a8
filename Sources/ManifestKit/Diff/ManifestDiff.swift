import Dispatch

/// Compares a manifest with its prior version, entry by entry, keyed by `source-ref`.
///
/// Both files are read at once, one on each core, into compact sides: keys, a hash of each line's raw
/// bytes, and where the line is. An entry whose bytes are the same on both sides is unchanged; the others
/// are read again from their place and compared by meaning, on every core (``CanonicalComparison``): key
/// order, whitespace and number spelling do not count, strings compare decoded, and the fields of
/// ``DiffOptions/ignoredFields`` are left out. Lines that cannot be read are reported, never used.
public final class ManifestDiff {
    /// What to compare.
    public let options: DiffOptions

    /// Creates a diff with `options`.
    public init(options: DiffOptions = DiffOptions()) {
        self.options = options
    }

    /// Compares `prior` with `new` (paths of files: lines are read again by their place).
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
        try run(prior: .file(prior), new: .file(new), changes: changes)
    }

    /// Compares two manifests from any source (a file, or bytes in memory such as a pulled dataset).
    public func run(
        prior: ManifestSource, new: ManifestSource, changes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil
    ) throws(DiffError) -> DiffResult {
        for case .file(let path) in [prior, new] where path == "-" {
            throw .cannotRead(
                .readFailed(path: path, reason: "diff reads lines again by their place; save standard input to a file"))
        }
        let (priorSide, newSide) = Self.readBoth(prior, new)
        if let failure = priorSide.failure ?? newSide.failure { throw failure }
        let duplicates = priorSide.duplicates + newSide.duplicates
        guard duplicates.isEmpty else { throw .duplicateSourceRefs(duplicates) }
        var result = DiffResult()
        result.invalid = priorSide.invalid + newSide.invalid

        // Classify NEW's entries, in order, by their raw bytes first.
        let newCount = newSide.rawHashes.count
        var kinds = [DiffEntry.Kind](repeating: .unchanged, count: newCount)
        var priorEntries = [Int](repeating: -1, count: newCount)
        var seen = [Bool](repeating: false, count: priorSide.rawHashes.count)
        var differing: [Int] = []
        for entry in 0..<newCount {
            // A lookup in a large table is a cache miss: start the one a few entries ahead.
            if entry + 8 < newCount { priorSide.keys.prefetch(newSide.fingerprints[entry + 8]) }
            let match = priorSide.keys.value(for: newSide.fingerprints[entry])
            guard let match else {
                kinds[entry] = .added
                continue
            }
            seen[match] = true
            priorEntries[entry] = match
            if priorSide.rawHashes[match] != newSide.rawHashes[entry] { differing.append(entry) }
        }

        // Entries written differently: compare by canonical form, and say what changed.
        var details: [Int: [String]] = [:]
        let comparison = CanonicalComparison(options: options, prior: priorSide, new: newSide)
        for update in try comparison.updates(of: differing, priorEntries: priorEntries) {
            kinds[update.entry] = .updated
            if !update.changes.isEmpty { details[update.entry] = update.changes }
        }
        let priorFile: LineFile
        let newFile: LineFile
        do {
            priorFile = try LineFile(prior)
            newFile = try LineFile(new)
        } catch {
            throw .cannotRead(error)
        }
        let priorParser = JSONParser()
        let newParser = JSONParser()

        for entry in 0..<newCount {
            switch kinds[entry] {
            case .unchanged:
                result.unchanged += 1
                continue
            case .added: result.added += 1
            case .updated: result.updated += 1
            case .onlyInPrior: continue
            }
            let match = priorEntries[entry]
            result.entries.append(
                DiffEntry(
                    kind: kinds[entry], sourceRef: newSide.sourceRef(of: entry, in: newFile, parser: newParser),
                    newLine: Int(newSide.lines[entry]),
                    priorLine: match >= 0 ? Int(priorSide.lines[match]) : nil, changes: details[entry] ?? []))
            let length = Int(newSide.lengths[entry])
            let carriageReturn = newSide.carriageReturns[entry]
            result.changeSetLineSizes.append(length + (carriageReturn ? 2 : 1))
            if let changes {
                newFile.withBytes(at: newSide.offsets[entry], length: length) { changes($0) }
                let ending: [UInt8] = carriageReturn ? [0x0D, 0x0A] : [0x0A]
                ending.withUnsafeBufferPointer(changes)
            }
        }
        for entry in seen.indices where !seen[entry] {
            result.onlyInPrior += 1
            result.entries.append(
                DiffEntry(
                    kind: .onlyInPrior, sourceRef: priorSide.sourceRef(of: entry, in: priorFile, parser: priorParser),
                    newLine: nil,
                    priorLine: Int(priorSide.lines[entry])))
        }
        result.batches = BatchPacker.pack(lineSizes: result.changeSetLineSizes, maxBytes: options.maxBatchBytes).count
        return result
    }

    /// Reads both sides at once, on two threads.
    private static func readBoth(_ prior: ManifestSource, _ new: ManifestSource) -> (DiffSide, DiffSide) {
        var sides = [DiffSide(prior), DiffSide(new)]
        sides.withUnsafeMutableBufferPointer { buffer in
            // Each thread reads into its own side only.
            let shared = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: 2) { shared.value[$0].read() }
        }
        return (sides[0], sides[1])
    }
}
