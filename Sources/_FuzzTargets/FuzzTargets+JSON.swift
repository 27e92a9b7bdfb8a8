import ManifestKit

extension FuzzTargets {
    /// The JSON Lines reader and the parser: every line read, parsed, and every string and number of the
    /// parsed value decoded.
    @Sendable public static func jsonLines(_ bytes: [UInt8]) {
        let reader = JSONLinesReader(bytes: bytes, name: "fuzz", maxLineBytes: 1 << 16, chunkSize: 1 << 12)
        let parser = JSONParser(maxDepth: 64)
        try? reader.forEachLine { line in
            guard !line.isOversized, let document = try? parser.parse(line.bytes) else { return }
            var index = 0
            while index < document.nodes.count {
                switch document[index].kind {
                case .string: _ = document.string(at: index)
                case .number: _ = document.number(at: index)
                default: break
                }
                index += 1
            }
            precondition(Int(document.root.next) == document.nodes.count, "the root does not span the document")
        }
    }

    /// The diff canonicaliser: a value's canonical hash does not depend on the whitespace around it, and is
    /// the same twice.
    @Sendable public static func diffCanonical(_ bytes: [UInt8]) {
        let hasher = CanonicalHasher(ignoring: [FieldPattern("*-metadata.creation-date"), FieldPattern("a.*")])
        let parser = JSONParser(maxDepth: 64)
        let first = bytes.withUnsafeBufferPointer { buffer in
            (try? parser.parse(buffer)).map { hasher.hash($0) }
        }
        guard let first else { return }
        let padded = [0x20, 0x0D] + bytes + [0x09, 0x20]
        let second = padded.withUnsafeBufferPointer { buffer in
            (try? parser.parse(buffer)).map { hasher.hash($0) }
        }
        precondition(second == first, "whitespace around a value changed its canonical hash")
    }
}
