/// Splits items that carry labels into a training and a test set, stratified by label and aware of items
/// with several labels (iterative stratification, Sechidis, Tsoumakas and Vlahavas, 2011), reproducibly.
///
/// Each label's items are shared between the sets in proportion to the test fraction; items with the
/// rarest labels are placed first, each in the set that still wants most of that label. Afterwards every
/// label on at least two items is made to appear in both sets, by moving an item that no other label
/// needs where it is. The same items, fraction and seed always give the same split.
public struct StratifiedPartition: Sendable {
    /// Whether each item goes to the test set (else to the training set), in the items' order.
    public private(set) var isTest: [Bool]

    /// Why a split cannot be made.
    public enum Failure: Error, Equatable, Sendable {
        /// These labels (by index) are on one item only: it cannot be in both sets.
        case singleItemLabels([Int])
        /// This label (by index) could not be put in both sets without taking another label out of one.
        case cannotCover(Int)
    }

    /// Splits `items` (each the indices of its labels, below `labelCount`).
    ///
    /// - Parameters:
    ///   - items: each item's labels.
    ///   - labelCount: how many labels there are.
    ///   - testFraction: the share of items (and of each label's items) for the test set, in 0 < F < 1.
    ///   - seed: decides the order in which ties are broken.
    ///   - allowSingleItemLabels: put the items of labels that are on one item in the training set rather
    ///     than fail.
    /// - Throws: ``Failure`` when a label cannot be in both sets.
    public init(
        items: [[Int]], labelCount: Int, testFraction: Double, seed: UInt64, allowSingleItemLabels: Bool = false
    ) throws(Failure) {
        var generator = SeededGenerator(seed: seed)
        var itemsOf = [[Int]](repeating: [], count: labelCount)
        for (item, labels) in items.enumerated() {
            for label in labels { itemsOf[label].append(item) }
        }
        let single = itemsOf.indices.filter { itemsOf[$0].count == 1 }
        if !single.isEmpty, !allowSingleItemLabels { throw .singleItemLabels(single) }
        // What each set still wants: per label, and in all (training 0, test 1).
        var wanted = itemsOf.map { items -> [Int] in
            let count = items.count
            let test = count < 2 ? 0 : min(count - 1, max(1, Int((Double(count) * testFraction).rounded())))
            return [count - test, test]
        }
        let testItems = Int((Double(items.count) * testFraction).rounded())
        var total = [items.count - testItems, testItems]
        var assignment = [Int](repeating: -1, count: items.count)
        let order = generator.shuffled(Array(items.indices))
        var remaining = itemsOf.map(\.count)

        func place(_ item: Int, in set: Int) {
            assignment[item] = set
            total[set] -= 1
            for label in items[item] {
                wanted[label][set] -= 1
                remaining[label] -= 1
            }
        }

        // Rarest label first; its unplaced items in the shuffled order.
        var position = [Int](repeating: 0, count: items.count)
        for (rank, item) in order.enumerated() { position[item] = rank }
        for index in itemsOf.indices { itemsOf[index].sort { position[$0] < position[$1] } }
        while let label = remaining.indices.filter({ remaining[$0] > 0 }).min(by: {
            (remaining[$0], $0) < (remaining[$1], $1)
        }) {
            for item in itemsOf[label] where assignment[item] < 0 {
                let set: Int
                if wanted[label][0] != wanted[label][1] {
                    set = wanted[label][0] > wanted[label][1] ? 0 : 1
                } else if total[0] != total[1] {
                    set = total[0] > total[1] ? 0 : 1
                } else {
                    set = generator.below(2)
                }
                place(item, in: set)
            }
        }
        // Items without labels follow the overall shares.
        for item in order where assignment[item] < 0 {
            place(item, in: total[0] == total[1] ? generator.below(2) : (total[0] > total[1] ? 0 : 1))
        }
        isTest = assignment.map { $0 == 1 }
        try cover(items: items, itemsOf: itemsOf)
    }

    /// Moves items so that every label on two or more items is in both sets.
    private mutating func cover(items: [[Int]], itemsOf: [[Int]]) throws(Failure) {
        var counts = itemsOf.map { labelItems in
            [labelItems.count { !isTest[$0] }, labelItems.count { isTest[$0] }]
        }
        for label in itemsOf.indices where itemsOf[label].count >= 2 {
            for set in [0, 1] where counts[label][set] == 0 {
                let from = 1 - set
                // An item of the label in the other set that every one of its labels can spare there.
                let candidate = itemsOf[label].filter { item in
                    items[item].allSatisfy { itemsOf[$0].count >= 2 && counts[$0][from] >= 2 }
                }.min { (items[$0].count, $0) < (items[$1].count, $1) }
                guard let item = candidate else { throw .cannotCover(label) }
                isTest[item] = set == 1
                for other in items[item] {
                    counts[other][from] -= 1
                    counts[other][set] += 1
                }
            }
        }
    }
}
