/// A manifest split into a training and a test manifest by ``StratifiedPartition``: lines of one image
/// stay together, every line is written as it was (byte for byte, in its order) to exactly one of them.
///
/// Blank lines are left out (they are no entry). A line that is not a JSON object cannot be placed by its
/// labels, so the split is refused.
public struct ManifestPartition: Sendable {
    /// A label and its images in each set.
    public struct LabelCounts: Sendable, Equatable {
        /// The label.
        public var name: String
        /// Its images (distinct `source-ref`s) in the training set.
        public var training: Int
        /// Its images in the test set.
        public var test: Int
    }

    /// Why a manifest cannot be split.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The line is neither blank nor a JSON object.
        case notAnEntry(line: Int)
        /// These labels are on one image only.
        case singleImageLabels([String])
        /// This label could not be in both sets without taking another label out of one.
        case cannotCover(String)

        /// One sentence saying what is wrong and what to do.
        public var description: String {
            switch self {
            case .notAnEntry(let line):
                return "line \(line) is not a JSON object, so its labels are unknown; mend it first "
                    + "(clmanifest lint, clmanifest fix)"
            case .singleImageLabels(let labels):
                let shown = labels.prefix(10).map { JSONText.quoted($0) }.joined(separator: ", ")
                return "\(Count.phrase(labels.count, "label")) \(labels.count == 1 ? "is" : "are") on one image only "
                    + "and cannot be in both sets: \(shown)\(labels.count > 10 ? ", …" : ""); add images, or pass "
                    + "--allow-unsplit to keep them in the training set"
            case .cannotCover(let label):
                return "the label \(JSONText.quoted(label)) cannot be put in both sets without taking another label "
                    + "out of one; add images of it"
            }
        }
    }

    /// The training manifest.
    public let training: [UInt8]
    /// The test manifest.
    public let test: [UInt8]
    /// Every label carried by an entry, in order of first appearance, with its images in each set.
    public let labels: [LabelCounts]
    /// The entries (lines) in the training set.
    public let trainingEntries: Int
    /// The entries in the test set.
    public let testEntries: Int
    /// The images (lines of one `source-ref` are one image) in the training set.
    public let trainingImages: Int
    /// The images in the test set.
    public let testImages: Int
    /// Blank lines left out.
    public let blankLines: Int

    /// Splits the manifest `bytes`, whose entries are `profile`'s.
    ///
    /// - Parameters:
    ///   - bytes: the manifest.
    ///   - profile: its entries, from a lint run that collected them.
    ///   - testFraction: the test set's share of the images, and of each label's, in 0 < F < 1.
    ///   - seed: the same seed gives the same files.
    ///   - allowUnsplit: keep the images of labels on one image in the training set rather than fail.
    /// - Throws: ``Failure`` when a line is not an entry or a label cannot be in both sets.
    public init(
        bytes: [UInt8], profile: DatasetProfile, testFraction: Double, seed: UInt64, allowUnsplit: Bool = false
    ) throws(Failure) {
        let lines = LineRanges.lines(of: bytes)
        // Images: entries with the same source-ref are one; an entry without one is an image of its own.
        var groupOf: [Hash128: Int] = [:]
        var groups: [[Int]] = []  // entry indices
        var entryAt = [Int](repeating: -1, count: lines.count + 1)
        for (index, entry) in profile.entries.enumerated() {
            if entry.line <= lines.count { entryAt[entry.line] = index }
            if let image = entry.image, let group = groupOf[image] {
                groups[group].append(index)
            } else {
                if let image = entry.image { groupOf[image] = groups.count }
                groups.append([index])
            }
        }
        var blank = 0
        for (number, range) in lines.enumerated() where entryAt[number + 1] < 0 {
            guard bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) else {
                throw .notAnEntry(line: number + 1)
            }
            blank += 1
        }
        let items = groups.map { group in
            Array(Set(group.flatMap { profile.labelUses[profile.entries[$0].labels].filter(\.isCarried).map(\.label) }))
                .sorted()
        }
        let split: StratifiedPartition
        do {
            split = try StratifiedPartition(
                items: items, labelCount: profile.labels.count, testFraction: testFraction, seed: seed,
                allowSingleItemLabels: allowUnsplit)
        } catch {
            switch error {
            case .singleItemLabels(let labels): throw .singleImageLabels(labels.map { profile.labels[$0] })
            case .cannotCover(let label): throw .cannotCover(profile.labels[label])
            }
        }
        var isTestLine = [Bool](repeating: false, count: lines.count + 1)
        for (group, entries) in groups.enumerated() where split.isTest[group] {
            for entry in entries { isTestLine[profile.entries[entry].line] = true }
        }
        var training: [UInt8] = []
        var test: [UInt8] = []
        // Sized first: growing them line by line would copy (and fault in) the manifest several times.
        var testBytes = 0
        for (number, range) in lines.enumerated() where isTestLine[number + 1] { testBytes += range.count + 1 }
        test.reserveCapacity(testBytes)
        training.reserveCapacity(bytes.count + lines.count - testBytes)
        for (number, range) in lines.enumerated() where entryAt[number + 1] >= 0 {
            if isTestLine[number + 1] {
                test += bytes[range]
                if bytes[range.upperBound - 1] != 0x0A { test.append(0x0A) }
            } else {
                training += bytes[range]
                if bytes[range.upperBound - 1] != 0x0A { training.append(0x0A) }
            }
        }
        self.training = training
        self.test = test
        var counts = profile.labels.map { LabelCounts(name: $0, training: 0, test: 0) }
        var carried = [Bool](repeating: false, count: counts.count)
        for (group, labels) in items.enumerated() {
            for label in labels {
                carried[label] = true
                if split.isTest[group] { counts[label].test += 1 } else { counts[label].training += 1 }
            }
        }
        self.labels = zip(counts, carried).filter(\.1).map(\.0)
        testImages = split.isTest.count { $0 }
        trainingImages = groups.count - testImages
        testEntries = isTestLine.count { $0 }
        trainingEntries = profile.entries.count - testEntries
        blankLines = blank
    }
}
