/// What `stats`, `report` and `partition` need of each entry of a manifest, collected by the lint engine
/// in the same pass as the findings: the entry's line, its image, its labels and its boxes.
///
/// An entry is an object line. Lines that are not objects but have errors (invalid JSON, a list, a blank
/// line) are counted in ``nonObjectErrorLines``.
public struct DatasetProfile: Sendable {
    /// One object line.
    public struct Entry: Sendable {
        /// The line's number in the file.
        public var line: Int
        /// The fingerprint of its `source-ref` when that is a string (the image's identity).
        package var image: Hash128?
        /// The `image_size` of its first bounding-box attribute, in pixels; 0 when unknown.
        public var imageWidth: Float
        /// The image's height in pixels; 0 when unknown.
        public var imageHeight: Float
        /// Its labels in ``DatasetProfile/labelUses`` and its boxes in ``DatasetProfile/boxes``.
        public var labels: Range<Int>
        /// Its boxes in ``DatasetProfile/boxes``.
        public var boxes: Range<Int>
        /// Whether the line has an error that makes the service drop it (set once the findings are known).
        public var hasErrors = false
    }

    /// A label an entry names, and how.
    public struct LabelUse: Sendable {
        /// The label's index in ``DatasetProfile/labels``.
        public var label: Int
        /// Whether it is an image-level label of the entry (a `class-name`).
        public var isImageLevel: Bool
        /// Whether one of the entry's boxes has it.
        public var hasBox: Bool
        /// Whether the entry carries it: an image-level label or a box's class.
        ///
        /// A `class-map` value no box
        /// uses declares the label without the entry carrying it.
        public var isCarried: Bool { isImageLevel || hasBox }
    }

    /// A bounding box: its class and its geometry in pixels, with the image size of its attribute.
    public struct BoxFact: Sendable {
        /// The index of its label in ``DatasetProfile/labels``; -1 when its `class_id` is not in the
        /// `class-map`.
        public var label: Int
        /// The box's left edge in pixels (NaN when not a number).
        public var left: Float
        /// The box's top edge in pixels (NaN when not a number).
        public var top: Float
        /// The box's width in pixels (NaN when not a number).
        public var width: Float
        /// The box's height in pixels (NaN when not a number).
        public var height: Float
        /// Its attribute's `image_size`; 0 when unknown.
        public var imageWidth: Float
        /// The image's height in pixels; 0 when unknown.
        public var imageHeight: Float
    }

    /// Every label the manifest declares (image-level `class-name`s and `class-map` values), in order of
    /// first appearance.
    public internal(set) var labels: [String] = []
    /// The object lines, in file order.
    public internal(set) var entries: [Entry] = []
    /// The labels of every entry, entry after entry.
    public internal(set) var labelUses: [LabelUse] = []
    /// The boxes of every entry, entry after entry.
    public internal(set) var boxes: [BoxFact] = []
    /// Lines that are not objects and have errors (invalid JSON, a list, a blank line, bytes that are not
    /// UTF-8): entries the service rejects.
    public internal(set) var nonObjectErrorLines = 0
    /// Every line of the file, blank ones included.
    public internal(set) var lines = 0

    /// An empty profile.
    public init() {}

    /// The label table, for merging collected parts.
    var labelTable = ByteStringTable()

    /// Marks the entries on the lines in `errorLines` as having errors, and counts the other lines there
    /// (those that are not objects).
    mutating func markErrors(_ errorLines: Set<Int>) {
        var marked = 0
        for index in entries.indices where errorLines.contains(entries[index].line) {
            entries[index].hasErrors = true
            marked += 1
        }
        nonObjectErrorLines = errorLines.count - marked
    }

    /// Appends the entries `collector` collected, whose line numbers count from 1 after `lineOffset`
    /// lines of the file.
    mutating func append(_ collector: Collector, lineOffset: Int) {
        for name in collector.labelNames[collector.profileOrdinals.count...] {
            let candidate = labels.count
            let ordinal = Array(name.utf8).withUnsafeBufferPointer { labelTable.insert($0, value: candidate) }
            if ordinal == nil { labels.append(name) }
            collector.profileOrdinals.append(ordinal ?? candidate)
        }
        let ordinals = collector.profileOrdinals
        let useOffset = labelUses.count
        let boxOffset = boxes.count
        labelUses += collector.labelUses.lazy.map {
            LabelUse(label: ordinals[$0.label], isImageLevel: $0.isImageLevel, hasBox: $0.hasBox)
        }
        boxes += collector.boxes.lazy.map { box in
            var box = box
            if box.label >= 0 { box.label = ordinals[box.label] }
            return box
        }
        entries += collector.entries.lazy.map { entry in
            var entry = entry
            entry.line += lineOffset
            entry.labels = (entry.labels.lowerBound + useOffset)..<(entry.labels.upperBound + useOffset)
            entry.boxes = (entry.boxes.lowerBound + boxOffset)..<(entry.boxes.upperBound + boxOffset)
            return entry
        }
    }
}
