/// A piece of manifest text used as a rule's documentation and test.
///
/// In a triggering example, each `↓` marks where a finding must be reported: the line and column of the
/// character that follows the marker. An example that ends without a newline is linted as is.
public struct Example: Sendable {
    /// The manifest bytes, with `↓` markers (UTF-8 `E2 86 93`).
    public let bytes: [UInt8]
    /// The file that declared the example, for test failures.
    public let file: StaticString
    /// The line that declared the example, for test failures.
    public let line: UInt
    /// A user schema (YAML) to lint with, as `--schema example.yaml` would; nil for the bundled schemas only.
    public let schema: String?
    /// A configuration (`.clmanifest.yml` text) to lint with, for rules that take settings; nil for none.
    public let configuration: String?

    /// Creates an example from text.
    public init(
        _ text: String, schema: String? = nil, configuration: String? = nil, file: StaticString = #fileID,
        line: UInt = #line
    ) {
        self.init(rawBytes: Array(text.utf8), schema: schema, configuration: configuration, file: file, line: line)
    }

    /// Creates an example from raw bytes, for input that a Swift string cannot hold (invalid UTF-8).
    public init(
        rawBytes: [UInt8], schema: String? = nil, configuration: String? = nil, file: StaticString = #fileID,
        line: UInt = #line
    ) {
        self.bytes = rawBytes
        self.schema = schema
        self.configuration = configuration
        self.file = file
        self.line = line
    }

    /// The example as text, with invalid bytes shown as U+FFFD (for documentation).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
