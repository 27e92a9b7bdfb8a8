import Dispatch

/// The numbers of a manifest's dataset, worked out from its ``DatasetProfile``: the service's own
/// (`DescribeDataset`'s `DatasetStats`, `ListDatasetLabels`'s label descriptions) and what a person needs
/// before training (sizes, balance, pairs, outliers).
///
/// As the service counts: an entry is a line (a blank line is an entry with an error, CL003, as the
/// service counts blank and invalid lines as objects); an entry with an error that makes the service drop
/// it counts in ``errorEntries`` and nowhere else; an entry carries a label when the label is its
/// image-level `class-name` or the class of one of its boxes, and counts once per label it carries.
public struct DatasetStatistics: Sendable {
    /// `DatasetStats` of `DescribeDataset`.
    public var totalEntries = 0
    /// `LabeledEntries`: entries without errors that carry a label.
    public var labeledEntries = 0
    /// `TotalLabels`: distinct labels declared by entries without errors.
    public var totalLabels = 0
    /// `ErrorEntries`: entries with an error the service drops them for.
    public var errorEntries = 0

    /// One label of `ListDatasetLabels`, with more counts.
    public struct LabelRow: Sendable, Equatable {
        /// `LabelName`.
        public var name: String
        /// `EntryCount`: entries carrying the label.
        public var entries = 0
        /// `BoundingBoxCount`: entries with a box of the label (the service's documentation: "the total
        /// number of images that have the label assigned to a bounding box").
        public var boxEntries = 0
        /// Boxes of the label.
        public var boxes = 0
        /// Entries with the label as an image-level label.
        public var imageLevelEntries = 0
    }

    /// Every label declared by an entry without errors, most entries first (then by name).
    public var labels: [LabelRow] = []
    /// Distinct images (`source-ref`s) among the entries without errors.
    public var images = 0
    /// Per entry without errors: its boxes, and the labels it carries.
    public var boxesPerImage = Distribution()
    /// Per entry without errors: the labels it carries.
    public var labelsPerImage = Distribution()
    /// Boxes relative to their image (of the attribute's `image_size`): width, height and area as a share
    /// of the image's, and the aspect ratio (width / height, in pixels).
    public var boxWidth = Distribution()
    /// Box heights as a share of the image height.
    public var boxHeight = Distribution()
    /// Box areas as a share of the image area.
    public var boxArea = Distribution()
    /// Box aspect ratios (width / height, in pixels).
    public var boxAspect = Distribution()
    /// Image widths and heights in pixels, and the most frequent sizes (from `image_size`).
    public var imageWidth = Distribution()
    /// Image heights in pixels.
    public var imageHeight = Distribution()
    /// The most frequent image sizes, most first.
    public var imageSizes: [ImageSizeCount] = []
    /// The label pairs most often carried by one entry, most first.
    public var labelPairs: [LabelPair] = []
    /// The entries of the label with the most over those of the label with the fewest; nil without labels.
    public var imbalanceRatio: Double?
    /// Boxes whose relative area is more than ``outlierDeviations`` standard deviations from their label's
    /// mean, the farthest first (at most ``outlierLimit``), and how many there are in all.
    public var outlierBoxes: [OutlierBox] = []
    /// How many outlier boxes there are in all.
    public var outlierCount = 0
    /// Labels carried by fewer than ``minimumImagesPerLabel`` entries, fewest first.
    public var fewImageLabels: [LabelRow] = []

    /// An image size and the entries of that size.
    public struct ImageSizeCount: Sendable, Equatable {
        /// The width in pixels.
        public var width: Int
        /// The height in pixels.
        public var height: Int
        /// The entries of that size.
        public var entries: Int
    }

    /// Two labels and the entries that carry both.
    public struct LabelPair: Sendable, Equatable {
        /// The first label, by order of appearance.
        public var first: String
        /// The second label.
        public var second: String
        /// The entries that carry both.
        public var entries: Int
    }

    /// A box far from its label's mean size.
    public struct OutlierBox: Sendable, Equatable {
        /// Its line, label and relative area, and how many standard deviations from the label's mean.
        public var line: Int
        /// The box's label.
        public var label: String
        /// Its area as a share of the image's.
        public var area: Double
        /// How many standard deviations from its label's mean area it is.
        public var deviations: Double
    }

    /// How far from its label's mean a box's relative area must be to be an outlier, in standard deviations.
    public static let outlierDeviations = 5.0
    /// The most outliers listed (all are counted).
    public static let outlierLimit = 20
    /// The most label pairs and image sizes listed.
    public static let topLimit = 10
    /// The fewest entries per label the service's automatic 20% split can give a test image.
    ///
    /// 20% of 5 is one. The service's own threshold is undocumented (ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT);
    /// this is our inference.
    public static let minimumImagesPerLabel = 5

    /// The statistics of `profile`.
    public init(_ profile: DatasetProfile) {
        totalEntries = profile.entries.count + profile.nonObjectErrorLines
        errorEntries = profile.entries.count { $0.hasErrors } + profile.nonObjectErrorLines
        let labelCount = profile.labels.count
        var entriesOf = [Int](repeating: 0, count: labelCount)
        var boxEntriesOf = [Int](repeating: 0, count: labelCount)
        var imageLevelOf = [Int](repeating: 0, count: labelCount)
        var boxesOf = [Int](repeating: 0, count: labelCount)
        var declared = [Bool](repeating: false, count: labelCount)
        var images = FingerprintTable()
        images.reserve(profile.entries.count)
        var boxCounts: [Double] = []
        var labelCounts: [Double] = []
        boxCounts.reserveCapacity(profile.entries.count)
        labelCounts.reserveCapacity(profile.entries.count)
        // Pairs counted in a square table (labels are 250 at most in a trainable dataset), else by key.
        let tabulatesPairs = labelCount <= 1024
        var pairTable = [Int](repeating: 0, count: tabulatesPairs ? labelCount * labelCount : 0)
        var pairCounts: [Int: Int] = [:]
        var sizeCounts: [Int: Int] = [:]
        var widths: [Double] = []
        var heights: [Double] = []
        var carried: [Int] = []
        var labeled = 0
        // Through the arrays' buffers: a slice of an array per entry would retain and release it.
        profile.labelUses.withUnsafeBufferPointer { uses in
            profile.boxes.withUnsafeBufferPointer { boxes in
                for entry in profile.entries where !entry.hasErrors {
                    if let image = entry.image { _ = images.insert(image, value: 0) }
                    carried.removeAll(keepingCapacity: true)
                    for use in uses[entry.labels] {
                        declared[use.label] = true
                        guard use.isCarried else { continue }
                        carried.append(use.label)
                        entriesOf[use.label] += 1
                        if use.hasBox { boxEntriesOf[use.label] += 1 }
                        if use.isImageLevel { imageLevelOf[use.label] += 1 }
                    }
                    if !carried.isEmpty { labeled += 1 }
                    if carried.count > 1 {
                        carried.sort()
                        for (index, first) in carried.enumerated() {
                            for second in carried[(index + 1)...] {
                                if tabulatesPairs {
                                    pairTable[first * labelCount + second] += 1
                                } else {
                                    pairCounts[first << 32 | second, default: 0] += 1
                                }
                            }
                        }
                    }
                    boxCounts.append(Double(entry.boxes.count))
                    labelCounts.append(Double(carried.count))
                    for box in boxes[entry.boxes] where box.label >= 0 { boxesOf[box.label] += 1 }
                    if entry.imageWidth > 0, entry.imageHeight > 0 {
                        widths.append(Double(entry.imageWidth))
                        heights.append(Double(entry.imageHeight))
                        sizeCounts[Int(entry.imageWidth) << 32 | Int(entry.imageHeight), default: 0] += 1
                    }
                }
            }
        }
        labeledEntries = labeled
        for (index, count) in pairTable.enumerated() where count > 0 {
            pairCounts[(index / labelCount) << 32 | index % labelCount] = count
        }
        let rows = profile.labels.indices.map { label in
            LabelRow(
                name: profile.labels[label], entries: entriesOf[label], boxEntries: boxEntriesOf[label],
                boxes: boxesOf[label], imageLevelEntries: imageLevelOf[label])
        }
        self.images = images.count
        totalLabels = declared.count { $0 }
        labels = zip(rows, declared).filter(\.1).map(\.0).sorted { ($0.entries, $1.name) > ($1.entries, $0.name) }
        let carriedLabels = labels.filter { $0.entries > 0 }
        if let most = carriedLabels.first, let fewest = carriedLabels.last {
            imbalanceRatio = Double(most.entries) / Double(fewest.entries)
        }
        fewImageLabels = carriedLabels.filter { $0.entries < Self.minimumImagesPerLabel }.sorted {
            ($0.entries, $0.name) < ($1.entries, $1.name)
        }
        labelPairs = pairCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.topLimit).map {
            LabelPair(first: rows[$0.key >> 32].name, second: rows[$0.key & 0xFFFF_FFFF].name, entries: $0.value)
        }
        imageSizes = sizeCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.topLimit).map {
            ImageSizeCount(width: $0.key >> 32, height: $0.key & 0xFFFF_FFFF, entries: $0.value)
        }
        let boxes = Self.measureBoxes(profile)
        findOutliers(areas: boxes.areas, owners: boxes.owners, names: rows.map(\.name))
        let shares = Distribution.evenEdges(from: 0, to: 1, count: 20)
        let pixels = Distribution.evenEdges(from: 0, to: 4096, count: 16)
        let summaries = Self.distributions([
            (boxCounts, Distribution.evenEdges(from: 0, to: 20, count: 20)),
            (labelCounts, Distribution.evenEdges(from: 0, to: 10, count: 10)), (widths, pixels), (heights, pixels),
            (boxes.widths, shares), (boxes.heights, shares), (boxes.areas, shares),
            (boxes.aspects, [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 10]),
        ])
        (boxesPerImage, labelsPerImage, imageWidth, imageHeight) = (
            summaries[0], summaries[1], summaries[2], summaries[3]
        )
        (boxWidth, boxHeight, boxArea, boxAspect) = (summaries[4], summaries[5], summaries[6], summaries[7])
    }

    /// The distributions of each list of numbers over its edges, worked out on every core.
    private static func distributions(_ lists: [([Double], [Double])]) -> [Distribution] {
        let slots = ResultSlots(count: lists.count, initial: Distribution())
        DispatchQueue.concurrentPerform(iterations: lists.count) { index in
            var values = lists[index].0
            slots.store(Distribution(&values, edges: lists[index].1), at: index)
        }
        return slots.values
    }

    /// The box measures over the measurable boxes of entries without errors: width, height and area as
    /// shares of the image's, and the aspect ratio; and each box's line and label, for the outliers.
    private static func measureBoxes(_ profile: DatasetProfile) -> (
        widths: [Double], heights: [Double], areas: [Double], aspects: [Double], owners: [(line: Int, label: Int)]
    ) {
        var widths: [Double] = []
        var heights: [Double] = []
        var areas: [Double] = []
        var aspects: [Double] = []
        var owners: [(line: Int, label: Int)] = []
        widths.reserveCapacity(profile.boxes.count)
        heights.reserveCapacity(profile.boxes.count)
        areas.reserveCapacity(profile.boxes.count)
        aspects.reserveCapacity(profile.boxes.count)
        owners.reserveCapacity(profile.boxes.count)
        profile.boxes.withUnsafeBufferPointer { boxes in
            for entry in profile.entries where !entry.hasErrors {
                for box in boxes[entry.boxes] {
                    guard box.imageWidth > 0, box.imageHeight > 0, box.width > 0, box.height > 0 else { continue }
                    let width = Double(box.width) / Double(box.imageWidth)
                    let height = Double(box.height) / Double(box.imageHeight)
                    widths.append(width)
                    heights.append(height)
                    areas.append(width * height)
                    aspects.append(Double(box.width) / Double(box.height))
                    owners.append((entry.line, box.label))
                }
            }
        }
        return (widths, heights, areas, aspects, owners)
    }

    /// The boxes more than ``outlierDeviations`` standard deviations from their label's mean area.
    private mutating func findOutliers(areas: [Double], owners: [(line: Int, label: Int)], names: [String]) {
        var sums = [Double](repeating: 0, count: names.count)
        var squares = [Double](repeating: 0, count: names.count)
        var counts = [Int](repeating: 0, count: names.count)
        for (area, owner) in zip(areas, owners) where owner.label >= 0 {
            sums[owner.label] += area
            counts[owner.label] += 1
        }
        let means = zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
        for (area, owner) in zip(areas, owners) where owner.label >= 0 {
            squares[owner.label] += (area - means[owner.label]) * (area - means[owner.label])
        }
        let deviations = zip(squares, counts).map { $1 == 0 ? 0 : ($0 / Double($1)).squareRoot() }
        var outliers: [OutlierBox] = []
        for (area, owner) in zip(areas, owners) where owner.label >= 0 && deviations[owner.label] > 0 {
            let distance = abs(area - means[owner.label]) / deviations[owner.label]
            guard distance > Self.outlierDeviations else { continue }
            outliers.append(OutlierBox(line: owner.line, label: names[owner.label], area: area, deviations: distance))
        }
        outlierCount = outliers.count
        outlierBoxes = Array(
            outliers.sorted { ($0.deviations, $1.line) > ($1.deviations, $0.line) }.prefix(Self.outlierLimit))
    }
}
