#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines of a manifest again by their place (`pread` for a file): the entries a diff must look at
/// closely, the lines a finding shows (`--format full`) when the file was checked in parts.
final class LineFile {
    private let descriptor: Int32
    /// The manifest's bytes when it is in memory (then ``descriptor`` is -1).
    private let memory: [UInt8]
    private var buffer: [UInt8] = []

    init(_ source: ManifestSource) throws(ManifestError) {
        switch source {
        case .file(let path):
            memory = []
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .cannotOpen(path: path, reason: FileContents.systemReason())
            }
        case .memory(let bytes, _):
            memory = bytes
            descriptor = -1
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The `length` bytes at `offset` (fewer when the file is shorter).
    func bytes(at offset: Int, length: Int) -> [UInt8] {
        withBytes(at: offset, length: length) { Array($0) }
    }

    /// Calls `body` with the `length` bytes at `offset`.
    func withBytes<Result>(
        at offset: Int, length: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if descriptor < 0 {
            return memory.withUnsafeBufferPointer { bytes in
                let start = min(offset, bytes.count)
                return body(UnsafeBufferPointer(rebasing: bytes[start..<min(start + length, bytes.count)]))
            }
        }
        if buffer.count < max(length, 1) { buffer = [UInt8](repeating: 0, count: max(length, 1)) }
        return buffer.withUnsafeMutableBufferPointer { memory in
            guard let base = memory.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            var done = 0
            while done < length {
                let count = pread(descriptor, base + done, length - done, off_t(offset + done))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                done += count
            }
            return body(UnsafeBufferPointer(rebasing: memory[0..<done]))
        }
    }
}
