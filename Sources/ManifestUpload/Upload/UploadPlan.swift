import Crypto
import ManifestKit

/// The change set cut into the `UpdateDatasetEntries` calls that will carry it: whole lines, in order, each
/// batch at most `maxBatchBytes` (the API's limit on the decoded `GroundTruth` blob is 5,242,880 bytes).
public struct UploadPlan: Sendable, Equatable {
    /// Each batch's `GroundTruth` bytes: its lines joined with their line endings, the last one's removed.
    public var batches: [[UInt8]]
    /// How many lines each batch holds.
    public var lineCounts: [Int]
    /// The SHA-256 of each batch, in hex (the journal's check that a saved batch is the one planned).
    public var batchDigests: [String]

    /// A line too long for any batch.
    public struct OversizeLine: Error, Sendable, Equatable {
        /// Its position (1-based) in the change set.
        public var position: Int
        /// Its size in bytes.
        public var size: Int

        /// Creates the error.
        public init(position: Int, size: Int) {
            self.position = position
            self.size = size
        }
    }

    /// Plans `changeSet` (lines, each with its line ending), whose lines are `lineSizes` bytes long.
    public init(changeSet: [UInt8], lineSizes: [Int], maxBatchBytes: Int) throws(OversizeLine) {
        if let oversize = BatchPacker.check(lineSizes: lineSizes, maxBytes: maxBatchBytes) {
            throw OversizeLine(position: oversize.index + 1, size: oversize.size)
        }
        var offsets = [0]
        for size in lineSizes { offsets.append(offsets[offsets.count - 1] + size) }
        var batches: [[UInt8]] = []
        var lineCounts: [Int] = []
        for range in BatchPacker.pack(lineSizes: lineSizes, maxBytes: maxBatchBytes) {
            var bytes = Array(changeSet[offsets[range.lowerBound]..<offsets[range.upperBound]])
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
            batches.append(bytes)
            lineCounts.append(range.count)
        }
        self.batches = batches
        self.lineCounts = lineCounts
        batchDigests = batches.map { Self.sha256($0) }
    }

    /// A plan of the given batches (as saved in a journal).
    public init(batches: [[UInt8]], lineCounts: [Int]) {
        self.batches = batches
        self.lineCounts = lineCounts
        batchDigests = batches.map { Self.sha256($0) }
    }

    /// Every non-blank line of a manifest, as a change set (`--all`): the bytes and each line's size.
    public static func allLines(of manifest: [UInt8]) -> (changeSet: [UInt8], lineSizes: [Int]) {
        var changeSet: [UInt8] = []
        var sizes: [Int] = []
        changeSet.reserveCapacity(manifest.count)
        for range in LineRanges.lines(of: manifest) {
            let line = manifest[range]
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { continue }
            changeSet.append(contentsOf: line)
            if line.last != UInt8(ascii: "\n") { changeSet.append(UInt8(ascii: "\n")) }
            sizes.append(line.count + (line.last == UInt8(ascii: "\n") ? 0 : 1))
        }
        return (changeSet, sizes)
    }

    /// The lines in all batches.
    public var lineCount: Int { lineCounts.reduce(0, +) }
    /// The bytes in all batches.
    public var byteCount: Int { batches.reduce(0) { $0 + $1.count } }

    /// The SHA-256 of `bytes`, in lower-case hex.
    public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        SigV4Signer.hex(SHA256.hash(data: Array(bytes)))
    }
}
