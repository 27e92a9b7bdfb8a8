/// A rule about the manifest as a whole (the CL4xx band): duplicates, buckets, labels, limits.
///
/// The engine keeps one ``ManifestIndex`` of what every manifest rule and the statistics need (the
/// `source-ref`s seen, the buckets, the labels, the counts) and tells each enabled rule, in file order, what
/// it sees (``ManifestEvent``): every line counted, every `source-ref` (with the line it first appeared
/// on), every new bucket, every new label. A rule reports at the line of the event. When the manifest has
/// been read, ``finish(_:state:into:)`` decides on the totals.
///
/// A rule that needs more than the index keeps its own ``State``, which ``ManifestRuleState/observe(_:)``s
/// each object line's facts. A file checked on several threads is cut into parts; each part gets a fresh
/// state, and the parts' states are merged in file order before `finish`, so that `--jobs 1` and
/// `--jobs N` give the same findings.
protocol ManifestRule: Rule {
    /// What the rule keeps of the lines itself; ``NoManifestState`` when the index's events are enough.
    associatedtype State: ManifestRuleState = NoManifestState
    /// The events the rule wants (it is not called for the others).
    static var events: ManifestEventKinds { get }
    /// Reports the rule's findings on one event of the manifest index, in file order.
    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding])
    /// Reports the rule's findings on the whole manifest, once every line (and image) was checked, from the
    /// totals and the rule's state.
    static func finish(_ totals: ManifestTotals, state: State, into findings: inout [ManifestFinding])
}

extension ManifestRule {
    /// No events: a rule that decides at the end only.
    static var events: ManifestEventKinds { [] }
    /// Nothing to report on events.
    static func check(_ event: ManifestEvent, into findings: inout [ManifestFinding]) {}
    /// Nothing to report at the end.
    static func finish(_ totals: ManifestTotals, state: State, into findings: inout [ManifestFinding]) {}
}

/// What a ``ManifestRule`` keeps of the lines itself.
protocol ManifestRuleState: Sendable {
    /// A fresh state for a part of a file (or a whole file).
    init(options: LintOptions)
    /// Takes the facts of one object line of the part, in file order.
    mutating func observe(_ line: ManifestLineFacts)
    /// Appends the state of the part that follows this one in the file: its line numbers count from 1 at
    /// its start, and `lineOffset` lines of the file come before it (add them to its line numbers).
    mutating func merge(_ later: Self, lineOffset: Int)
}

/// The state of a rule that keeps none.
struct NoManifestState: ManifestRuleState {
    /// A state of nothing.
    init(options: LintOptions) {}
    /// Takes nothing.
    mutating func observe(_ line: ManifestLineFacts) {}
    /// Merges nothing.
    mutating func merge(_ later: Self, lineOffset: Int) {}
}

/// What one object line of a manifest gives a ``ManifestRuleState``.
struct ManifestLineFacts: Sendable {
    /// The line's number, from 1 at its part's start (the file's start with one thread).
    var number: Int
    /// Its `source-ref`, when it is a string.
    var sourceRef: String?
    /// The names of its labels (image-level and of its boxes), in line order.
    var labels: [String]
    /// Its bounding boxes.
    var boxes: Int
}

/// The kinds of ``ManifestEvent``.
struct ManifestEventKinds: OptionSet, Sendable {
    let rawValue: Int
    /// Creates a set of kinds.
    init(rawValue: Int) { self.rawValue = rawValue }
    /// ``ManifestEvent/line(_:)``.
    static let lines = ManifestEventKinds(rawValue: 1)
    /// ``ManifestEvent/sourceRef(_:)``.
    static let sourceRefs = ManifestEventKinds(rawValue: 2)
    /// ``ManifestEvent/newBucket(_:)``.
    static let newBuckets = ManifestEventKinds(rawValue: 4)
    /// ``ManifestEvent/newLabel(_:)``.
    static let newLabels = ManifestEventKinds(rawValue: 8)
}

/// What the manifest index sees, in file order.
///
/// The byte buffers are valid only during the call.
enum ManifestEvent {
    /// A line of any kind, counted toward the limits.
    case line(LineCounted)
    /// An object line's string `source-ref`.
    case sourceRef(SourceRefSeen)
    /// The first line of a bucket other than the first line's.
    case newBucket(BucketSeen)
    /// A label seen for the first time in the manifest.
    case newLabel(LabelSeen)

    /// A line counted toward the row and size limits.
    struct LineCounted {
        /// The line's number in the file.
        var number: Int
        /// The lines so far, this one included.
        var rows: Int
        /// The bytes before this line and with it (newlines included).
        var bytesBefore: Int
        var bytesAfter: Int
        /// The run's limits (``LintOptions/maxRows``, ``LintOptions/maxBytes``).
        var maxRows: Int
        var maxBytes: Int
    }

    /// A `source-ref` as a line has it.
    struct SourceRefSeen {
        /// The line's number in the file, and the column of its `source-ref` value.
        var number: Int
        var column: Int
        /// The decoded `source-ref`.
        var bytes: UnsafeBufferPointer<UInt8>
        /// The line where the same `source-ref` first appeared, when an earlier line has it.
        var firstLine: Int?
        /// The decoded `source-ref` as text.
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// A bucket other than the first line's, at its first line.
    struct BucketSeen {
        /// The line's number in the file, and the column of its `source-ref` value.
        var number: Int
        var column: Int
        /// The line's `source-ref`, its bucket, and the first line's bucket and number.
        var sourceRef: String
        var bucket: String
        var firstBucket: String
        var firstLine: Int
    }

    /// A label new to the manifest.
    struct LabelSeen {
        /// The line's number in the file, the label's column and JSON Pointer, and the line's `source-ref`.
        var number: Int
        var column: Int
        var pointer: String
        var sourceRef: String?
        /// The label.
        var name: String
        /// How many distinct labels came before it.
        var ordinal: Int
    }
}

/// The totals of a manifest, for the ``ManifestRule``s' end.
struct ManifestTotals: Sendable {
    /// The counts: lines, lines with errors, images, buckets, labels, boxes.
    var statistics: LintStatistics
    /// Whether a label pair of each kind appeared, and the distinct labels of each kind.
    var hasClassification: Bool
    var hasDetection: Bool
    var classificationLabels: Int
    var detectionLabels: Int
    /// The run's limits.
    var options: LintOptions
}

/// A finding of a ``ManifestRule``: for the whole manifest (no line), or at a line and place.
struct ManifestFinding: Sendable {
    /// The rule's description.
    var rule: RuleDescription
    /// The line, column and JSON Pointer; nil for the whole manifest.
    var line: Int?
    var column: Int?
    var pointer: String?
    /// The line's `source-ref`, when there is one.
    var sourceRef: String?
    /// One sentence, lowercase, no final period.
    var message: String
    /// How to mend it, when the rule knows.
    var fix: Fix?

    /// A finding about the whole manifest.
    init(_ rule: RuleDescription, message: String) {
        self.rule = rule
        self.message = message
    }

    /// A finding at a place of a line.
    init(
        _ rule: RuleDescription, line: Int, column: Int, pointer: String? = nil, sourceRef: String? = nil,
        message: String, fix: Fix? = nil
    ) {
        self.fix = fix
        self.rule = rule
        self.line = line
        self.column = column
        self.pointer = pointer
        self.sourceRef = sourceRef
        self.message = message
    }
}
