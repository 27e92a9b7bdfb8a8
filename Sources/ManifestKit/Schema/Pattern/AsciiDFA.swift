/// A complete, read-only DFA over ASCII input (state 0 is the start), shared without a lock.
///
/// The automaton owns one block of memory that ``Table`` reads through plain pointers, so a validator can
/// keep the table in its plain-data schema nodes and run it without touching a reference count.
final class AsciiDFA: Sendable {
    /// The most states built up front; larger automata stay lazy.
    static let maxStates = 512
    /// The largest NFA whose DFA is built up front.
    static let maxNFAStates = 256

    /// The automaton as pointers into memory owned by an ``AsciiDFA``.
    struct Table: @unchecked Sendable {
        /// `entries[state << 8 | byte]`: the next state, with ``stopBit`` set when the answer is then known
        /// (matched or dead); ``nonASCII`` for bytes from 0x80.
        let entries: UnsafePointer<UInt16>
        /// Per state: ``matchFlag``, ``endFlag``, ``skipFlag``.
        let flags: UnsafePointer<UInt8>
        /// Per state with ``skipFlag``: the two bytes (the same byte twice when there is one) that leave it;
        /// every other ASCII byte stays in it.
        let exits: UnsafePointer<UInt64>

        static let stopBit: UInt16 = 0x8000
        static let nonASCII: UInt16 = 0xFFFF
        static let matchFlag: UInt8 = 1
        static let endFlag: UInt8 = 2
        static let skipFlag: UInt8 = 4

        /// Whether the pattern matches somewhere in `bytes`, or nil when they are not all ASCII.
        @inline(__always)
        func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
            guard let base = bytes.baseAddress else { return flags[0] & (Self.matchFlag | Self.endFlag) != 0 }
            let count = bytes.count
            var state = 0
            var position = 0
            if flags[0] & Self.matchFlag != 0 { return true }
            while position < count {
                if flags[state] & Self.skipFlag != 0 {
                    position = Self.skip(base, from: position, count: count, exits: exits[state])
                    if position == count { break }
                }
                let entry = entries[state &<< 8 | Int(base[position])]
                position &+= 1
                if entry & Self.stopBit != 0 {
                    if entry == Self.nonASCII { return nil }
                    return flags[Int(entry & ~Self.stopBit)] & Self.matchFlag != 0
                }
                state = Int(entry)
            }
            return flags[state] & (Self.matchFlag | Self.endFlag) != 0
        }

        /// The first position from `position` holding a byte of `exits` or a non-ASCII byte, eight bytes at a
        /// time (a found word is finished byte by byte, so false alarms in it cost nothing but time).
        @inline(__always)
        private static func skip(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, exits: UInt64) -> Int {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let first = (exits & 0xFF) &* ones
            let second = (exits >> 8 & 0xFF) &* ones
            var position = start
            while position &+ 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let x = word ^ first
                let y = word ^ second
                let found = ((x &- ones) & ~x | (y &- ones) & ~y | word) & highs
                if found != 0 { return position &+ found.trailingZeroBitCount >> 3 }
                position &+= 8
            }
            while position < count {
                let byte = UInt64(base[position])
                if byte >= 0x80 || byte == exits & 0xFF || byte == exits >> 8 & 0xFF { return position }
                position &+= 1
            }
            return count
        }
    }

    let table: Table

    /// Builds the table from `transitions[state * 128 + byte]` and per-state facts.
    init(transitions: [UInt16], isMatch: [Bool], isDead: [Bool], acceptsAtEnd: [Bool]) {
        let states = isMatch.count
        let entries = UnsafeMutablePointer<UInt16>.allocate(capacity: states * 256)
        let flags = UnsafeMutablePointer<UInt8>.allocate(capacity: states)
        let exits = UnsafeMutablePointer<UInt64>.allocate(capacity: states)
        for state in 0..<states {
            var leaving: [UInt8] = []
            for byte in 0..<256 {
                guard byte < 128 else {
                    entries[state * 256 + byte] = Table.nonASCII
                    continue
                }
                let next = transitions[state * 128 + byte]
                let stops = isMatch[Int(next)] || isDead[Int(next)]
                entries[state * 256 + byte] = next | (stops ? Table.stopBit : 0)
                if Int(next) != state { leaving.append(UInt8(byte)) }
            }
            var flag: UInt8 = 0
            if isMatch[state] { flag |= Table.matchFlag }
            if acceptsAtEnd[state] { flag |= Table.endFlag }
            // A state that most bytes leave unchanged is crossed a word at a time.
            if (1...2).contains(leaving.count) && !isMatch[state] && !isDead[state] {
                flag |= Table.skipFlag
                exits[state] = UInt64(leaving[0]) | UInt64(leaving[leaving.count - 1]) << 8
            } else {
                exits[state] = 0
            }
            flags[state] = flag
        }
        table = Table(entries: entries, flags: flags, exits: exits)
    }

    deinit {
        UnsafeMutablePointer(mutating: table.entries).deallocate()
        UnsafeMutablePointer(mutating: table.flags).deallocate()
        UnsafeMutablePointer(mutating: table.exits).deallocate()
    }
}
