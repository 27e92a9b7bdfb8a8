/// The exit codes scripts rely on (README, "Exit codes").
enum ExitStatus {
    /// No error-severity finding.
    static let clean: Int32 = 0
    /// At least one error-severity finding.
    static let findings: Int32 = 1
    /// Could not run: bad arguments, an unreadable file, an internal error.
    static let couldNotRun: Int32 = 2
    /// `upload` stopped part-way; running it again resumes.
    static let uploadIncomplete: Int32 = 3
}
