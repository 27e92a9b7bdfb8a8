#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A field to leave out of comparisons: dot-separated keys from the line's top level, each a glob (`*`,
/// `?`, `[...]`), such as `*-metadata.creation-date` or `cl-metadata`.
public struct FieldPattern: Sendable, Hashable, CustomStringConvertible {
    /// The keys, top level first.
    public let segments: [String]

    /// The keys the service adds to dataset entries, left out of every comparison.
    public static let serviceAdded = ["cl-metadata", "cl-errors", "errors", "warnings"].map {
        FieldPattern($0)
    }

    /// Parses `pattern`.
    public init(_ pattern: String) {
        segments = pattern.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The pattern as written.
    public var description: String { segments.joined(separator: ".") }

    /// Whether `key`, at `depth` (0 for the line's members) below keys that matched the segments before it,
    /// matches this pattern's segment at that depth.
    func matches(_ key: String, depth: Int) -> Bool {
        depth < segments.count && fnmatch(segments[depth], key, 0) == 0
    }
}
