/// A rule about a file as a whole, decided from its first bytes before any line is read.
///
/// Such as a file that is not JSON Lines at all (XML, binary data, JSON spread over lines). When a file rule
/// reports, the file's lines are not checked. File rules are asked in code order; the first that reports decides.
protocol FileRule: Rule {
    /// What to report about the file whose first bytes are `start`, or nil when it is not of this kind.
    static func check(_ start: FileStart) -> FileVerdict?
}

/// The first bytes of a file, for the ``FileRule``s.
struct FileStart {
    /// The file's first ``FileStart/sampleBytes`` bytes (all of it when shorter).
    let prefix: [UInt8]
    /// Whether ``prefix`` is the whole file.
    let isWhole: Bool

    /// How many bytes of a file's start decide its shape.
    static let sampleBytes = 64 << 10
}

/// What a ``FileRule`` reports about a file.
enum FileVerdict {
    /// This message, at line 1, column 1 when `atStart`, else for the whole file.
    case message(String, atStart: Bool)
    /// A message made from the whole file, once read (its first ``describedBytes`` bytes; nil when it is
    /// larger) and its line count.
    case describedByWholeFile(@Sendable (_ bytes: [UInt8]?, _ lines: Int) -> String)

    /// The most of a file read whole to describe it.
    static let describedBytes = 64 << 20
}
