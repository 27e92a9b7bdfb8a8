/// Which fixes `fix` applies.
///
/// Safe ones of every fixable rule by default; unsafe ones when asked; never display-only ones. `fixable` and `unfixable` name codes or prefixes, as `select` and `ignore` do.
///
/// ```swift
/// let policy = FixPolicy(unsafeFixes: true, unfixable: ["CL401"])
/// ```
public struct FixPolicy: Sendable, Hashable {
    /// Whether unsafe fixes are applied too.
    public var unsafeFixes: Bool
    /// Codes or prefixes whose fixes may be applied; empty means every rule's.
    public var fixable: [String]
    /// Codes or prefixes whose fixes are never applied.
    public var unfixable: [String]

    /// A policy; the defaults apply every safe fix.
    public init(unsafeFixes: Bool = false, fixable: [String] = [], unfixable: [String] = []) {
        self.unsafeFixes = unsafeFixes
        self.fixable = fixable
        self.unfixable = unfixable
    }

    /// Whether the rule with `code` may fix.
    public func mayFix(_ code: String) -> Bool {
        (fixable.isEmpty || fixable.contains { code.hasPrefix($0) }) && !unfixable.contains { code.hasPrefix($0) }
    }

    /// Whether `diagnostic`'s fix is applied.
    public func applies(_ diagnostic: Diagnostic) -> Bool {
        guard let fix = diagnostic.fix, !fix.edits.isEmpty, mayFix(diagnostic.code) else { return false }
        switch fix.applicability {
        case .safe: return true
        case .unsafe: return unsafeFixes
        case .displayOnly: return false
        }
    }

    /// Whether `diagnostic` has a fix this policy leaves out only because it is unsafe.
    public func needsUnsafeFixes(_ diagnostic: Diagnostic) -> Bool {
        guard !unsafeFixes, let fix = diagnostic.fix, fix.applicability == .unsafe, !fix.edits.isEmpty else {
            return false
        }
        return mayFix(diagnostic.code)
    }
}
