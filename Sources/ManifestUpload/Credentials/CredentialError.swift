/// Why no credentials or no region could be found; each says what was tried and what to do.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The explanation, for people.
    ///
    /// It never contains a secret.
    public var description: String

    /// Creates an error with `description`.
    public init(_ description: String) {
        self.description = description
    }
}
