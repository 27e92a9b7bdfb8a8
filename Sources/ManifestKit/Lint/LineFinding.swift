/// A finding of a line rule: which rule, at which node, and what to say.
struct LineFinding {
    let rule: RuleDescription
    /// The node the finding points at (its position gives line and column, its path the JSON Pointer).
    let node: Int
    let message: String
    /// A severity other than the rule's default, for findings whose service behaviour is undocumented.
    var severity: Severity?
}
