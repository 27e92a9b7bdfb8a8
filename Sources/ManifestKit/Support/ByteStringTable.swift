/// A hash table from byte strings to small integers (such as the line where a `source-ref` first appears),
/// holding all keys in one buffer: no object per key, about 24 bytes per entry plus the key bytes.
struct ByteStringTable {
    private struct Slot {
        /// 0 marks an empty slot (a real hash of 0 is stored as 1).
        var hash: UInt64 = 0
        var start: UInt32 = 0
        var count: UInt32 = 0
        var value: Int32 = 0
    }

    private var keys: [UInt8] = []
    /// Where each key starts in ``keys``, in insertion order.
    private var starts: [UInt32] = []
    private var slots = [Slot](repeating: Slot(), count: 1024)
    /// The number of keys.
    private(set) var count = 0

    /// The value stored for `key`, after storing `value` for it if it was absent (then nil is returned).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        let hash = ByteHash.hash(key)
        let (index, found) = slot(for: key, hash: hash)
        if found { return Int(slots[index].value) }
        slots[index] = Slot(
            hash: hash, start: UInt32(truncatingIfNeeded: keys.count), count: UInt32(clamping: key.count),
            value: Int32(clamping: value))
        starts.append(UInt32(truncatingIfNeeded: keys.count))
        keys.append(contentsOf: key)
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    private func slot(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, found: Bool) {
        var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[index].hash != 0 {
            if slots[index].hash == hash && Int(slots[index].count) == key.count && matches(slots[index], key) {
                return (index, true)
            }
            index = (index + 1) & (slots.count - 1)
        }
        return (index, false)
    }

    /// The key inserted `ordinal`-th (from 0), as text.
    func key(ordinal: Int) -> String {
        withKey(ordinal: ordinal) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the key inserted `ordinal`-th (from 0).
    func withKey<Result>(ordinal: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = Int(starts[ordinal])
        let end = ordinal + 1 < starts.count ? Int(starts[ordinal + 1]) : keys.count
        return keys.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The value stored for `key`, or nil.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let (index, found) = slot(for: key, hash: ByteHash.hash(key))
        return found ? Int(slots[index].value) : nil
    }

    private func matches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress, let other = key.baseAddress else { return key.isEmpty }
            return JSONDocument.bytesEqual(base + Int(slot.start), other, key.count)
        }
    }

    private mutating func grow() {
        var larger = [Slot](repeating: Slot(), count: slots.count * 2)
        for slot in slots where slot.hash != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & (larger.count - 1)
            while larger[index].hash != 0 { index = (index + 1) & (larger.count - 1) }
            larger[index] = slot
        }
        slots = larger
    }
}
