/// An edit that mends a finding: what it does, whether it keeps the data's meaning, and the text it changes.
///
/// The `json` and `jsonl` formats print it as the finding's `fix` field, SARIF as the result's `fixes`
/// (README, "Machine-readable output").
public struct Fix: Sendable, Hashable, Codable {
    /// Whether a fix keeps the meaning of the data, as ruff has it.
    public enum Applicability: String, Sendable, Hashable, Codable, Comparable {
        /// Keeps the meaning (a spelling the service cannot read, made one it can); `fix` applies it.
        case safe
        /// Changes the data (drops or moves a box, a line); `fix` applies it with `--unsafe-fixes`.
        case unsafe
        /// Advice for a person (a name to choose, a value to look up); never applied.
        case displayOnly = "display-only"

        private var rank: Int {
            switch self {
            case .safe: 0
            case .unsafe: 1
            case .displayOnly: 2
            }
        }

        /// Safe before unsafe before display-only.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// One replacement: the text from (`line`, `column`) up to, not including, (`endLine`, `endColumn`)
    /// becomes `content`.
    ///
    /// Lines and columns count as a finding's do: from 1, columns in Unicode scalar values, a byte order
    /// mark not counted. Column 0 of line 1 is the byte order mark itself. A whole line is removed by the
    /// range from its column 1 to column 1 of the next line.
    public struct Edit: Sendable, Hashable, Codable {
        /// The first line and column replaced.
        public var line: Int
        /// The first column replaced (0 for line 1's byte order mark).
        public var column: Int
        /// The line and column just past the text replaced.
        public var endLine: Int
        /// The column just past the text replaced.
        public var endColumn: Int
        /// The new text (no line break).
        public var content: String

        /// Creates an edit.
        public init(line: Int, column: Int, endLine: Int, endColumn: Int, content: String) {
            self.line = line
            self.column = column
            self.endLine = endLine
            self.endColumn = endColumn
            self.content = content
        }

        /// The edit that removes line `line`, its line break included.
        public static func removingLine(_ line: Int) -> Edit {
            Edit(line: line, column: 1, endLine: line + 1, endColumn: 1, content: "")
        }

        /// Whether it starts before `other` does.
        func startsBefore(_ other: Edit) -> Bool {
            (line, column, endLine, endColumn) < (other.line, other.column, other.endLine, other.endColumn)
        }
    }

    /// Whether it keeps the data's meaning.
    public var applicability: Applicability
    /// What the fix does, imperative, lowercase, no final period.
    public var message: String
    /// The replacements, in file order, none overlapping; empty for most display-only fixes.
    public var edits: [Edit]

    /// Creates a fix.
    public init(_ applicability: Applicability, _ message: String, edits: [Edit] = []) {
        self.applicability = applicability
        self.message = message
        self.edits = edits.sorted { $0.startsBefore($1) }
    }
}
