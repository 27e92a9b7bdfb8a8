import Synchronization

/// Reads a whole object into memory: small ones with one GET, large ones as ranged GETs of ``partBytes``
/// in parallel (``concurrency`` at once), put together in order.
public struct S3ObjectReader: Sendable {
    /// The client.
    public let client: S3Client
    /// The size of each ranged GET.
    public var partBytes = 8 << 20
    /// How many GETs are in flight at once.
    public var concurrency = 8
    /// Called as parts arrive with the bytes read so far and the object's size (for a progress display).
    public var progress: (@Sendable (_ read: Int, _ total: Int) -> Void)?

    /// A reader through `client`.
    public init(client: S3Client) {
        self.client = client
    }

    /// The object's bytes.
    public func read(_ uri: S3URI) throws(S3Error) -> [UInt8] {
        let size = try client.head(uri).size
        guard size > partBytes else {
            let bytes = try client.get(uri)
            progress?(bytes.count, size)
            return bytes
        }
        let parts = stride(from: 0, to: size, by: partBytes).map { $0..<min($0 + partBytes, size) }
        let read = Mutex(0)
        let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
        defer { output.deallocate() }
        let destination = UncheckedBuffer(buffer: output)
        let client = self.client
        let progress = self.progress
        try S3Parts.run(parts.count, concurrency: concurrency) { index throws(S3Error) in
            let range = parts[index]
            let bytes = try client.get(uri, range: range)
            guard bytes.count == range.count else {
                throw .failed(
                    uri, status: 206, code: "",
                    message: "bytes \(range.lowerBound)–\(range.upperBound - 1) came back as \(bytes.count) bytes: "
                        + "the object changed while it was read")
            }
            _ = UnsafeMutableBufferPointer(rebasing: destination.buffer[range]).initialize(from: bytes)
            let total = read.withLock { read in
                read += bytes.count
                return read
            }
            progress?(total, size)
        }
        return Array(output)
    }
}

/// A buffer the reading threads write to, each its own range.
private struct UncheckedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt8>
}
