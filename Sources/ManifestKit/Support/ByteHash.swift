/// The hashes of byte strings.
///
/// The keys of ``ByteStringTable``, the fingerprints of ``FingerprintTable`` and the finish of
/// ``ValueHasher``: every hash of the library is built from the functions here.
enum ByteHash {
    /// The seed of ``hash(_:seed:)`` when none is given.
    static let defaultSeed: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// The seed of a fingerprint's second hash.
    static let secondSeed: UInt64 = 0xD6E8_FEB8_6659_FD93

    /// A 64-bit hash of `key`, eight bytes at a time (multiply and fold); never 0.
    ///
    /// Another `seed` gives an independent hash.
    static func hash(_ key: UnsafeBufferPointer<UInt8>, seed: UInt64 = defaultSeed) -> UInt64 {
        var hash: UInt64 = seed ^ UInt64(key.count)
        guard let base = key.baseAddress else { return finish(hash) }
        var position = 0
        while position + 8 <= key.count {
            hash = mix(hash, UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            position += 8
        }
        return finish(hash ^ tail(base, from: position, to: key.count))
    }

    /// The fingerprint of `key`: ``hash(_:seed:)`` with the two seeds, worked out in one pass (the two chains
    /// of multiplications are independent, so the processor runs them side by side); the first never 0.
    static func fingerprint(_ key: UnsafeBufferPointer<UInt8>) -> Hash128 {
        var first: UInt64 = defaultSeed ^ UInt64(key.count)
        var second: UInt64 = secondSeed ^ UInt64(key.count)
        if let base = key.baseAddress {
            var position = 0
            while position + 8 <= key.count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                first = mix(first, word)
                second = mix(second, word)
                position += 8
            }
            let last = tail(base, from: position, to: key.count)
            first ^= last
            second ^= last
        }
        return Hash128(first: finish(first), second: finish(second))
    }

    /// The bytes from `start` to `end` (fewer than 8) as one little-endian word.
    @inline(__always)
    private static func tail(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var tail: UInt64 = 0
        for offset in start..<end { tail |= UInt64(base[offset]) << UInt64((offset - start) * 8) }
        return tail
    }

    /// One word into a running hash.
    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let multiplied = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return multiplied ^ (multiplied >> 29)
    }

    /// ``avalanche(_:)``, never 0 (0 marks an empty slot in the tables).
    @inline(__always)
    static func finish(_ running: UInt64) -> UInt64 {
        let hash = avalanche(running)
        return hash == 0 ? 1 : hash
    }

    /// A full avalanche (MurmurHash3's finalizer).
    ///
    /// Every bit of the result depends on every bit of `value`. A table's index is the low bits, which must depend on every byte, or keys that differ in a few
    /// characters (IMG_0001, IMG_0002…) cluster.
    @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }
}

/// A 128-bit hash.
package struct Hash128: Hashable, Sendable {
    var first: UInt64
    var second: UInt64
}
