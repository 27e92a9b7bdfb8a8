/// Turns diagnostics into text in one output format.
public protocol Reporter: Sendable {
    /// The name users pass to `--format`.
    static var identifier: String { get }
    /// Whether people read this format (a summary then goes to standard error).
    static var isHumanReadable: Bool { get }
    /// The rendered report; empty when there are no diagnostics. Each diagnostic ends with a newline.
    func render(_ diagnostics: [Diagnostic]) -> String
    /// The report of a whole run, with the files checked and those that could not be.
    func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String
}

/// What a report needs to know about the run besides its findings: which files were checked, which could
/// not be read, and whether warnings fail the run (`--strict`).
public struct ReportContext: Sendable {
    /// A file that could not be checked, and why (one sentence, lowercase).
    public struct Failure: Sendable, Equatable {
        /// The path as given.
        public var file: String
        /// Why it could not be checked.
        public var message: String

        /// Creates a failure.
        public init(file: String, message: String) {
            self.file = file
            self.message = message
        }
    }

    /// The files checked, in the order given (names as reported).
    public var files: [String]
    /// The files that could not be checked.
    public var failures: [Failure]
    /// Whether warnings fail the run, as errors do.
    public var strict: Bool

    /// Creates a context.
    public init(files: [String] = [], failures: [Failure] = [], strict: Bool = false) {
        self.files = files
        self.failures = failures
        self.strict = strict
    }
}

extension Reporter {
    /// The report of a run: by default the findings alone; reporters whose format records files or run
    /// outcomes (JUnit, SARIF) use the context too.
    public func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        render(diagnostics)
    }
}
