import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Compares, by canonical form, the entries whose bytes differ between the two sides of a diff, on every
/// core: each worker reads its share of the lines again by their place, parses both and hashes them.
///
/// A dataset pulled from the service is written differently from the local file (key order, number
/// spelling) on many lines; this is where such a diff spends its time, and the entries are independent.
struct CanonicalComparison {
    let options: DiffOptions
    let prior: DiffSide
    let new: DiffSide

    /// An entry that changed in meaning: NEW's entry, and what changed (with ``DiffOptions/details``).
    struct Update {
        var entry: Int
        var changes: [String]
    }

    /// The entries of `differing` (NEW's entries, each with its PRIOR entry in `priorEntries`) whose meaning
    /// changed, in the order given.
    func updates(of differing: [Int], priorEntries: [Int]) throws(DiffError) -> [Update] {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        // A few thousand entries a worker at least: fewer are not worth a thread.
        let workers = min(cores, max(1, differing.count / 4096))
        var files: [(prior: LineFile, new: LineFile)] = []
        do {
            for _ in 0..<workers { files.append((try LineFile(prior.source), try LineFile(new.source))) }
        } catch {
            throw .cannotRead(error)
        }
        var shares = [[Update]](repeating: [], count: workers)
        shares.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes its own share only.
            let output = UncheckedSendable(buffer)
            let input = UncheckedSendable((self, differing, priorEntries, files))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let (comparison, differing, priorEntries, files) = input.value
                let size = (differing.count + workers - 1) / workers
                let range = min(worker * size, differing.count)..<min((worker + 1) * size, differing.count)
                output.value[worker] = comparison.compare(
                    differing[range], priorEntries: priorEntries, files: files[worker])
            }
        }
        return shares.flatMap { $0 }
    }

    /// One worker's share, with parsers, hasher and line readers of its own.
    private func compare(
        _ entries: ArraySlice<Int>, priorEntries: [Int], files: (prior: LineFile, new: LineFile)
    ) -> [Update] {
        let hasher = CanonicalHasher(
            ignoring: options.ignoredFields,
            ignoredEverywhere: options.ignoresServiceKeysInside ? ServiceAddedKeys.names : [])
        let priorParser = JSONParser()
        let newParser = JSONParser()
        let model = ManifestLine()
        var updates: [Update] = []
        for entry in entries {
            let match = priorEntries[entry]
            files.prior.withBytes(at: prior.offsets[match], length: Int(prior.lengths[match])) { priorBytes in
                files.new.withBytes(at: new.offsets[entry], length: Int(new.lengths[entry])) { newBytes in
                    guard let priorDocument = try? priorParser.parse(priorBytes),
                        let newDocument = try? newParser.parse(newBytes)
                    else {
                        updates.append(Update(entry: entry, changes: []))  // Changed on disk since it was read.
                        return
                    }
                    guard hasher.hash(priorDocument) != hasher.hash(newDocument) else { return }
                    var changes: [String] = []
                    if options.details {
                        let before = EntryDigest(priorDocument, hasher: hasher, line: model)
                        changes = EntryDigest(newDocument, hasher: hasher, line: model).changes(since: before)
                    }
                    updates.append(Update(entry: entry, changes: changes))
                }
            }
        }
        return updates
    }
}
