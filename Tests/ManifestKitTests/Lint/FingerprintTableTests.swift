import Testing

@testable import ManifestKit

/// The `source-ref` table: every key found again after the table grows past its huge-page size, and
/// copies that do not share their changes.
@Suite struct FingerprintTableTests {
    private static func key(_ number: Int) -> [UInt8] { Array("s3://bucket/images/\(number).jpg".utf8) }

    @Test func keysSurviveGrowingAndReserving() {
        var table = FingerprintTable()
        // 100,000 keys: slots of 24 bytes at most half full, so the table passes 4 MiB (mapped memory).
        for number in 0..<100_000 {
            let stored = Self.key(number).withUnsafeBufferPointer { table.insert($0, value: number) }
            #expect(stored == nil)
        }
        table.reserve(1_000_000)
        #expect(table.count == 100_000)
        for number in stride(from: 0, to: 100_000, by: 997) {
            let fingerprint = Self.key(number).withUnsafeBufferPointer(ByteHash.fingerprint)
            #expect(table.value(for: fingerprint) == number)
            let again = Self.key(number).withUnsafeBufferPointer { table.insert($0, value: -1) }
            #expect(again == number)
        }
        let absent = Self.key(100_000).withUnsafeBufferPointer(ByteHash.fingerprint)
        #expect(table.value(for: absent) == nil)
    }

    /// The one-pass fingerprint is the two seeded hashes; an empty key hashes alike wherever it lies.
    @Test func fingerprintIsTheTwoSeededHashes() {
        for text in ["", "a", "s3://b/1.jpg", "s3://acme-vision-datasets/retail-shelf/2024-02/IMG_0001.jpg", "ü€𝄞"] {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { key in
                let fingerprint = ByteHash.fingerprint(key)
                #expect(fingerprint.first == ByteHash.hash(key))
                #expect(fingerprint.second == ByteHash.hash(key, seed: ByteHash.secondSeed))
            }
        }
        let storage: [UInt8] = [0x41]
        let emptyWithAddress = storage.withUnsafeBufferPointer {
            ByteHash.hash(UnsafeBufferPointer(rebasing: $0[0..<0]))
        }
        #expect(ByteHash.hash(UnsafeBufferPointer(start: nil, count: 0)) == emptyWithAddress)
    }

    @Test func aCopyKeepsItsOwnKeys() {
        var original = FingerprintTable()
        _ = Self.key(1).withUnsafeBufferPointer { original.insert($0, value: 1) }
        var copy = original
        _ = Self.key(2).withUnsafeBufferPointer { copy.insert($0, value: 2) }
        let two = Self.key(2).withUnsafeBufferPointer(ByteHash.fingerprint)
        #expect(copy.value(for: two) == 2)
        #expect(original.value(for: two) == nil)
        #expect(original.count == 1 && copy.count == 2)
    }
}
