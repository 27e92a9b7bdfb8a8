internal import CManifestSupport

/// A set of byte strings known by a 128-bit fingerprint (two independent 64-bit hashes), each with a
/// small integer: the `source-ref`s of a manifest and the line where each first appears.
///
/// It keeps no key bytes: 24 bytes a slot, at most half the slots used, so about 48 bytes an entry
/// instead of about 120 with the keys (a million `source-ref`s: 48 MB rather than 120 MB). Two different
/// keys would have to agree on all 128 bits to be taken for one: for a million keys, odds of about 1 in
/// 10^26, far below a disk's silent errors.
///
/// Almost every lookup in a large table is a cache miss, and in a virtual machine a TLB miss too: the
/// slots live in ``ZeroedMemory`` (huge pages when large), and ``prefetch(_:)`` lets a caller that knows a
/// key early have its slot loaded while it does other work.
struct FingerprintTable {
    private struct Slot {
        /// 0 marks an empty slot (the hash is never 0), so zeroed memory is an empty table.
        var first: UInt64 = 0
        var second: UInt64 = 0
        var value: Int32 = 0
    }

    private var memory: ZeroedMemory
    private var slots: UnsafeMutablePointer<Slot>
    /// The number of slots, a power of 2.
    private var capacity: Int
    /// The number of keys.
    private(set) var count = 0

    init() {
        capacity = 1024
        memory = ZeroedMemory(byteCount: capacity * MemoryLayout<Slot>.stride)
        slots = memory.base.bindMemory(to: Slot.self, capacity: capacity)
    }

    /// The value stored for `key`, after storing `value` for it if it was absent (then nil is returned).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        insert(ByteHash.fingerprint(key), value: value)
    }

    /// The value stored for the key of `fingerprint`, after storing `value` if it was absent (then nil).
    mutating func insert(_ fingerprint: Hash128, value: Int) -> Int? {
        let (first, second) = (fingerprint.first, fingerprint.second)
        var index = Int(truncatingIfNeeded: first) & (capacity - 1)
        while slots[index].first != 0 {
            if slots[index].first == first && slots[index].second == second { return Int(slots[index].value) }
            index = (index + 1) & (capacity - 1)
        }
        makeUnique()
        slots[index] = Slot(first: first, second: second, value: Int32(clamping: value))
        count += 1
        if count * 2 > capacity { grow(to: capacity * 2) }
        return nil
    }

    /// The value stored for the key of `fingerprint`, or nil.
    func value(for fingerprint: Hash128) -> Int? {
        var index = Int(truncatingIfNeeded: fingerprint.first) & (capacity - 1)
        while slots[index].first != 0 {
            if slots[index].first == fingerprint.first && slots[index].second == fingerprint.second {
                return Int(slots[index].value)
            }
            index = (index + 1) & (capacity - 1)
        }
        return nil
    }

    /// Starts loading the slot where the key of `fingerprint` would be, so that an insert or lookup a
    /// little later finds it in cache.
    func prefetch(_ fingerprint: Hash128) {
        clm_prefetch(slots + (Int(truncatingIfNeeded: fingerprint.first) & (capacity - 1)))
    }

    /// After how many keys (or lines) of an input its table is sized for the whole input.
    static let sizingSample = 4096

    /// Sizes the table for an input of `total` bytes whose first `read` bytes held `keys` distinct keys.
    mutating func reserve(extrapolating keys: Int, over read: Int, of total: Int) {
        guard read > 0, total > read else { return }
        reserve(Int(Double(keys) * Double(total) / Double(read)))
    }

    /// Makes room for `expected` keys in all, so that the table does not grow until there are more.
    mutating func reserve(_ expected: Int) {
        var size = capacity
        while expected * 2 > size { size *= 2 }
        if size > capacity { grow(to: size) }
    }

    /// Gives this value its own slots when a copy of it shares them (value semantics).
    private mutating func makeUnique() {
        guard !isKnownUniquelyReferenced(&memory) else { return }
        let copy = ZeroedMemory(byteCount: capacity * MemoryLayout<Slot>.stride)
        copy.base.copyMemory(from: memory.base, byteCount: capacity * MemoryLayout<Slot>.stride)
        memory = copy
        slots = copy.base.bindMemory(to: Slot.self, capacity: capacity)
    }

    private mutating func grow(to size: Int) {
        let larger = ZeroedMemory(byteCount: size * MemoryLayout<Slot>.stride)
        let largerSlots = larger.base.bindMemory(to: Slot.self, capacity: size)
        for old in 0..<capacity where slots[old].first != 0 {
            var index = Int(truncatingIfNeeded: slots[old].first) & (size - 1)
            while largerSlots[index].first != 0 { index = (index + 1) & (size - 1) }
            largerSlots[index] = slots[old]
        }
        memory = larger
        slots = largerSlots
        capacity = size
    }
}
