/// A Thompson NFA for a parsed pattern: states that consume one scalar, forks, anchors and the match.
struct PatternNFA: Sendable {
    enum State: Sendable {
        /// Consumes one scalar in `classes[classIndex]`, then goes to `next`.
        case consume(classIndex: Int, next: Int)
        /// Goes to both states without consuming.
        case fork(Int, Int)
        /// Passes only at the start of the input (`^`).
        case startAnchor(next: Int)
        /// Passes only at the end of the input (`$`).
        case endAnchor(next: Int)
        /// The pattern has matched.
        case match
    }

    /// The most states a pattern may compile to (counted repetitions copy their body).
    static let maxStates = 20_000

    private(set) var states: [State] = [.match]
    private(set) var classes: [ScalarClass] = []
    /// The state where matching begins.
    private(set) var start = 0

    /// Compiles `syntax`.
    init(_ syntax: RegexSyntax) throws(RegexSyntaxError) {
        start = try compile(syntax, next: 0)
    }

    /// Adds the states for `syntax`, continuing at `next`; returns the entry state.
    private mutating func compile(_ syntax: RegexSyntax, next: Int) throws(RegexSyntaxError) -> Int {
        guard states.count < Self.maxStates else {
            throw RegexSyntaxError(message: "pattern is too large (over \(Self.maxStates) states)")
        }
        switch syntax {
        case .empty:
            return next
        case .scalars(let set):
            let classIndex =
                classes.firstIndex(of: set)
                ?? {
                    classes.append(set)
                    return classes.count - 1
                }()
            return append(.consume(classIndex: classIndex, next: next))
        case .sequence(let items):
            var entry = next
            for item in items.reversed() { entry = try compile(item, next: entry) }
            return entry
        case .alternatives(let branches):
            var entries: [Int] = []
            for branch in branches { entries.append(try compile(branch, next: next)) }
            var entry = entries[entries.count - 1]
            for branchEntry in entries.dropLast().reversed() { entry = append(.fork(branchEntry, entry)) }
            return entry
        case .repetition(let body, let minimum, let maximum):
            var entry = next
            if let maximum {
                // Optional copies, innermost first: x{0,2} is (x(x)?)?.
                for _ in 0..<(maximum - minimum) {
                    let bodyEntry = try compile(body, next: entry)
                    entry = append(.fork(bodyEntry, next))
                }
            } else {
                // A loop: the fork is created first so the body can jump back to it.
                let loop = append(.fork(0, 0))
                let bodyEntry = try compile(body, next: loop)
                states[loop] = .fork(bodyEntry, entry)
                entry = loop
            }
            for _ in 0..<minimum { entry = try compile(body, next: entry) }
            return entry
        case .startAnchor:
            return append(.startAnchor(next: next))
        case .endAnchor:
            return append(.endAnchor(next: next))
        }
    }

    private mutating func append(_ state: State) -> Int {
        states.append(state)
        return states.count - 1
    }
}
