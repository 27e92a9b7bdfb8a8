/// Packs lines, in order, into batches of at most a number of bytes: the plan for `UpdateDatasetEntries`
/// calls, whose `Changes` blob may hold at most 5,242,880 bytes (decoded).
public enum BatchPacker {
    /// The API's maximum for the decoded `GroundTruth` blob.
    public static let defaultMaxBytes = 5_242_880

    /// A line longer than a batch may be.
    public struct OversizeLine: Error, Sendable, Equatable {
        /// Its position (0-based) among the lines.
        public var index: Int
        /// Its size in bytes.
        public var size: Int
    }

    /// The batches, as ranges of line positions, for lines of `lineSizes` bytes (line endings included).
    ///
    /// Each batch holds as many whole lines as fit in `maxBytes`, in order. A line larger than `maxBytes`
    /// gets a batch of its own here; ``check(lineSizes:maxBytes:)`` reports it.
    public static func pack(lineSizes: [Int], maxBytes: Int) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0
        var size = 0
        for (index, lineSize) in lineSizes.enumerated() {
            if index > start && size + lineSize > maxBytes {
                batches.append(start..<index)
                start = index
                size = 0
            }
            size += lineSize
        }
        if start < lineSizes.count { batches.append(start..<lineSizes.count) }
        return batches
    }

    /// The first line larger than `maxBytes`, if any.
    public static func check(lineSizes: [Int], maxBytes: Int) -> OversizeLine? {
        lineSizes.firstIndex { $0 > maxBytes }.map { OversizeLine(index: $0, size: lineSizes[$0]) }
    }
}
