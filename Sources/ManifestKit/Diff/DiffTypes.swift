/// What to compare in a diff.
public struct DiffOptions: Sendable {
    /// Fields left out of the comparison: the service's own keys, plus any given.
    public var ignoredFields: [FieldPattern] = FieldPattern.serviceAdded
    /// Whether the service's keys are left out inside the line too: the `errors` and `warnings` it writes
    /// in a label attribute, an annotation or a metadata object of an entry (ListDatasetEntries returns
    /// them there, so a pulled entry with a box error would otherwise differ from the line forever).
    public var ignoresServiceKeysInside = true
    /// The largest batch of the change set, in bytes (for the plan in the summary).
    public var maxBatchBytes = BatchPacker.defaultMaxBytes
    /// Whether to say what changed in each updated entry (a second pass over PRIOR for those entries).
    public var details = true

    /// The defaults.
    public init() {}
}

/// One entry that differs between the two sides.
public struct DiffEntry: Sendable, Equatable {
    /// How the entry differs.
    public enum Kind: String, Sendable {
        case added
        case updated
        case unchanged
        case onlyInPrior
    }

    /// How it differs.
    public var kind: Kind
    /// Its `source-ref`.
    public var sourceRef: String
    /// Its line in NEW, or nil.
    public var newLine: Int?
    /// Its line in PRIOR, or nil.
    public var priorLine: Int?
    /// For an updated entry: what changed, such as `labels added: cat` or `bb-metadata.job-name changed`.
    public var changes: [String] = []
}

/// The outcome of a diff.
public struct DiffResult: Sendable {
    /// Entries only in NEW.
    public var added = 0
    /// Entries in both whose content differs.
    public var updated = 0
    /// Entries in both with the same content.
    public var unchanged = 0
    /// Entries only in PRIOR (UpdateDatasetEntries cannot remove them).
    public var onlyInPrior = 0
    /// The added, updated and prior-only entries, in NEW's order, then PRIOR's.
    public var entries: [DiffEntry] = []
    /// Lines left out because they could not be read, with why.
    public var invalid: [Diagnostic] = []
    /// The size of each line of the change set (the added and updated lines with their line endings).
    public var changeSetLineSizes: [Int] = []
    /// The change set's size in bytes.
    public var changeSetBytes: Int { changeSetLineSizes.reduce(0, +) }
    /// How many `UpdateDatasetEntries` batches the change set needs.
    public var batches = 0

    /// Whether NEW changes anything the service would receive.
    public var hasChanges: Bool { added + updated > 0 }
}

/// Why a diff could not be made.
public enum DiffError: Error, Sendable, CustomStringConvertible {
    /// A `source-ref` on several lines of one side.
    public struct Duplicate: Sendable, Equatable {
        /// The file.
        public var file: String
        /// The repeated `source-ref`.
        public var sourceRef: String
        /// Every line that names it.
        public var lines: [Int]
    }

    /// A file could not be read.
    case cannotRead(ManifestError)
    /// `source-ref`s repeat; every location is listed.
    case duplicateSourceRefs([Duplicate])

    /// What went wrong, for people.
    public var description: String {
        switch self {
        case .cannotRead(let error): return error.description
        case .duplicateSourceRefs(let duplicates):
            return "a source-ref repeats, so entries cannot be matched:\n"
                + duplicates.map {
                    "  \($0.file): '\($0.sourceRef)' on lines \($0.lines.map(String.init).joined(separator: ", "))"
                }
                .joined(separator: "\n")
        }
    }
}
