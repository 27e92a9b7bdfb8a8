/// A configuration file that cannot be used, and where.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file.
    public var file: String
    /// The 1-based line of the offending key, when known.
    public var line: Int?
    /// The 1-based column of the offending key, when known.
    public var column: Int?
    /// One sentence, lowercase, no final period.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `configuration file:line:column: message`.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "configuration \(location): \(message)"
    }
}
