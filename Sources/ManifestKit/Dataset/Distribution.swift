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

    /// The summary of `values` (reordered in place), with a histogram over `edges`; numbers below the
    /// first edge go to the first bin.
    ///
    /// The percentiles are found by selection, not by sorting: linear time on millions of boxes.
    public init(_ values: inout [Double], edges: [Double]) {
        self.edges = edges
        counts = Array(repeating: 0, count: max(edges.count - 1, 0))
        guard !values.isEmpty else { return }
        count = values.count
        var sum = 0.0
        var (smallest, largest) = (values[0], values[0])
        var bins = counts
        let step = Self.evenStep(edges)
        values.withUnsafeBufferPointer { values in
            edges.withUnsafeBufferPointer { edges in
                for value in values {
                    sum += value
                    smallest = min(smallest, value)
                    largest = max(largest, value)
                    if !bins.isEmpty { bins[Self.bin(of: value, edges: edges, lower: edges[0], step: step)] += 1 }
                }
            }
        }
        (minimum, maximum, counts) = (smallest, largest, bins)
        mean = sum / Double(count)
        var squares = 0.0
        let mean = self.mean
        values.withUnsafeBufferPointer { values in
            for value in values { squares += (value - mean) * (value - mean) }
        }
        standardDeviation = (squares / Double(count)).squareRoot()
        let count = self.count
        percentiles = values.withUnsafeMutableBufferPointer { buffer in
            var lower = 0
            return Self.ranks.map { rank in
                let index = min(count - 1, max(0, Int((rank / 100 * Double(count)).rounded(.up)) - 1))
                // The ranks ascend: everything below the last one found is already at or below it.
                Self.select(index, in: buffer, from: lower)
                lower = index
                return buffer[index]
            }
        }
    }

    /// The bin of `value`: the last whose lower edge is at or below it (the first for smaller values).
    ///
    /// Edges evenly spaced from `lower` by `step` (``evenEdges(from:to:count:)``) give a first guess by
    /// division, corrected against the edges themselves (rounding may put it one off); others are searched.
    @inline(__always)
    private static func bin(
        of value: Double, edges: UnsafeBufferPointer<Double>, lower: Double, step: Double?
    ) -> Int {
        let last = edges.count - 2
        if let step {
            let guess = (value - lower) / step
            var bin = guess.isFinite ? Int(max(0, min(Double(last), guess.rounded(.down)))) : 0
            while bin < last, value >= edges[bin + 1] { bin += 1 }
            while bin > 0, value < edges[bin] { bin -= 1 }
            return bin
        }
        var low = 0
        var high = edges.count - 2
        while low < high {
            let middle = (low + high + 1) / 2
            if value >= edges[middle] { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Puts the element that belongs at `index` of the sorted buffer there, smaller ones before it and
    /// larger ones after (quickselect, median-of-three pivots), looking only at `from...`.
    private static func select(_ index: Int, in buffer: UnsafeMutableBufferPointer<Double>, from start: Int) {
        var low = start
        var high = buffer.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            let pivot = max(min(buffer[low], buffer[middle]), min(max(buffer[low], buffer[middle]), buffer[high]))
            var left = low
            var right = high
            while left <= right {
                while buffer[left] < pivot { left += 1 }
                while buffer[right] > pivot { right -= 1 }
                if left <= right {
                    buffer.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if index <= right {
                high = right
            } else if index >= left {
                low = left
            } else {
                return
            }
        }
    }

    /// The spacing of `edges` when they are evenly spaced (to a part in a million), else nil.
    private static func evenStep(_ edges: [Double]) -> Double? {
        guard edges.count >= 2 else { return nil }
        let step = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        guard step > 0 else { return nil }
        for index in 1..<edges.count where abs(edges[index] - edges[index - 1] - step) > step * 1e-6 { return nil }
        return step
    }

    /// An empty summary.
    public init() {}

    /// `count + 1` edges from `lower` to `upper`, evenly spaced.
    public static func evenEdges(from lower: Double, to upper: Double, count: Int) -> [Double] {
        (0...count).map { lower + (upper - lower) * Double($0) / Double(count) }
    }
}
