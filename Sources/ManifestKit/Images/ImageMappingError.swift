/// A malformed image mapping, in one sentence.
public struct ImageMappingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
