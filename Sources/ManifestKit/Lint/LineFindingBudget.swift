/// At most ``limit`` findings of one rule on one line; past it, one finding says how many were left out.
///
/// A hostile line (an object of a million repeated keys) would otherwise make a million findings, and
/// the memory to hold them; nobody reads past the first few hundred of one kind on one line.
struct LineFindingBudget {
    /// The findings of one rule kept per line.
    static let limit = 1000

    /// Each rule with findings on the line and how many (a line has findings of few rules: a list is faster
    /// than a table).
    private var counts: [(rule: RuleDescription, count: Int)] = []

    /// Whether another finding of `rule` on this line is kept; counts it either way.
    mutating func admit(_ rule: RuleDescription) -> Bool {
        guard let index = counts.firstIndex(where: { $0.rule === rule }) else {
            counts.append((rule, 1))
            return true
        }
        counts[index].count += 1
        return counts[index].count <= Self.limit
    }

    /// One finding per rule that went over the limit, at the start of the line.
    func summaries(rules: RuleSet, file: String, line: Int, sourceRef: String?) -> [Diagnostic] {
        counts.filter { $0.count > Self.limit }.map { rule, count in
            rules.diagnostic(
                rule, file: file, line: line, column: 1,
                message: "\(Count.phrase(count - Self.limit, "more finding")) of this rule on this line not shown "
                    + "(at most \(Count.grouped(Self.limit)) a line)",
                sourceRef: sourceRef)
        }
    }
}
