/// At most ``limit`` findings of one rule on one line; past it, one finding says how many were left out.
///
/// A hostile line (an object of a million repeated keys) would otherwise make a million findings, and
/// the memory to hold them; nobody reads past the first few hundred of one kind on one line.
struct LineFindingBudget {
    /// The findings of one rule kept per line.
    static let limit = 1000

    private var counts: [String: Int] = [:]
    private var overflow: [(rule: RuleDescription, count: Int)] = []

    /// Whether another finding of `rule` on this line is kept; counts it either way.
    mutating func admit(_ rule: RuleDescription) -> Bool {
        let count = counts[rule.code, default: 0] + 1
        counts[rule.code] = count
        guard count > Self.limit else { return true }
        if let index = overflow.firstIndex(where: { $0.rule.code == rule.code }) {
            overflow[index].count += 1
        } else {
            overflow.append((rule, 1))
        }
        return false
    }

    /// One finding per rule that went over the limit, at the start of the line.
    func summaries(file: String, line: Int, sourceRef: String?) -> [Diagnostic] {
        overflow.map { rule, count in
            rule.diagnostic(
                file: file, line: line, column: 1,
                message: "\(Count.phrase(count, "more finding")) of this rule on this line not shown "
                    + "(at most \(Count.grouped(Self.limit)) a line)",
                sourceRef: sourceRef)
        }
    }
}
