/// A 128-bit hash built from bytes and integers, for telling JSON values apart by their canonical form.
///
/// Two independent 64-bit lanes, each mixed per 8 bytes and finished with a full avalanche, so that a
/// collision (an updated entry taken for unchanged) is out of reach in practice.
struct ValueHasher {
    private var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var pending: UInt64 = 0
    private var pendingCount: UInt64 = 0

    /// Adds one byte.
    @inline(__always)
    mutating func combine(byte: UInt8) {
        pending |= UInt64(byte) << (pendingCount * 8)
        pendingCount += 1
        if pendingCount == 8 { flush() }
    }

    /// Adds bytes, eight at a time.
    mutating func combine(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var position = 0
        if pendingCount == 0 {
            while position + 8 <= bytes.count {
                pending = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                pendingCount = 8
                flush()
                position += 8
            }
        }
        while position < bytes.count {
            combine(byte: base[position])
            position += 1
        }
    }

    /// Adds a whole 64-bit value (as a separate token, so `[1] 2` and `1 [2]` differ).
    mutating func combine(_ value: UInt64) {
        if pendingCount > 0 { flush() }
        pending = value
        pendingCount = 8
        flush()
    }

    private mutating func flush() {
        first = (first ^ pending) &* 0xFF51_AFD7_ED55_8CCD
        first ^= first >> 29
        second = (second ^ (pending &+ 0x632B_E59B_D9B4_E019)) &* 0xC4CE_B9FE_1A85_EC53
        second ^= second >> 31
        pending = 0
        pendingCount = 0
    }

    /// The hash.
    mutating func finalize() -> Hash128 {
        combine(0x5A5A_5A5A)
        return Hash128(first: ByteHash.avalanche(first), second: ByteHash.avalanche(second ^ first))
    }
}
