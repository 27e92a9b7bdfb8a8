import ManifestKit
import Testing

/// The percentiles found by selection are those of the sorted numbers (nearest rank), and the histogram
/// counts what a plain count does, on random numbers with many repeats.
@Suite struct DistributionTests {
    @Test(arguments: [1, 2, 3, 10, 97, 1000, 5000])
    func percentilesAndBinsMatchASortedCount(size: Int) {
        var generator = SeededGenerator(seed: UInt64(size))
        // Even edges (bins found by division) and uneven ones (by search), numbers on and between edges.
        for (distinct, edges) in [
            (2, Distribution.evenEdges(from: 0, to: 20, count: 8)), (50, [0, 0.25, 0.5, 1, 1.5, 3, 4.5, 6, 10]),
            (100_000, Distribution.evenEdges(from: 0, to: 20, count: 8)),
            (300, Distribution.evenEdges(from: 0.5, to: 2, count: 8)),
        ] {
            let values = (0..<size).map { _ in Double(generator.below(distinct)) / 10 }
            var copy = values
            let distribution = Distribution(&copy, edges: edges)
            let sorted = values.sorted()
            let expected = Distribution.ranks.map { rank in
                sorted[min(size - 1, max(0, Int((rank / 100 * Double(size)).rounded(.up)) - 1))]
            }
            #expect(distribution.percentiles == expected)
            #expect(distribution.minimum == sorted.first && distribution.maximum == sorted.last)
            #expect(copy.sorted() == sorted, "the numbers are only reordered")
            var counts = [Int](repeating: 0, count: 8)
            for value in values {
                let bin = (0..<8).last { value >= edges[$0] } ?? 0
                counts[bin] += 1
            }
            #expect(distribution.counts == counts)
        }
    }
}
