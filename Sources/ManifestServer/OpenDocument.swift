import ManifestKit

/// A manifest open in the client: its URI, path, version, text and findings, and the conversions between
/// findings' lines and columns and the client's positions.
final class OpenDocument {
    let uri: String
    /// The file's path (for the configuration); the URI itself when it is not a `file:` URI.
    let path: String
    var version: Int
    var manifest: ManifestDocument
    /// The findings last published, and whether the text changed since.
    var diagnostics: [Diagnostic] = []
    var isStale = true
    /// The linter the configuration gives the file.
    var linter: ManifestLinter
    /// Why the configuration could not be used, or the images not checked: shown on the document.
    var problem: String?
    var imageProblem: String?

    init(uri: String, path: String, version: Int, text: [UInt8], linter: ManifestLinter) {
        self.uri = uri
        self.path = path
        self.version = version
        self.linter = linter
        manifest = ManifestDocument(linter: linter, name: path, text: text)
    }

    /// The findings for the text as it is now, with a `server` finding for each problem of the configuration
    /// or the image checks.
    func check() -> [Diagnostic] {
        var found = manifest.diagnostics()
        for problem in [problem, imageProblem].compactMap(\.self) {
            found.append(
                Diagnostic(
                    file: path, line: nil, column: nil, code: "server", name: "server", serviceCode: nil,
                    severity: .warning, message: problem))
        }
        return found
    }

    /// Checks the text again with another linter (the configuration changed).
    func relint(with linter: ManifestLinter) {
        self.linter = linter
        manifest = ManifestDocument(linter: linter, name: path, text: manifest.text)
        isStale = true
    }

    /// Applies one change of `textDocument/didChange`: a range and its new text, or the whole text.
    func apply(_ change: [String: Any], encoding: PositionEncoding) throws(ServerError) {
        guard let text = change["text"] as? String else { throw .invalidParams("a content change without text") }
        guard let range = change["range"] as? [String: Any] else {
            manifest.replaceAll(Array(text.utf8))
            isStale = true
            return
        }
        guard let start = Position(range["start"]), let end = Position(range["end"]) else {
            throw .invalidParams("a content change with a malformed range")
        }
        // The lines are read one by one, not copied: a copy would be copied again by the edit (250,000 arrays).
        let last = manifest.lines.count - 1
        // Positions past the end are clamped to it, as the protocol says.
        let (startLine, endLine) = (min(start.line, last), min(end.line, last))
        let startByte =
            start.line > last
            ? manifest.lines[last].count : encoding.byteOffset(of: start.character, in: manifest.lines[startLine])
        let endByte =
            end.line > last
            ? manifest.lines[last].count : encoding.byteOffset(of: end.character, in: manifest.lines[endLine])
        guard (startLine, startByte) <= (endLine, endByte) else {
            throw .invalidParams("a content change whose range ends before it starts")
        }
        var spliced = Array(manifest.lines[startLine][..<startByte])
        spliced += Array(text.utf8)
        spliced += manifest.lines[endLine][endByte...]
        let newLines = spliced.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        manifest.replace(lines: startLine..<(endLine + 1), with: newLines)
        isStale = true
    }

    // MARK: - Positions

    /// A position of the protocol.
    struct Position: Equatable, Comparable {
        var line: Int
        var character: Int

        init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }

        init?(_ value: Any?) {
            guard let object = value as? [String: Any], let line = object["line"] as? Int,
                let character = object["character"] as? Int, line >= 0, character >= 0
            else { return nil }
            self.init(line: line, character: character)
        }

        var json: [String: Any] { ["line": line, "character": character] }

        static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }
    }

    /// The range a finding covers: from its column to the end of the JSON token there (a string with its
    /// quotes, a number, a literal; one character for a bracket); its whole line without a column; the start
    /// of the document for a finding about the whole file.
    func range(of diagnostic: Diagnostic, encoding: PositionEncoding) -> (start: Position, end: Position) {
        let lines = manifest.lines
        guard let number = diagnostic.line, number >= 1, number <= lines.count else {
            return (Position(line: 0, character: 0), Position(line: 0, character: 0))
        }
        let line = lines[number - 1]
        guard let column = diagnostic.column else {
            return (
                Position(line: number - 1, character: 0),
                Position(line: number - 1, character: encoding.character(atByte: line.count, in: line))
            )
        }
        let start = PositionEncoding.byteOffset(ofColumn: column, in: line, isFirstLine: number == 1)
        let end = Self.tokenEnd(in: line, from: start)
        return (
            Position(line: number - 1, character: encoding.character(atByte: start, in: line)),
            Position(line: number - 1, character: encoding.character(atByte: end, in: line))
        )
    }

    /// The position of a fix's line and column (1-based, scalars; past the last line: the document's end).
    func position(line number: Int, column: Int, encoding: PositionEncoding) -> Position {
        let lines = manifest.lines
        guard number >= 1 else { return Position(line: 0, character: 0) }
        guard number <= lines.count else {
            return Position(
                line: lines.count - 1,
                character: encoding.character(atByte: lines[lines.count - 1].count, in: lines[lines.count - 1]))
        }
        let line = lines[number - 1]
        let byte = PositionEncoding.byteOffset(ofColumn: column, in: line, isFirstLine: number == 1)
        return Position(line: number - 1, character: encoding.character(atByte: byte, in: line))
    }

    /// The byte just past the JSON token that starts at `start`.
    static func tokenEnd(in line: [UInt8], from start: Int) -> Int {
        guard start < line.count else { return line.count }
        if line[start] == UInt8(ascii: "\"") {
            var index = start + 1
            while index < line.count {
                if line[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if line[index] == UInt8(ascii: "\"") { return index + 1 }
                index += 1
            }
            return line.count
        }
        var index = start
        let delimiters: Set<UInt8> = [0x20, 0x09, 0x0D, 0x2C, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x22]
        while index < line.count, !delimiters.contains(line[index]) { index += 1 }
        return max(index, start + PositionEncoding.sequenceLength(line[start]))
    }
}
