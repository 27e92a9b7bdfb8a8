/// Why an image file's header cannot be read: it stops too early or does not follow its format.
public struct ImageDefect: Error, Sendable, Equatable {
    /// One lowercase sentence without a final period, such as `the PNG file ends after 20 bytes`.
    public var message: String

    /// Creates a defect.
    public init(_ message: String) {
        self.message = message
    }
}
