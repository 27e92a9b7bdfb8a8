#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the lines of a manifest are, as byte ranges: every place that cuts a manifest into lines or parts
/// (split, upload, parallel lint) does it here.
package enum LineRanges {
    /// The lines of `bytes`, each with its line ending (LF or CR LF); the last without one when the bytes do
    /// not end with LF.
    package static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let end = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                lines.append(start..<end)
                start = end
            }
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        return lines
    }

    /// `count` ranges that cover the file open at `descriptor`, of `size` bytes, each ending just after an
    /// LF (the last at the end of the file); fewer when the file has fewer lines.
    ///
    /// Each part's end is the first LF at or after its share of the file; no byte is scanned twice, so a
    /// file with few or no LFs (one huge line) costs one read, not one per part.
    static func parts(of descriptor: Int32, size: Int, count: Int) -> [Range<Int>] {
        var starts = [0]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var scanned = 0
        for part in 1..<max(count, 1) {
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

    /// `bytes` cut into about `count` ranges of whole lines, as ``parts(of:size:count:)`` cuts a file.
    static func parts(of bytes: [UInt8], count: Int) -> [Range<Int>] {
        let size = bytes.count
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for part in 1..<max(count, 1) {
                let position = max(size * part / count, starts[starts.count - 1])
                guard position < size, let found = memchr(base + position, 0x0A, size - position) else { break }
                let boundary = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                guard boundary < size else { break }
                if boundary > starts[starts.count - 1] { starts.append(boundary) }
            }
        }
        return starts.indices.map { starts[$0]..<($0 + 1 < starts.count ? starts[$0 + 1] : size) }
    }
}
