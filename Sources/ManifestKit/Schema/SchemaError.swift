/// Why a schema could not be loaded or compiled; `clmanifest` stops with exit code 2.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema file or bundled schema name.
    public var document: String
    /// The 1-based line in the document, when known.
    public var line: Int?
    /// The 1-based column in the document, when known.
    public var column: Int?
    /// One sentence, lowercase, no final period.
    public var message: String

    /// Creates a schema error.
    public init(document: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.document = document
        self.line = line
        self.column = column
        self.message = message
    }

    /// `document:line:column: message`.
    public var description: String {
        var text = document
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text + ": " + message
    }
}
