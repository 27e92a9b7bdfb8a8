/// A parameter the AWS CLI would refuse, with its wording where it has one (exit status 252).
public struct CLIInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}
