/// A field to leave out of comparisons: dot-separated keys from the line's top level, each a glob (`*` for
/// any run of characters, `?` for one), such as `*-metadata.creation-date` or `cl-metadata`.
public struct FieldPattern: Sendable, Hashable, CustomStringConvertible {
    /// The keys, top level first.
    public let segments: [String]
    private let segmentBytes: [[UInt8]]
    private let segmentHasWildcard: [Bool]

    /// The keys the service adds to dataset entries, left out of every comparison.
    public static let serviceAdded = ServiceAddedKeys.names.map {
        FieldPattern($0)
    }

    /// Parses `pattern`.
    public init(_ pattern: String) {
        segments = pattern.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        segmentBytes = segments.map { Array($0.utf8) }
        segmentHasWildcard = segmentBytes.map { $0.contains(UInt8(ascii: "*")) || $0.contains(UInt8(ascii: "?")) }
    }

    /// The pattern as written.
    public var description: String { segments.joined(separator: ".") }

    /// The number of keys.
    var depth: Int { segments.count }

    /// Whether the key `key` (decoded bytes), at `depth` (0 for the line's members), matches this pattern's
    /// segment at that depth.
    func matches(_ key: UnsafeBufferPointer<UInt8>, depth: Int) -> Bool {
        guard depth < segmentBytes.count else { return false }
        let segment = segmentBytes[depth]
        // Most segments are plain names: a different length settles it.
        if !segmentHasWildcard[depth] { return segment.count == key.count && segment.elementsEqual(key) }
        return Self.glob(segment, key)
    }

    /// Glob matching on bytes: `*` any run, `?` one byte, anything else itself.
    static func glob(_ pattern: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var star = -1
        var resume = 0
        while textIndex < text.count {
            if patternIndex < pattern.count
                && (pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == text[textIndex])
            {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count && pattern[patternIndex] == UInt8(ascii: "*") {
                star = patternIndex
                resume = textIndex
                patternIndex += 1
            } else if star >= 0 {
                patternIndex = star + 1
                resume += 1
                textIndex = resume
            } else {
                return false
            }
        }
        while patternIndex < pattern.count && pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
