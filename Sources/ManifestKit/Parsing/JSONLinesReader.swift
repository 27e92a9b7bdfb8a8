#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the lines of a file, standard input or a byte array in bounded memory.
///
/// Lines are split on LF; a CR just before an LF is dropped, so CRLF files read like LF files. A missing
/// final newline is fine. A line longer than ``maxLineBytes`` is not kept: the reader measures it while
/// skipping to the next LF and hands it out with ``LineRecord/isOversized`` set, so memory stays at about
/// `chunkSize + maxLineBytes` whatever the file holds.
public final class JSONLinesReader {
    /// The longest line kept in memory, in bytes.
    public let maxLineBytes: Int
    /// The name used in errors.
    public let name: String
    /// The size of the file when it is a regular file (a hint for tables sized by the line count).
    public private(set) var fileSize: Int?

    private let source: Source
    private let chunkSize: Int
    /// For a part of a file: where it starts and ends, and the number of its first line.
    private var part: (start: Int, end: Int, firstLine: Int)?
    /// Bytes read ahead by ``peek(upTo:)``, handed out again before anything else is read.
    private var peeked: [UInt8] = []
    /// How much of ``peeked`` ``forEachLine(_:)`` has taken back.
    private var peekedTaken = 0

    private enum Source {
        case descriptor(Int32, closeWhenDone: Bool)
        case bytes([UInt8])
    }

    /// Default for ``maxLineBytes``: 4 MiB, ten times the most a 100,000-character line can take in UTF-8.
    public static let defaultMaxLineBytes = 4 << 20

    /// Opens a file for reading; `-` means standard input.
    ///
    /// - Parameters:
    ///   - path: the file to read, or `-`.
    ///   - displayName: the name to report instead of `path` (such as `--stdin-filename` for `-`).
    ///   - maxLineBytes: the longest line kept in memory.
    ///   - chunkSize: how much to read at a time.
    /// - Throws: ``ManifestError`` when the file cannot be opened or is a directory.
    public init(
        path: String, displayName: String? = nil, maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = 1 << 20
    ) throws(ManifestError) {
        self.name = displayName ?? path
        self.maxLineBytes = max(16, maxLineBytes)
        self.chunkSize = max(16, chunkSize)
        if path == "-" {
            source = .descriptor(0, closeWhenDone: false)
            return
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ManifestError.cannotOpen(path: path, reason: Self.systemError())
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw ManifestError.isDirectory(path: path)
        }
        if status.st_mode & S_IFMT == S_IFREG { fileSize = Int(status.st_size) }
        source = .descriptor(descriptor, closeWhenDone: true)
    }

    /// Reads the lines of bytes `range` of a file, numbering them from `firstLine`.
    ///
    /// The range must start at the file's start or just after an LF, and end at an LF's end or the file's
    /// end, so that its lines are whole; parallel lint cuts a file this way.
    public convenience init(
        path: String, displayName: String? = nil, maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = 1 << 20,
        range: Range<Int>, firstLine: Int
    ) throws(ManifestError) {
        try self.init(path: path, displayName: displayName, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        part = (range.lowerBound, range.upperBound, firstLine)
    }

    /// Reads the lines of bytes `range` of bytes in memory, numbering them from `firstLine`; the range is cut
    /// as for a file's part.
    public convenience init(
        bytes: [UInt8], name: String, maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = 1 << 20,
        range: Range<Int>, firstLine: Int
    ) {
        self.init(bytes: bytes, name: name, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
        part = (range.lowerBound, range.upperBound, firstLine)
    }

    /// Reads lines from bytes in memory (for tests, examples and editors).
    public init(bytes: [UInt8], name: String, maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = 1 << 20) {
        self.name = name
        self.maxLineBytes = max(16, maxLineBytes)
        self.chunkSize = max(16, chunkSize)
        source = .bytes(bytes)
    }

    deinit {
        if case .descriptor(let descriptor, true) = source { close(descriptor) }
    }

    /// The first `count` bytes of the input (fewer when it is shorter), read ahead without losing them:
    /// ``forEachLine(_:)`` still reads the input from its start, so a pipe is read only once.
    ///
    /// Call it before ``forEachLine(_:)``; not for a part of a file.
    public func peek(upTo count: Int) throws(ManifestError) -> [UInt8] {
        var memoryOffset = 0
        while peeked.count < count {
            let wanted = count - peeked.count
            let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
            defer { chunk.deallocate() }
            memoryOffset = peeked.count
            let got = try readSource(into: chunk, wanted: wanted, memoryOffset: &memoryOffset)
            if got == 0 { break }
            peeked.append(contentsOf: UnsafeBufferPointer(start: chunk, count: got))
        }
        return Array(peeked.prefix(count))
    }

    /// Calls `body` with each line in order.
    ///
    /// - Parameter body: receives each line; its ``LineRecord/bytes`` are valid only during the call.
    /// - Throws: ``ManifestError/readFailed(path:reason:)``, or whatever `body` throws.
    public func forEachLine(_ body: (LineRecord) throws -> Void) throws {
        let capacity = chunkSize + maxLineBytes
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var state = ScanState()
        if let part {
            state.lineNumber = part.firstLine - 1
            state.fileOffset = part.start
        }
        var memoryOffset = part?.start ?? 0
        var endOfInput = false
        var filled = 0
        var start = 0

        while true {
            // Hand out every complete line in the buffer.
            while let newline = Self.findNewline(buffer, from: start, to: filled) {
                if state.oversized != nil {
                    state.measure(buffer + start, count: newline - start)
                    try state.finishOversized(body)
                } else {
                    try state.emit(buffer + start, count: newline - start, body)
                }
                state.fileOffset += newline - start + 1
                start = newline + 1
            }
            if state.oversized != nil {
                // Still inside an oversized line: measure and drop what we have.
                state.measure(buffer + start, count: filled - start)
                state.fileOffset += filled - start
                start = filled
            } else if filled - start >= maxLineBytes {
                state.beginOversized(buffer + start, count: filled - start)
                state.fileOffset += filled - start
                start = filled
            }
            if endOfInput {
                if state.oversized != nil {
                    try state.finishOversized(body)
                } else if start < filled {
                    try state.emit(buffer + start, count: filled - start, body)
                }
                return
            }
            // Keep the partial line and read more behind it.
            if start > 0 {
                if filled > start { memmove(buffer, buffer + start, filled - start) }
                filled -= start
                start = 0
            }
            let got = try readMore(into: buffer + filled, capacity: capacity - filled, memoryOffset: &memoryOffset)
            if got == 0 { endOfInput = true } else { filled += got }
        }
    }

    private func readMore(
        into destination: UnsafeMutablePointer<UInt8>, capacity: Int, memoryOffset: inout Int
    ) throws(ManifestError) -> Int {
        let wanted = min(capacity, chunkSize)
        if peekedTaken < peeked.count {
            // What peek(upTo:) read ahead comes first; the source continues after it.
            let count = min(wanted, peeked.count - peekedTaken)
            peeked.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                destination.update(from: base + peekedTaken, count: count)
            }
            peekedTaken += count
            memoryOffset += count
            return count
        }
        return try readSource(into: destination, wanted: wanted, memoryOffset: &memoryOffset)
    }

    /// Reads up to `wanted` bytes from the source itself at `memoryOffset` (memory and parts are read by
    /// position; a descriptor reads on from where it is).
    private func readSource(
        into destination: UnsafeMutablePointer<UInt8>, wanted: Int, memoryOffset: inout Int
    ) throws(ManifestError) -> Int {
        switch source {
        case .bytes(let bytes):
            let count = min(wanted, (part?.end ?? bytes.count) - memoryOffset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                destination.update(from: base + memoryOffset, count: count)
            }
            memoryOffset += count
            return count
        case .descriptor(let descriptor, _):
            if let part {
                // A part of a file: read by position, up to its end.
                let count = min(wanted, part.end - memoryOffset)
                guard count > 0 else { return 0 }
                while true {
                    let got = pread(descriptor, destination, count, off_t(memoryOffset))
                    if got >= 0 {
                        memoryOffset += got
                        return got
                    }
                    if errno == EINTR { continue }
                    throw ManifestError.readFailed(path: name, reason: Self.systemError())
                }
            }
            while true {
                let got = read(descriptor, destination, wanted)
                if got >= 0 {
                    memoryOffset += got
                    return got
                }
                if errno == EINTR { continue }
                throw ManifestError.readFailed(path: name, reason: Self.systemError())
            }
        }
    }

    @inline(__always)
    private static func findNewline(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(buffer + start, 0x0A, end - start) else { return nil }
        return buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func systemError() -> String {
        FileContents.systemReason()
    }
}

/// The reader's position: line numbers, file offsets and the oversized line being skipped.
private struct ScanState {
    var lineNumber = 0
    var fileOffset = 0
    var oversized: Oversized?

    struct Oversized {
        var number: Int
        var offset: Int
        var byteCount = 0
        var scalarCount = 0
        var hasByteOrderMark: Bool
        var endsWithCR = false
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func emit(_ start: UnsafeMutablePointer<UInt8>, count: Int, _ body: (LineRecord) throws -> Void) throws {
        lineNumber += 1
        var first = start
        var length = count
        var offset = fileOffset
        var hasByteOrderMark = false
        // At the file's start, not line 1: a part of a file may number its lines from 1.
        if fileOffset == 0, Self.startsWithByteOrderMark(start, count) {
            first += 3
            length -= 3
            offset += 3
            hasByteOrderMark = true
        }
        let carriageReturn = length > 0 && first[length - 1] == 0x0D
        if carriageReturn { length -= 1 }
        try body(
            LineRecord(
                number: lineNumber, offset: offset, bytes: UnsafeBufferPointer(start: first, count: length),
                byteCount: length, isOversized: false, oversizedScalarCount: 0,
                hasByteOrderMark: hasByteOrderMark, endsWithCarriageReturn: carriageReturn))
    }

    mutating func beginOversized(_ start: UnsafeMutablePointer<UInt8>, count: Int) {
        lineNumber += 1
        let hasByteOrderMark = fileOffset == 0 && Self.startsWithByteOrderMark(start, count)
        let skip = hasByteOrderMark ? 3 : 0
        oversized = Oversized(number: lineNumber, offset: fileOffset + skip, hasByteOrderMark: hasByteOrderMark)
        measure(start + skip, count: count - skip)
    }

    mutating func measure(_ start: UnsafeMutablePointer<UInt8>, count: Int) {
        guard var line = oversized, count > 0 else { return }
        line.byteCount += count
        line.scalarCount += count - Self.continuationBytes(start, count)
        line.endsWithCR = start[count - 1] == 0x0D
        oversized = line
    }

    mutating func finishOversized(_ body: (LineRecord) throws -> Void) throws {
        guard let line = oversized else { return }
        oversized = nil
        let trailingCR = line.endsWithCR ? 1 : 0
        try body(
            LineRecord(
                number: line.number, offset: line.offset, bytes: UnsafeBufferPointer(start: nil, count: 0),
                byteCount: line.byteCount - trailingCR, isOversized: true,
                oversizedScalarCount: line.scalarCount - trailingCR,
                hasByteOrderMark: line.hasByteOrderMark))
    }

    /// The bytes of the form `10xxxxxx` (UTF-8 continuations) among `count` at `start`, eight at a time.
    static func continuationBytes(_ start: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        var total = 0
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
            // Bit 7 set and bit 6 clear, in each byte.
            total += (word & ~(word << 1) & high).nonzeroBitCount
            index += 8
        }
        while index < count {
            if start[index] & 0xC0 == 0x80 { total += 1 }
            index += 1
        }
        return total
    }

    private static func startsWithByteOrderMark(_ start: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
        count >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF
    }
}
