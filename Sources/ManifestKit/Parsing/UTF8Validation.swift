/// UTF-8 checks on raw bytes (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The length of the well-formed UTF-8 sequence at `index`, or nil if the bytes there are not UTF-8.
    ///
    /// - Parameters:
    ///   - bytes: the start of the buffer.
    ///   - index: where the sequence starts; must be below `count`.
    ///   - count: the number of bytes in the buffer.
    /// - Returns: 1 to 4, or nil.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        var position = index + 2
        while position < index + length {
            guard bytes[position] & 0xC0 == 0x80 else { return nil }
            position += 1
        }
        return length
    }

    /// Whether the `count` bytes at `bytes` are well-formed UTF-8.
    static func isValid(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index < count {
            // ASCII runs eight bytes at a time.
            if index + 8 <= count,
                UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            guard let length = sequenceLength(bytes, at: index, count: count) else { return false }
            index += length
        }
        return true
    }

    /// The number of Unicode scalar values in the first `byteCount` bytes, counting each invalid byte as one.
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, upTo byteCount: Int) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let limit = min(byteCount, buffer.count)
        var scalars = 0
        var index = 0
        while index < limit {
            // ASCII, eight bytes at a time (the last few too, when the buffer has eight bytes from there).
            if index &+ 8 <= buffer.count {
                let step = min(8, limit &- index)
                let mask: UInt64 =
                    step == 8 ? 0x8080_8080_8080_8080 : 0x8080_8080_8080_8080 & (1 &<< UInt64(step &* 8) &- 1)
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & mask == 0 {
                    index &+= step
                    scalars &+= step
                    continue
                }
            }
            if base[index] < 0x80 {
                index += 1
            } else if let length = sequenceLength(base, at: index, count: buffer.count) {
                index += length
            } else {
                index += 1
            }
            scalars += 1
        }
        return scalars
    }
}
