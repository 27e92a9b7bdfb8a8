/// A summary of many numbers: count, extremes, mean, standard deviation, quartiles and a histogram.
public struct Distribution: Sendable, Equatable {
    /// How many numbers.
    public var count = 0
    /// The smallest number.
    public var minimum = 0.0
    /// The largest number.
    public var maximum = 0.0
    /// The arithmetic mean.
    public var mean = 0.0
    /// The population standard deviation.
    public var standardDeviation = 0.0
    /// The 5th, 25th, 50th, 75th and 95th percentiles (nearest rank).
    public var percentiles: [Double] = []
    /// The histogram: `edges` has one more element than `counts`; bin `i` holds the numbers in
    /// `edges[i] ..< edges[i + 1]`, the last bin also its upper edge and everything above it.
    public var edges: [Double] = []
    /// How many numbers each bin holds.
    public var counts: [Int] = []

    /// The percentiles ``percentiles`` holds.
    public static let ranks = [5.0, 25, 50, 75, 95]

    /// The summary of `values` (sorted in place), with a histogram over `edges`; numbers below the first
    /// edge go to the first bin.
    public init(_ values: inout [Double], edges: [Double]) {
        self.edges = edges
        counts = Array(repeating: 0, count: max(edges.count - 1, 0))
        guard !values.isEmpty else { return }
        values.sort()
        count = values.count
        minimum = values[0]
        maximum = values[values.count - 1]
        var sum = 0.0
        for value in values { sum += value }
        mean = sum / Double(count)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        standardDeviation = (squares / Double(count)).squareRoot()
        percentiles = Self.ranks.map { rank in
            values[min(count - 1, max(0, Int((rank / 100 * Double(count)).rounded(.up)) - 1))]
        }
        guard !counts.isEmpty else { return }
        var bin = 0
        for value in values {
            while bin + 1 < counts.count, value >= edges[bin + 1] { bin += 1 }
            counts[bin] += 1
        }
    }

    /// An empty summary.
    public init() {}

    /// `count + 1` edges from `lower` to `upper`, evenly spaced.
    public static func evenEdges(from lower: Double, to upper: Double, count: Int) -> [Double] {
        (0...count).map { lower + (upper - lower) * Double($0) / Double(count) }
    }
}
