/// A piece of manifest text used as a rule's documentation and test.
///
/// In a triggering example, each `↓` marks where a finding must be reported: the line and column of the
/// character that follows the marker. An example that ends without a newline is linted as is.
///
/// Its text is made when it is read, not when the rule's description is: some examples are hundreds of
/// thousands of lines, and a lint run reads every rule's description but no example.
public struct Example: Sendable {
    /// The manifest bytes, with `↓` markers (UTF-8 `E2 86 93`).
    public var bytes: [UInt8] { make() }
    private let make: @Sendable () -> [UInt8]
    /// The file that declared the example, for test failures.
    public let file: StaticString
    /// The line that declared the example, for test failures.
    public let line: UInt
    /// A user schema (YAML) to lint with, as `--schema example.yaml` would; nil for the bundled schemas only.
    public let schema: String?
    /// A configuration (`.clmanifest.yml` text) to lint with, for rules that take settings; nil for none.
    public let configuration: String?
    /// Which of the rule's ``RuleDescription/conditions`` this example shows.
    ///
    /// For a triggering example, the one it meets; for a non-triggering one, the one it just misses (a near
    /// miss). Nil for a general non-triggering example.
    public let condition: String?
    /// Image files the example needs (rules of `lint --images`), under the prefix `s3://bucket/`.
    public let images: [ExampleImage]
    /// The test manifest, for the dataset rules (CL7xx) that compare a training and a test manifest.
    ///
    /// Its `↓` markers are where findings in it must be. Nil for none.
    public let test: String?

    /// Creates an example from text.
    public init(
        _ text: @autoclosure @escaping @Sendable () -> String, condition: String? = nil, schema: String? = nil,
        configuration: String? = nil, images: [ExampleImage] = [], test: String? = nil,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        self.init(
            rawBytes: Array(text().utf8), condition: condition, schema: schema, configuration: configuration,
            images: images, test: test, file: file, line: line)
    }

    /// Creates an example from raw bytes, for input that a Swift string cannot hold (invalid UTF-8).
    public init(
        rawBytes: @autoclosure @escaping @Sendable () -> [UInt8], condition: String? = nil, schema: String? = nil,
        configuration: String? = nil, images: [ExampleImage] = [], test: String? = nil,
        file: StaticString = #fileID, line: UInt = #line
    ) {
        self.make = rawBytes
        self.test = test
        self.condition = condition
        self.schema = schema
        self.configuration = configuration
        self.images = images
        self.file = file
        self.line = line
    }

    /// The example as text, with invalid bytes shown as U+FFFD (for documentation).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
