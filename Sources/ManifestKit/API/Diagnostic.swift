/// One finding: what is wrong, where, which rule found it and which service code it predicts.
///
/// The `json` and `jsonl` formats print exactly the stored fields other than ``help``; that shape is
/// a contract with scripts and CI (see README, "Machine-readable output").
public struct Diagnostic: Sendable, Hashable, Codable {
    /// The file as the user named it (`-` for standard input).
    public var file: String
    /// The 1-based line number, or nil for a finding about the whole file.
    public var line: Int?
    /// The 1-based column in Unicode scalar values (characters), or nil for a whole-line or whole-file finding.
    public var column: Int?
    /// The stable rule code, such as `CL001`.
    public var code: String
    /// The rule's kebab-case name, such as `invalid-json`.
    public var name: String
    /// The service error code the finding predicts, if the service documents one.
    public var serviceCode: ServiceErrorCode?
    /// How serious the finding is.
    public var severity: Severity
    /// One sentence, lowercase, no final period.
    public var message: String
    /// A JSON Pointer (RFC 6901) into the line's JSON value, or nil.
    public var pointer: String?
    /// The line's `source-ref` value when the line could be read and has one.
    public var sourceRef: String?
    /// An imperative fix hint for people; not part of the machine-readable formats.
    public var help: String?
    /// How to mend the finding, when its rule knows (``FixableRule``); printed as the `fix` field.
    public var fix: Fix?
    /// The line around the column, for the `full` format; set only when asked for (``LintOptions/excerpts``).
    public var excerpt: Excerpt?

    /// A stretch of the offending line and where in it the column is.
    public struct Excerpt: Sendable, Hashable, Codable {
        /// The text, shortened with `…` at either end, control characters shown as spaces.
        public var text: String
        /// The 0-based offset, in characters of ``text``, of the column.
        public var caret: Int

        /// Creates an excerpt.
        public init(text: String, caret: Int) {
            self.text = text
            self.caret = caret
        }

        /// The excerpt of `line` (its bytes, decoded as UTF-8) around the 1-based `column`, keeping `radius`
        /// characters either side.
        public init(line: some Collection<UInt8>, column: Int, radius: Int = 40) {
            let characters = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
            let position = min(max(column - 1, 0), characters.count)
            let start = max(0, position - radius)
            let end = min(characters.count, position + radius)
            var text = start > 0 ? "…" : ""
            for scalar in characters[start..<end] {
                text.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
            }
            if end < characters.count { text += "…" }
            self.init(text: text, caret: position - start + (start > 0 ? 1 : 0))
        }
    }

    /// Creates a diagnostic.
    public init(
        file: String, line: Int?, column: Int?, code: String, name: String, serviceCode: ServiceErrorCode?,
        severity: Severity, message: String, pointer: String? = nil, sourceRef: String? = nil, help: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.name = name
        self.serviceCode = serviceCode
        self.severity = severity
        self.message = message
        self.pointer = pointer
        self.sourceRef = sourceRef
        self.help = help
    }

    /// Moves the finding, and its fix's edits, `offset` lines down (a finding made on a part of a file, whose
    /// lines counted from its start).
    public mutating func shiftLines(by offset: Int) {
        line = line.map { $0 + offset }
        guard var moved = fix else { return }
        for index in moved.edits.indices {
            moved.edits[index].line += offset
            moved.edits[index].endLine += offset
        }
        fix = moved
    }

    /// Orders diagnostics by file, line, column and code; whole-file findings come after line findings.
    public static func sortOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let leftLine = lhs.line ?? Int.max
        let rightLine = rhs.line ?? Int.max
        if leftLine != rightLine { return leftLine < rightLine }
        let leftColumn = lhs.column ?? 0
        let rightColumn = rhs.column ?? 0
        if leftColumn != rightColumn { return leftColumn < rightColumn }
        return lhs.code < rhs.code
    }
}
