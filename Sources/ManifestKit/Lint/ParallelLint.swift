import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lints a file in parts on several threads, with the same findings, in the same order, as one thread.
///
/// The file is cut at line ends into parts of about 4 MB, checked by `jobs` threads, each with its own
/// ``LineChecker`` that records what the manifest-wide rules need instead of applying them. A part numbers
/// its lines from 1 (counting the lines before it first would read the file twice). This thread takes the
/// parts in order, adds the lines before each to its line numbers, and replays its record through one
/// ``ManifestTally``, so duplicates, buckets, labels and limits are decided exactly as in one pass. At most
/// `2 × jobs + 2` parts wait to be merged, so memory does not grow with the file.
struct ParallelLint {
    let jobs: Int
    let options: LintOptions
    let isManifest: Bool
    let makeChecker: () -> LineChecker
    /// The size of a part, in bytes.
    var partBytes = 4 << 20

    /// What a run found.
    struct Outcome {
        var diagnostics: [Diagnostic]
        var statistics: LintStatistics
    }

    /// The findings for the file at `path`, or nil when it is better read by one thread (standard input,
    /// not a regular file, or small).
    func run(
        path: String, name: String, progress: ((_ lines: Int, _ bytes: Int) -> Void)?
    ) throws(ManifestError) -> Outcome? {
        guard jobs > 1, path != "-" else { return nil }
        // Looked at before opening: opening and closing a FIFO would take (and lose) its writer's data.
        var named = stat()
        guard stat(path, &named) == 0, named.st_mode & S_IFMT == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size >= 2 * partBytes else { return nil }
        let parts = Self.cut(descriptor, size: size, into: max(jobs, (size + partBytes - 1) / partBytes))
        guard parts.count > 1 else { return nil }
        return try merge(path: path, name: name, parts: parts, descriptor: descriptor, progress: progress)
    }

    private func merge(
        path: String, name: String, parts: [Range<Int>], descriptor: Int32, progress: ((Int, Int) -> Void)?
    ) throws(ManifestError) -> Outcome {
        let board = PartBoard(count: parts.count, window: 2 * jobs + 2)
        let jobs = min(self.jobs, parts.count)
        let options = self.options
        let work = UncheckedBox(makeChecker)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                let checker = work.value()
                while let index = board.claim() {
                    let record = TallyRecord(partBytes: parts[index].count)
                    checker.record = record
                    checker.reset()
                    var diagnostics: [Diagnostic] = []
                    var lines = 0
                    let result: PartResult
                    do {
                        let reader = try JSONLinesReader(
                            path: path, displayName: name, maxLineBytes: options.maxLineBytes, range: parts[index],
                            firstLine: 1)
                        try reader.forEachLine { line in
                            checker.check(line, file: name, into: &diagnostics)
                            lines += 1
                        }
                        checker.flush(file: name, into: &diagnostics)
                        result = .checked(diagnostics, record, lines: lines, bytes: parts[index].count)
                    } catch let error as ManifestError {
                        result = .failed(error)
                    } catch {
                        result = .failed(.readFailed(path: name, reason: String(describing: error)))
                    }
                    board.post(result, at: index)
                }
            }
        }
        defer { board.cancel() }
        var tally = ManifestTally(options: options)
        var diagnostics: [Diagnostic] = []
        var lines = 0
        var bytes = 0
        let excerptLine: ((Int, Int) -> [UInt8])? =
            options.excerpts
            ? { offset, count in
                var line = [UInt8](repeating: 0, count: count)
                let got = line.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
                return Array(line.prefix(max(0, got)))
            } : nil
        for index in parts.indices {
            switch board.take(index) {
            case .failed(let error):
                throw error
            case .checked(let found, let record, let partLines, let partSize):
                if isManifest {
                    diagnostics += tally.replay(record, firstLine: lines + 1, file: name, line: excerptLine)
                    // Sized from the first part's distinct images: a file of one repeated source-ref needs no
                    // large table.
                    if index == 0 { tally.reserveImages(afterBytes: partSize, ofBytes: parts.last?.upperBound ?? 0) }
                }
                for var diagnostic in found {
                    diagnostic.line = diagnostic.line.map { $0 + lines }
                    diagnostics.append(diagnostic)
                }
                lines += partLines
                bytes += partSize
                progress?(lines, bytes)
            }
        }
        if isManifest {
            diagnostics += tally.finish().map {
                $0.rule.diagnostic(file: name, line: nil, column: nil, message: $0.message)
            }
        }
        return Outcome(diagnostics: diagnostics, statistics: tally.statistics)
    }

    /// `count` ranges that cover the file, each ending just after an LF (the last at the end of the file).
    ///
    /// Each part's end is the first LF at or after its share of the file; no byte is scanned twice, so a
    /// file with few or no LFs (one huge line) costs one read, not one per part.
    static func cut(_ descriptor: Int32, size: Int, into count: Int) -> [Range<Int>] {
        var starts = [0]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var scanned = 0
        for part in 1..<count {
            var position = max(size * part / count, scanned)
            var boundary: Int?
            while boundary == nil && position < size {
                let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(position)) }
                guard got > 0 else { break }
                let newline = buffer.withUnsafeBytes { bytes -> Int? in
                    guard let base = bytes.baseAddress, let found = memchr(base, 0x0A, got) else { return nil }
                    return UnsafeRawPointer(found) - base
                }
                if let newline { boundary = position + newline + 1 }
                position += got
            }
            scanned = boundary ?? size
            guard let boundary, boundary < size else { break }
            if boundary > starts[starts.count - 1] { starts.append(boundary) }
        }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : size) }
    }
}

/// One part's result.
private enum PartResult {
    case checked([Diagnostic], TallyRecord, lines: Int, bytes: Int)
    case failed(ManifestError)
}

/// A value handed to other threads that only read it or use it from one thread at a time.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// Hands parts to the workers in order, at most `window` ahead of the merge, and their results back.
private final class PartBoard: @unchecked Sendable {
    private let condition = Condition()
    private var results: [Int: PartResult] = [:]
    private var next = 0
    private var merged = 0
    private var cancelled = false
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next part to check, once the window allows it; nil when there are none or the run stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && next < count && next - merged >= window { condition.wait() }
        guard !cancelled, next < count else { return nil }
        next += 1
        return next - 1
    }

    func post(_ result: PartResult, at index: Int) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> PartResult {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results.removeValue(forKey: index) {
                merged = index + 1
                condition.broadcast()
                return result
            }
            condition.wait()
        }
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A mutex and a condition variable (pthreads: the library does not use Foundation).
private final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let variable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(variable, nil)
    }

    deinit {
        pthread_cond_destroy(variable)
        pthread_mutex_destroy(mutex)
        variable.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    func wait() { pthread_cond_wait(variable, mutex) }
    func broadcast() { pthread_cond_broadcast(variable) }
}
