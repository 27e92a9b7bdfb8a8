/// One enabled ``ManifestRule`` with its state, behind one type so that the index can hold rules of any
/// ``ManifestRule/State``.
class ManifestRuleBox {
    /// The rule in the box.
    let rule: any ManifestRule.Type

    init(rule: any ManifestRule.Type) {
        self.rule = rule
    }

    /// The events the rule wants.
    var events: ManifestEventKinds { [] }
    /// Whether the rule keeps a state of its own (it then observes every object line's facts).
    var isStateful: Bool { false }

    /// The box of `rule`, with a fresh state.
    static func make(_ rule: any ManifestRule.Type, options: LintOptions) -> ManifestRuleBox {
        func box<Checked: ManifestRule>(_ rule: Checked.Type) -> ManifestRuleBox {
            TypedManifestRuleBox(rule, options: options)
        }
        return box(rule)
    }

    /// A box of the same rule with a fresh state, for a part of a file.
    func fresh(options: LintOptions) -> ManifestRuleBox { Self.make(rule, options: options) }
    /// A box of the same rule with a copy of this one's state (an index kept at a point of the file).
    func copy(options: LintOptions) -> ManifestRuleBox { fresh(options: options) }
    /// Passes one object line's facts to the state.
    func observe(_ facts: ManifestLineFacts) {}
    /// Merges the state of `later`, a box of the same rule for the part that follows.
    func merge(_ later: ManifestRuleBox, lineOffset: Int) {}
    /// The rule's findings on an event.
    func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {}
    /// The rule's findings on the whole manifest.
    func finish(_ totals: ManifestTotals, into findings: inout [ManifestFinding]) {}
}

/// The box of one rule type.
private final class TypedManifestRuleBox<Checked: ManifestRule>: ManifestRuleBox {
    private var state: Checked.State

    init(_ rule: Checked.Type, options: LintOptions) {
        state = Checked.State(options: options)
        super.init(rule: rule)
    }

    override func copy(options: LintOptions) -> ManifestRuleBox {
        let box = TypedManifestRuleBox(Checked.self, options: options)
        box.state = state
        return box
    }

    override var events: ManifestEventKinds { Checked.events }
    override var isStateful: Bool { Checked.State.self != NoManifestState.self }

    override func observe(_ facts: ManifestLineFacts) {
        state.observe(facts)
    }

    override func merge(_ later: ManifestRuleBox, lineOffset: Int) {
        guard let later = later as? TypedManifestRuleBox<Checked> else {
            preconditionFailure("ManifestRuleBox.merge with a box of another rule")
        }
        state.merge(later.state, lineOffset: lineOffset)
    }

    override func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {
        Checked.check(event, into: &findings)
    }

    override func finish(_ totals: ManifestTotals, into findings: inout [ManifestFinding]) {
        Checked.finish(totals, state: state, into: &findings)
    }
}
