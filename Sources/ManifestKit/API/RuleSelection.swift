/// Which rules run and how severe their findings are, decided before a manifest is read.
///
/// A rule is enabled when `select` is empty or one of its prefixes starts the rule's code, and no prefix
/// of `ignore` does; a disabled rule does not run at all, so its findings neither print nor count toward
/// the service's 20% (CL408) or the summary. A severity set for a code or prefix (the most specific wins)
/// replaces the rule's own when the finding is made.
///
/// ```swift
/// let selection = RuleSelection(ignore: ["CL311"], severities: ["CL209": .error])
/// let linter = ManifestLinter(selection: selection)
/// ```
public struct RuleSelection: Sendable, Hashable {
    /// Codes or prefixes to run; empty means every rule.
    public var select: [String]
    /// Codes or prefixes not to run.
    public var ignore: [String]
    /// Severities replacing the rules' own, by code or prefix.
    public var severities: [String: Severity]

    /// A selection; the defaults run every rule at its own severity.
    public init(select: [String] = [], ignore: [String] = [], severities: [String: Severity] = [:]) {
        self.select = select
        self.ignore = ignore
        self.severities = severities
    }

    /// Every rule at its own severity.
    public static let all = RuleSelection()

    /// Whether the rule with `code` runs.
    public func isEnabled(_ code: String) -> Bool {
        (select.isEmpty || select.contains { code.hasPrefix($0) }) && !ignore.contains { code.hasPrefix($0) }
    }

    /// The severity set for the rule with `code`, if any (the longest matching code or prefix).
    public func severity(for code: String) -> Severity? {
        severities.filter { code.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
    }

    /// Whether this selection leaves some rule out (the summary then says its counts are of the selected
    /// rules only).
    public var isPartial: Bool {
        RuleRegistry.all.contains { !isEnabled($0.description.code) }
    }
}
