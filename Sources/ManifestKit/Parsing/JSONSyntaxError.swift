/// Why a line is not a JSON value, and the byte offset within the line where that was found.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    /// The family of a syntax error; each maps to its own rule.
    public enum Category: Sendable, Hashable {
        /// Not valid JSON (RFC 8259).
        case syntax
        /// A byte sequence that is not UTF-8 (RFC 3629).
        case invalidUTF8
        /// A raw NUL byte.
        case nulByte
        /// Arrays and objects nested deeper than the parser's limit.
        case nestingTooDeep
    }

    /// The error's family.
    public var category: Category
    /// One sentence: what was expected and what was found, lowercase, no final period.
    public var message: String
    /// The byte offset within the line.
    public var offset: Int

    /// Creates a syntax error.
    public init(_ category: Category, _ message: String, at offset: Int) {
        self.category = category
        self.message = message
        self.offset = offset
    }
}
