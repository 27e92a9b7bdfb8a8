internal import CManifestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A set of byte strings known by a 128-bit fingerprint (two independent 64-bit hashes), each with a
/// small integer: the `source-ref`s of a manifest and the line where each first appears.
///
/// It keeps no key bytes: 24 bytes a slot, at most half the slots used, so about 48 bytes an entry
/// instead of about 120 with the keys (a million `source-ref`s: 48 MB rather than 120 MB). Two different
/// keys would have to agree on all 128 bits to be taken for one: for a million keys, odds of about 1 in
/// 10^26, far below a disk's silent errors.
///
/// Almost every lookup in a large table is a cache miss, and in a virtual machine a TLB miss too: the
/// slots of a large table are asked to be backed by huge pages, and ``prefetch(_:)`` lets a caller that
/// knows a key early have its slot loaded while it does other work.
struct FingerprintTable {
    private struct Slot {
        /// 0 marks an empty slot (the hash is never 0).
        var first: UInt64 = 0
        var second: UInt64 = 0
        var value: Int32 = 0
    }

    private var slots = Self.emptySlots(1024)
    /// The number of keys.
    private(set) var count = 0

    /// The fingerprint of `key`: two independent 64-bit hashes, the first never 0.
    static func fingerprint(_ key: UnsafeBufferPointer<UInt8>) -> Hash128 {
        Hash128(first: ByteStringTable.hash(key), second: ByteStringTable.hash(key, seed: 0xD6E8_FEB8_6659_FD93))
    }

    /// The value stored for `key`, after storing `value` for it if it was absent (then nil is returned).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        insert(Self.fingerprint(key), value: value)
    }

    /// The value stored for the key of `fingerprint`, after storing `value` if it was absent (then nil).
    mutating func insert(_ fingerprint: Hash128, value: Int) -> Int? {
        let (first, second) = (fingerprint.first, fingerprint.second)
        var index = Int(truncatingIfNeeded: first) & (slots.count - 1)
        while slots[index].first != 0 {
            if slots[index].first == first && slots[index].second == second { return Int(slots[index].value) }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = Slot(first: first, second: second, value: Int32(clamping: value))
        count += 1
        if count * 2 > slots.count { grow(to: slots.count * 2) }
        return nil
    }

    /// The value stored for the key of `fingerprint`, or nil.
    func value(for fingerprint: Hash128) -> Int? {
        var index = Int(truncatingIfNeeded: fingerprint.first) & (slots.count - 1)
        while slots[index].first != 0 {
            if slots[index].first == fingerprint.first && slots[index].second == fingerprint.second {
                return Int(slots[index].value)
            }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Starts loading the slot where the key of `fingerprint` would be, so that an insert or lookup a
    /// little later finds it in cache.
    func prefetch(_ fingerprint: Hash128) {
        slots.withUnsafeBufferPointer { slots in
            clm_prefetch(
                slots.baseAddress.unsafelyUnwrapped + (Int(truncatingIfNeeded: fingerprint.first) & (slots.count - 1)))
        }
    }

    /// Makes room for `expected` keys in all, so that the table does not grow until there are more.
    mutating func reserve(_ expected: Int) {
        var size = slots.count
        while expected * 2 > size { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    private mutating func grow(to size: Int) {
        var larger = Self.emptySlots(size)
        for slot in slots where slot.first != 0 {
            var index = Int(truncatingIfNeeded: slot.first) & (larger.count - 1)
            while larger[index].first != 0 { index = (index + 1) & (larger.count - 1) }
            larger[index] = slot
        }
        slots = larger
    }

    /// `count` empty slots; when they span huge pages, the kernel is asked for those (before the first
    /// write, which is when it chooses) to spare the TLB misses of random lookups.
    private static func emptySlots(_ count: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UnsafeMutableRawPointer(buffer.baseAddress.unsafelyUnwrapped)
            adviseHugePages(base, bytes: count * MemoryLayout<Slot>.stride)
            buffer.initialize(repeating: Slot())
            initialized = count
        }
    }

    /// Asks for huge pages on the whole 2 MiB pages inside `bytes` bytes at `base` (Linux; a hint only).
    private static func adviseHugePages(_ base: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
            let hugePage = 2 << 20
            guard bytes >= 2 * hugePage else { return }
            let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
            let end = (Int(bitPattern: base) + bytes) & ~(hugePage - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
