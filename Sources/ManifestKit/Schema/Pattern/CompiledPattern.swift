import Synchronization

/// A JSON Schema `pattern`, compiled once and matched in time linear in the input.
///
/// The pattern becomes a Thompson NFA, which is turned into DFA states lazily as inputs need them
/// (at most one new state per input scalar, a bounded cache), so there is no catastrophic backtracking.
/// Matching is a search, as JSON Schema requires: `b` matches `abc`; anchor with `^…$`.
///
/// ```swift
/// let pattern = try CompiledPattern("^s3://[a-z0-9.-]+/.+$")
/// pattern.matches("s3://bucket/key.jpg")   // true
/// ```
public final class CompiledPattern: Sendable {
    /// The pattern as written.
    public let source: String
    private let nfa: PatternNFA
    private let automaton: Mutex<LazyDFA>
    /// The complete DFA over ASCII, built up front when it is small: matching ASCII text then reads it
    /// without a lock; other text goes through the lazy automaton.
    private let ascii: AsciiDFA?

    /// The prebuilt ASCII automaton's table, when there is one; valid as long as this pattern lives.
    var asciiTable: AsciiDFA.Table? { ascii?.table }

    /// Compiles `pattern`.
    ///
    /// - Throws: ``RegexSyntaxError``-based ``PatternError`` for syntax errors and unsupported features.
    public init(_ pattern: String) throws(PatternError) {
        source = pattern
        do throws(RegexSyntaxError) {
            var parser = RegexParser(pattern)
            nfa = try PatternNFA(parser.parse())
        } catch {
            throw PatternError(pattern: pattern, message: error.message)
        }
        var lazy = LazyDFA(nfa: nfa)
        // Building every state costs up to maxStates × 128 NFA closures: only for small patterns.
        ascii = nfa.states.count <= AsciiDFA.maxNFAStates ? lazy.exploreASCII(nfa: nfa, limit: AsciiDFA.maxStates) : nil
        automaton = Mutex(lazy)
    }

    /// Whether the pattern matches somewhere in `string`.
    public func matches(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { matches(utf8: $0) }
    }

    /// Whether the pattern matches somewhere in the UTF-8 text `utf8`.
    public func matches(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        if let ascii, let answer = ascii.table.run(utf8) { return answer }
        return automaton.withLock { dfa in dfa.run(utf8, nfa: nfa) }
    }
}

/// A pattern that cannot be compiled, and why.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public var pattern: String
    /// One sentence, lowercase, no final period.
    public var message: String

    /// `pattern '…': message`.
    public var description: String { "pattern '\(pattern)': \(message)" }
}

/// DFA states built on demand from the NFA's state sets.
struct LazyDFA: Sendable {
    /// The most DFA states kept before the cache is emptied and rebuilt.
    static let maxStates = 4096

    private var sets: [[Int32]] = []
    private var isMatch: [Bool] = []
    private var isDead: [Bool] = []
    /// `isMatch || isDead` for each state: where the fast scan must stop.
    private var stops: [Bool] = []
    private var acceptsAtEnd: [Bool] = []
    /// `ascii[state * 128 + scalar]`: the next state, or -1 when not computed yet.
    private var ascii: [Int32] = []
    private var other: [[UInt32: Int32]] = []
    private var index: [[Int32]: Int32] = [:]
    private var initial: Int32 = 0
    private var marks: [UInt32]
    private var generation: UInt32 = 0
    private var resets = 0

    init(nfa: PatternNFA) {
        marks = Array(repeating: 0, count: nfa.states.count)
        reset(nfa: nfa)
    }

    private mutating func reset(nfa: PatternNFA) {
        sets = []
        isMatch = []
        isDead = []
        stops = []
        acceptsAtEnd = []
        ascii = []
        other = []
        index = [:]
        let (set, matched) = closure(seeds: [nfa.start], atStart: true, atEnd: false, nfa: nfa)
        initial = addState(set, matched: matched, isInitial: true, nfa: nfa)
    }

    /// Builds every state reachable from the start on ASCII input; nil when there are more than `limit`.
    mutating func exploreASCII(nfa: PatternNFA, limit: Int) -> AsciiDFA? {
        var queue: [Int32] = [initial]
        var queued: Set<Int32> = [initial]
        var transitions: [UInt16] = []
        var visited = 0
        while visited < queue.count {
            let state = queue[visited]
            visited += 1
            guard sets.count <= limit, resets == 0 else { return nil }
            for byte in 0..<128 {
                let known = ascii[Int(state) * 128 + byte]
                let next = known >= 0 ? known : step(from: state, scalar: UInt32(byte), nfa: nfa)
                guard resets == 0, sets.count <= limit else { return nil }
                ascii[Int(state) * 128 + byte] = next
                if queued.insert(next).inserted { queue.append(next) }
            }
        }
        // Renumber in discovery order, so the table needs no gaps.
        var number = [Int32: UInt16]()
        for (position, state) in queue.enumerated() { number[state] = UInt16(position) }
        for state in queue {
            for byte in 0..<128 {
                transitions.append(number[ascii[Int(state) * 128 + byte]] ?? 0)
            }
        }
        return AsciiDFA(
            transitions: transitions, isMatch: queue.map { isMatch[Int($0)] }, isDead: queue.map { isDead[Int($0)] },
            acceptsAtEnd: queue.map { acceptsAtEnd[Int($0)] })
    }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, nfa: PatternNFA) -> Bool {
        var state = initial
        var position = 0
        let count = bytes.count
        while position < count {
            // Fast path: follow known ASCII transitions until something needs attention.
            (state, position) = scanKnown(bytes, from: state, at: position)
            guard position < count else { break }
            let current = Int(state)
            if isMatch[current] { return true }
            if isDead[current] { return false }
            let byte = bytes[position]
            if byte < 0x80 {
                position += 1
                var next = ascii[current * 128 + Int(byte)]
                if next < 0 {
                    let before = resets
                    next = step(from: state, scalar: UInt32(byte), nfa: nfa)
                    if resets == before { ascii[current * 128 + Int(byte)] = next }
                }
                state = next
            } else {
                let (scalar, length) = Self.decode(bytes, at: position)
                position += length
                if let next = other[current][scalar] {
                    state = next
                } else {
                    let before = resets
                    let next = step(from: state, scalar: scalar, nfa: nfa)
                    if resets == before { other[current][scalar] = next }
                    state = next
                }
            }
        }
        return isMatch[Int(state)] || acceptsAtEnd[Int(state)]
    }

    /// Follows cached ASCII transitions from `state` while the state is neither matching nor dead.
    ///
    /// - Returns: the state and position where a match, a dead state, a non-ASCII byte or an unknown
    ///   transition stops the scan, or the end of the input.
    private func scanKnown(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int32, at offset: Int) -> (Int32, Int) {
        var state = start
        var position = offset
        let count = bytes.count
        ascii.withUnsafeBufferPointer { table in
            stops.withUnsafeBufferPointer { stop in
                while position < count {
                    let current = Int(state)
                    let byte = bytes[position]
                    if stop[current] || byte >= 0x80 { return }
                    let next = table[current &* 128 &+ Int(byte)]
                    if next < 0 { return }
                    state = next
                    position += 1
                }
            }
        }
        return (state, position)
    }

    /// The state after `scalar` from `state`, building it if needed.
    private mutating func step(from state: Int32, scalar: UInt32, nfa: PatternNFA) -> Int32 {
        var seeds: [Int] = []
        for nfaState in sets[Int(state)] {
            if case .consume(let classIndex, let next) = nfa.states[Int(nfaState)],
                nfa.classes[classIndex].contains(scalar)
            {
                seeds.append(next)
            }
        }
        seeds.append(nfa.start)  // A match may begin at any position.
        let (set, matched) = closure(seeds: seeds, atStart: false, atEnd: false, nfa: nfa)
        if let known = index[set] { return known }
        if sets.count >= Self.maxStates {
            // Keep memory bounded: forget every state and start again; `resets` tells the caller not to
            // record this transition under a state number that now means something else.
            reset(nfa: nfa)
            resets &+= 1
        }
        return addState(set, matched: matched, isInitial: false, nfa: nfa)
    }

    private mutating func addState(_ set: [Int32], matched: Bool, isInitial: Bool, nfa: PatternNFA) -> Int32 {
        let id = Int32(sets.count)
        sets.append(set)
        isMatch.append(matched)
        isDead.append(set.isEmpty)
        stops.append(set.isEmpty || matched)
        var endSeeds: [Int] = []
        for nfaState in set {
            if case .endAnchor(let next) = nfa.states[Int(nfaState)] { endSeeds.append(next) }
        }
        let atEnd = !endSeeds.isEmpty && closure(seeds: endSeeds, atStart: isInitial, atEnd: true, nfa: nfa).matched
        acceptsAtEnd.append(atEnd)
        ascii.append(contentsOf: repeatElement(-1, count: 128))
        other.append([:])
        index[set] = id
        return id
    }

    /// The consuming and end-anchor states reachable from `seeds` without consuming input.
    private mutating func closure(seeds: [Int], atStart: Bool, atEnd: Bool, nfa: PatternNFA)
        -> (set: [Int32], matched: Bool)
    {
        generation &+= 1
        if generation == 0 {
            marks = Array(repeating: 0, count: marks.count)
            generation = 1
        }
        var stack = seeds
        var set: [Int32] = []
        var matched = false
        while let state = stack.popLast() {
            if marks[state] == generation { continue }
            marks[state] = generation
            switch nfa.states[state] {
            case .consume:
                set.append(Int32(state))
            case .fork(let first, let second):
                stack.append(second)
                stack.append(first)
            case .startAnchor(let next):
                if atStart { stack.append(next) }
            case .endAnchor(let next):
                if atEnd { stack.append(next) } else { set.append(Int32(state)) }
            case .match:
                // The match state (always state 0) is part of the set, so that sets differing only in
                // having matched are different DFA states.
                matched = true
                set.append(Int32(state))
            }
        }
        set.sort()
        return (set, matched)
    }

    /// Decodes the UTF-8 scalar at `position`; an invalid byte decodes as U+FFFD and is skipped alone.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (UInt32, Int) {
        guard let base = bytes.baseAddress,
            let length = UTF8Validation.sequenceLength(base, at: position, count: bytes.count)
        else { return (0xFFFD, 1) }
        var value = UInt32(bytes[position]) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
        return (value, length)
    }
}
