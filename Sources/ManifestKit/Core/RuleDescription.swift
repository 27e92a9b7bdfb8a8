/// Everything a rule says about itself: the data behind `clmanifest rules`, `explain` and the rule example tests.
public final class RuleDescription: Sendable {
    /// The stable code, a `CL` prefix and three digits; never reused.
    public let code: String
    /// The kebab-case name of the bad pattern, such as `invalid-json`.
    public let name: String
    /// The service code this rule predicts, or nil where the service documents none.
    public let mirrors: ServiceErrorCode?
    /// The default severity.
    public let severity: Severity
    /// One line saying what the rule finds.
    public let summary: String
    /// Why it matters: what the service does with such a line.
    public let rationale: String
    /// An imperative fix hint, printed as `help:`.
    public let fix: String
    /// What an error of this rule leaves unusable, for the rules that weigh a line's errors.
    public let errorScope: ErrorScope
    /// When the rule reports, one case each (such as "top is negative"): each has a triggering example and a
    /// near-miss non-triggering example that name it (``Example/condition``), which the tests check.
    public let conditions: [String]
    /// Manifest text that must produce this rule's findings exactly at the `↓` markers.
    public let triggeringExamples: [Example]
    /// Manifest text that must not produce this rule's findings.
    public let nonTriggeringExamples: [Example]

    /// Creates a rule description.
    public init(
        code: String, name: String, mirrors: ServiceErrorCode?, severity: Severity, summary: String,
        rationale: String, fix: String, errorScope: ErrorScope = .line, conditions: [String],
        triggeringExamples: [Example], nonTriggeringExamples: [Example]
    ) {
        self.code = code
        self.name = name
        self.mirrors = mirrors
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.fix = fix
        self.errorScope = errorScope
        self.conditions = conditions
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
