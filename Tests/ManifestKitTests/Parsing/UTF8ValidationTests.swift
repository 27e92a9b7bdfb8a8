import Testing

@testable import ManifestKit

/// `scalarCount` counts eight ASCII bytes at a time; these compare it with a count one sequence at a time.
@Suite struct UTF8ValidationTests {
    /// Mixed ASCII runs of every length around the word size, two- to four-byte characters, and invalid bytes.
    static let texts: [[UInt8]] = [
        Array("s3://bucket/key.jpg".utf8),
        Array(#"{"source-ref":"s3://b/k.jpg","é":1,"日本語":"😀 ok","x":"ß"}"#.utf8),
        Array(("abcdefg" + "é" + "abcdefgh" + "😀" + "a" + "日" + "abcdefghijklmnop" + "ü").utf8),
        [0x61, 0x62, 0xFF, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xC3, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x80],
        [UInt8](repeating: 0x41, count: 37),
        [],
    ]

    @Test(arguments: texts)
    func countsAgreeWithASequenceAtATime(text: [UInt8]) {
        // The same bytes alone and followed by more, so the count also stops short of the buffer's end.
        for padding in [0, 3, 9] {
            let bytes = text + [UInt8](repeating: 0x7A, count: padding)
            bytes.withUnsafeBufferPointer { buffer in
                for limit in 0...bytes.count + 2 {
                    #expect(
                        UTF8Validation.scalarCount(buffer, upTo: limit) == Self.reference(buffer, upTo: limit),
                        "\(text) padded by \(padding), up to \(limit)")
                }
            }
        }
    }

    @Test func validTextCountsItsScalars() {
        let text = "a😀bcdefghé日本語ijklmnopqrstuvwxyz0123456789ß"
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            #expect(UTF8Validation.scalarCount(buffer, upTo: buffer.count) == text.unicodeScalars.count)
        }
    }

    /// One sequence at a time: a valid sequence or an invalid byte counts one.
    private static func reference(_ buffer: UnsafeBufferPointer<UInt8>, upTo byteCount: Int) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var index = 0
        var scalars = 0
        while index < min(byteCount, buffer.count) {
            index += UTF8Validation.sequenceLength(base, at: index, count: buffer.count) ?? 1
            scalars += 1
        }
        return scalars
    }
}
