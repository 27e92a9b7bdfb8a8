/// A random number generator that gives the same numbers for the same seed on every machine and Swift
/// version (SplitMix64), for results that must be reproducible byte for byte.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), by rejection so that every value is equally likely.
    public mutating func below(_ bound: Int) -> Int {
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// `items` in an order drawn from the generator (Fisher–Yates, from the end).
    public mutating func shuffled<Element>(_ items: [Element]) -> [Element] {
        var items = items
        var index = items.count - 1
        while index > 0 {
            items.swapAt(index, below(index + 1))
            index -= 1
        }
        return items
    }
}
