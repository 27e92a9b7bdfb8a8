import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the rules of a ``RuleSet`` over one manifest: the file rules on its first bytes, then its lines, in
/// one part on this thread or in parts on several, merged in file order into one ``ManifestIndex``.
///
/// With several threads, a regular file of at least two parts is cut at line ends into parts of about
/// ``partBytes``, each checked by a worker with its own ``LineChecker`` into its own ``ManifestIndex/Part``
/// (lines numbered from 1). This thread takes the parts in order, merges each into the index with the lines
/// before it added to its line numbers, so that duplicates, buckets, labels and limits are decided exactly as
/// in one pass. At most `2 × jobs + 2` parts wait to be merged, so memory does not grow with the file.
final class LintDriver {
    private let options: LintOptions
    private let rules: RuleSet
    private let schema: (any LineSchema)?
    /// How many threads check a file.
    var jobs = 1
    /// The size of a part, in bytes.
    var partBytes = 4 << 20
    /// Called every ``progressInterval`` lines with the lines and bytes read so far.
    var progress: ((_ lines: Int, _ bytes: Int) -> Void)?
    var progressInterval = 65_536
    /// The checker of the calling thread, kept from file to file: its parsers and buffers are reused.
    private lazy var checker = LineChecker(options: options, rules: rules, schema: schema)

    /// A driver of the rules of `rules`, with the schemas `schema`.
    init(options: LintOptions, rules: RuleSet, schema: (any LineSchema)?) {
        self.options = options
        self.rules = rules
        self.schema = schema
    }

    /// The finding of the first file rule that reports on the file `reader` reads (which has not handed out
    /// a line yet), or nil for a file to check line by line.
    func fileFinding(_ reader: JSONLinesReader) throws(ManifestError) -> Diagnostic? {
        guard !rules.fileRules.isEmpty else { return nil }
        let prefix = try reader.peek(upTo: FileStart.sampleBytes)
        let start = FileStart(prefix: prefix, isWhole: prefix.count < FileStart.sampleBytes)
        for rule in rules.fileRules {
            switch rule.check(start) {
            case nil:
                continue
            case .message(let message, let atStart):
                return rules.diagnostic(
                    rule.description, file: reader.name, line: atStart ? 1 : nil, column: atStart ? 1 : nil,
                    message: message)
            case .describedByWholeFile(let describe):
                let (bytes, lines) = try Self.readWhole(reader)
                return rules.diagnostic(
                    rule.description, file: reader.name, line: nil, column: nil, message: describe(bytes, lines))
            }
        }
        return nil
    }

    /// The first ``FileVerdict/describedBytes`` of the file `reader` reads (nil when it is larger, or has a
    /// line too long to keep), and its line count.
    private static func readWhole(_ reader: JSONLinesReader) throws(ManifestError) -> ([UInt8]?, Int) {
        var bytes: [UInt8] = []
        var lines = 0
        var complete = true
        do {
            try reader.forEachLine { line in
                lines += 1
                guard complete else { return }
                if line.isOversized || bytes.count + line.bytes.count > FileVerdict.describedBytes {
                    complete = false
                    return
                }
                bytes += line.bytes
                bytes.append(0x0A)
            }
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.readFailed(path: reader.name, reason: String(describing: error))
        }
        return (complete ? bytes : nil, lines)
    }

    /// Checks the lines of the file `reader` reads into `index`.
    ///
    /// `source` is the file or the bytes in memory, which several threads may read again in parts. Returns
    /// the lines' findings and those the manifest rules make at lines.
    func checkLines(_ reader: JSONLinesReader, source: ManifestSource, into index: ManifestIndex)
        throws(ManifestError) -> [Diagnostic]
    {
        if jobs > 1, let parts = try checkInParts(source, name: reader.name, into: index) { return parts }
        var diagnostics: [Diagnostic] = []
        let file = reader.name
        let checker = self.checker
        checker.begin(index.makeWholeFilePart(), mergingInto: index)
        do {
            var bytes = 0
            try reader.forEachLine { line in
                checker.check(line, file: file, into: &diagnostics)
                bytes += line.bytes.count + 1
                if line.number == FingerprintTable.sizingSample, let size = reader.fileSize {
                    index.reserveImages(afterBytes: bytes, ofBytes: size)
                }
                if let progress, line.number % progressInterval == 0 { progress(line.number, bytes) }
            }
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.readFailed(path: file, reason: String(describing: error))
        }
        checker.flush(file: file, into: &diagnostics)
        return diagnostics
    }

    /// What a worker made of one part.
    private enum PartResult {
        case checked([Diagnostic], ManifestIndex.Part, lines: Int, bytes: Int)
        case failed(ManifestError)
    }

    /// The findings of the manifest checked in parts on ``jobs`` threads, or nil when it is better read by
    /// one (not a regular file, or under two parts).
    private func checkInParts(_ source: ManifestSource, name: String, into index: ManifestIndex)
        throws(ManifestError) -> [Diagnostic]?
    {
        let size: Int
        let parts: [Range<Int>]
        switch source {
        case .file(let path):
            // Looked at before opening: opening and closing a FIFO would take (and lose) its writer's data.
            var named = stat()
            guard path != "-", stat(path, &named) == 0, named.st_mode & S_IFMT == S_IFREG else { return nil }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            size = Int(status.st_size)
            guard size >= 2 * partBytes else { return nil }
            parts = LineRanges.parts(of: descriptor, size: size, count: max(jobs, (size + partBytes - 1) / partBytes))
        case .memory(let bytes, _):
            size = bytes.count
            guard size >= 2 * partBytes else { return nil }
            parts = LineRanges.parts(of: bytes, count: max(jobs, (size + partBytes - 1) / partBytes))
        }
        guard parts.count > 1 else { return nil }

        let board = PartBoard<PartResult>(count: parts.count, window: 2 * jobs + 2)
        let workers = min(jobs, parts.count)
        let shared = UncheckedSendable((options, rules, schema, index))
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let (options, rules, schema, index) = shared.value
                let checker = LineChecker(options: options, rules: rules, schema: schema)
                while let number = board.claim() {
                    board.post(Self.check(parts[number], of: source, name: name, checker, index, options), at: number)
                }
            }
        }
        defer { board.cancel() }
        let lineFile = options.excerpts ? try LineFile(source) : nil
        var diagnostics: [Diagnostic] = []
        var lines = 0
        var bytes = 0
        for number in parts.indices {
            switch board.take(number) {
            case .failed(let error):
                throw error
            case .checked(let found, let part, let partLines, let partSize):
                let excerpt = lineFile.map { file in
                    { (line: Int) in file.bytes(at: part.counted[line].offset, length: part.counted[line].bytes) }
                }
                diagnostics += index.merge(part, lineOffset: lines, isComplete: true, file: name, excerpt: excerpt)
                // Sized from the first part's distinct images: a file of one repeated source-ref needs no
                // large table.
                if number == 0 { index.reserveImages(afterBytes: partSize, ofBytes: size) }
                for var diagnostic in found {
                    diagnostic.shiftLines(by: lines)
                    diagnostics.append(diagnostic)
                }
                lines += partLines
                bytes += partSize
                progress?(lines, bytes)
            }
        }
        return diagnostics
    }

    /// Checks the lines of `range` of the manifest with `checker`, into a fresh part of `index`.
    private static func check(
        _ range: Range<Int>, of source: ManifestSource, name: String, _ checker: LineChecker, _ index: ManifestIndex,
        _ options: LintOptions
    ) -> PartResult {
        let part = index.makePart(partBytes: range.count)
        checker.begin(part, mergingInto: nil)
        var diagnostics: [Diagnostic] = []
        var lines = 0
        do {
            let reader: JSONLinesReader
            switch source {
            case .file(let path):
                reader = try JSONLinesReader(
                    path: path, displayName: name, maxLineBytes: options.maxLineBytes, range: range, firstLine: 1)
            case .memory(let bytes, _):
                reader = JSONLinesReader(
                    bytes: bytes, name: name, maxLineBytes: options.maxLineBytes, range: range, firstLine: 1)
            }
            try reader.forEachLine { line in
                checker.check(line, file: name, into: &diagnostics)
                lines += 1
            }
            checker.flush(file: name, into: &diagnostics)
            return .checked(diagnostics, part, lines: lines, bytes: range.count)
        } catch let error as ManifestError {
            return .failed(error)
        } catch {
            return .failed(.readFailed(path: name, reason: String(describing: error)))
        }
    }
}
