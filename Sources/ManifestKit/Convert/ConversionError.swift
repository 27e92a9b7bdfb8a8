/// Why a dataset could not be converted; nothing is written.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the problem is in, with its line and column when known.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column in characters, when known.
    public var column: Int?
    /// What is wrong, one sentence, lowercase.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
