/// One line as a ``RecordRule`` sees it: as read (its bytes, length, byte order mark) and as parsed, with
/// what the record rules reported so far.
struct RecordCheck {
    /// The line as read; its bytes are valid only during the check.
    let record: LineRecord
    /// What the parser made of it.
    let parsed: ParsedLine
    /// The longest line the service accepts, in characters (``LintOptions/maxLineCharacters``).
    let maxLineCharacters: Int
    /// The findings, in the order they were made.
    fileprivate(set) var findings: [RecordFinding]
    /// How many findings of each rule the line has had: past ``LineFindingBudget/limit`` they are counted,
    /// not made.
    var budget = LineFindingBudget()
    /// Columns and pointers of the parsed line's nodes, made on first use.
    private var nodeLocator: JSONLocator?

    /// A check of `record`, appending to `findings` (a buffer reused from line to line).
    init(record: LineRecord, parsed: ParsedLine, maxLineCharacters: Int, findings: [RecordFinding]) {
        self.record = record
        self.parsed = parsed
        self.maxLineCharacters = maxLineCharacters
        self.findings = findings
    }

    /// The parsed value, when the line is JSON.
    var document: JSONDocument? {
        if case .document(let document) = parsed { return document }
        return nil
    }

    /// Reports a finding of `rule` at `place`, unless the line already has too many of that rule (the
    /// message is then not made).
    ///
    /// - Parameters:
    ///   - rule: the rule's description.
    ///   - place: where in the line.
    ///   - message: one sentence, lowercase, no final period.
    ///   - withSourceRef: whether the finding names the line's `source-ref` (when the line is an object that
    ///     has one).
    mutating func report(
        _ rule: RuleDescription, at place: RecordFinding.Place, message: @autoclosure () -> String,
        withSourceRef: Bool = true
    ) {
        guard budget.admit(rule) else { return }
        findings.append(RecordFinding(rule: rule, place: place, message: message(), withSourceRef: withSourceRef))
    }

    /// Reports the parser's error when it is of `category`, as `rule`, at the byte where it was found.
    mutating func reportParseError(_ category: JSONSyntaxError.Category, as rule: RuleDescription) {
        guard case .failed(let error) = parsed, error.category == category else { return }
        report(rule, at: .byte(error.offset), message: error.message)
    }

    /// Calls `body` with the locator of the parsed line's nodes (their columns and JSON Pointers); call
    /// only for a line that parsed.
    mutating func withLocator<Result>(_ body: (inout JSONLocator) -> Result) -> Result {
        guard var locator = nodeLocator ?? document.map(JSONLocator.init) else {
            preconditionFailure("RecordCheck.withLocator on a line that did not parse")
        }
        nodeLocator = nil  // Moved out while in use, so that its tables are not copied on write.
        defer { nodeLocator = locator }
        return body(&locator)
    }

    /// The 1-based column of `node` of the parsed line.
    mutating func column(of node: Int) -> Int {
        withLocator { $0.column(Int($0.document[node].start)) }
    }
}

/// A finding of a ``RecordRule``.
struct RecordFinding {
    /// Where in the line a finding is.
    enum Place {
        /// A 1-based column, in Unicode scalar values.
        case column(Int)
        /// The character that starts at this byte offset of the line.
        case byte(Int)
        /// A node of the parsed line: its column and JSON Pointer.
        case node(Int)
    }

    let rule: RuleDescription
    let place: Place
    let message: String
    /// Whether the finding names the line's `source-ref`.
    let withSourceRef: Bool
}
