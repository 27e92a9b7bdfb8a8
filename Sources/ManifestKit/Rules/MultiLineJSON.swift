/// Flags a file that holds JSON spread over many lines (pretty-printed), not one object per line.
public struct MultiLineJSON: FileRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL012",
        name: "multi-line-json",
        mirrors: nil,
        severity: .error,
        summary: "the file is JSON spread over many lines, not one object per line",
        rationale: """
            A manifest has one JSON object per line. A pretty-printed JSON array or object (an export, or a \
            manifest opened and saved by an editor that formats JSON) spreads each value over many lines, and \
            the service would find every line invalid (ERROR_INVALID_JSON_LINE). Rather than a finding per \
            line, one says what the file holds (and where it stops being valid JSON, if it does); its lines are \
            not checked. A file counts as such when its first line opens an array or object that it does not \
            close, the next lines continue it, and some of them are not JSON on their own.
            """,
        fix: "write each object on a line of its own (for an array: each element), such as with jq -c '.[]'",
        conditions: [
            "a pretty-printed JSON array",
            "pretty-printed objects one after another",
            "pretty-printed JSON that is cut short or invalid further down",
        ],
        triggeringExamples: [
            // A whole-file finding is marked after the text's last newline.
            Example(
                "[\n  {\"source-ref\": \"s3://bucket/a.jpg\"},\n  {\"source-ref\": \"s3://bucket/b.jpg\"}\n]\n↓",
                condition: "a pretty-printed JSON array"),
            Example("[\n{\"source-ref\": \"s3://bucket/a.jpg\"}\n]\n↓", condition: "a pretty-printed JSON array"),
            Example(
                "{\n  \"source-ref\": \"s3://bucket/a.jpg\"\n}\n{\n  \"source-ref\": \"s3://bucket/b.jpg\"\n}\n↓",
                condition: "pretty-printed objects one after another"),
            Example(
                "{\n  \"source-ref\": \"s3://bucket/a.jpg\",\n  \"a\": [1,\n↓",
                condition: "pretty-printed JSON that is cut short or invalid further down"),
            Example(
                "[\n  {\"a\": 1},\n  {\"a\": 2,}\n]\n↓",
                condition: "pretty-printed JSON that is cut short or invalid further down"),
        ],
        nonTriggeringExamples: [
            Example("{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\"source-ref\": \"s3://bucket/b.jpg\"}\n"),
            // An array on one line is CL002, not a spread file.
            Example(
                "[{\"source-ref\": \"s3://bucket/a.jpg\"}, {\"source-ref\": \"s3://bucket/b.jpg\"}]\n",
                condition: "a pretty-printed JSON array"),
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\"}\n{\n", condition: "pretty-printed objects one after another"),
            // A first line cut short, followed by whole lines: JSON Lines with one bad line (CL001).
            Example(
                "{\"source-ref\": \"s3://bucket/a.jpg\", \"a\":\n{\"source-ref\": \"s3://bucket/b.jpg\"}\n",
                condition: "pretty-printed JSON that is cut short or invalid further down"),
        ]
    )

    /// Whether the file that starts with `prefix` (all of it when `isWhole`) is JSON spread over lines: its
    /// first non-blank line opens a value it does not finish, the text continues it past that line, and some
    /// later line is not JSON on its own (a first line cut short before whole JSON Lines is one bad line, not
    /// a spread file).
    static func isSpread(_ prefix: [UInt8], isWhole: Bool) -> Bool {
        var text = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(prefix.dropFirst(3)) : prefix
        guard let start = text.firstIndex(where: { !isWhitespace($0) }),
            text[start] == UInt8(ascii: "[") || text[start] == UInt8(ascii: "{")
        else { return false }
        let lineEnd = text[start...].firstIndex(of: 0x0A) ?? text.count
        // The first line alone must stop short: an unfinished value, not a syntax error inside it.
        guard lineEnd < text.count, case .unfinished = scan(Array(text[start..<lineEnd])) else { return false }
        if !isWhole, let lastNewline = text.lastIndex(of: 0x0A) { text = Array(text[..<lastNewline]) }
        let later = text[min(lineEnd + 1, text.count)...].split(separator: 0x0A).filter {
            $0.contains { !isWhitespace($0) }
        }
        guard later.contains(where: { if case .values = scan(Array($0)) { false } else { true } }) else { return false }
        switch scan(Array(text[start...])) {
        case .values(let values): return !values.isEmpty
        case .unfinished: return true
        // Pretty-printed JSON with a mistake further down (a trailing comma) is still JSON spread over lines;
        // the mistake cannot be on the first line, which alone was only unfinished.
        case .invalid: return true
        }
    }

    /// The finding's message for the whole file `bytes` (when it was read whole), or for a file that
    /// `isSpread` recognised but that was too large to read whole (`bytes` nil).
    static func message(for bytes: [UInt8]?, lines: Int?) -> String {
        let spread = lines.map { " spread over \(Count.phrase($0, "line"))" } ?? " spread over many lines"
        let advice = "; manifests need one JSON object per line: its lines were not checked"
        guard let bytes else { return "the file is JSON\(spread)\(advice)" }
        switch scan(bytes) {
        case .values(let values):
            if values.count == 1, let only = values.first {
                return "the file is one JSON \(only.kind)\(only.elements.map { " of \($0)" } ?? "")\(spread)\(advice)"
            }
            let objects = values.allSatisfy { $0.kind == "object" }
            return
                "the file holds \(Count.phrase(values.count, objects ? "JSON object" : "JSON value"))\(spread)\(advice)"
        case .unfinished:
            return "the file is JSON\(spread) that ends before its last value is complete\(advice)"
        case .invalid(let line, let message):
            return "the file starts as JSON\(spread) but is not valid JSON (line \(line): \(message))\(advice)"
        }
    }

    /// One value of a file: its kind and, for an array, its element count.
    private struct Value {
        var kind: String
        /// For an array: "27 objects", "3 elements".
        var elements: String?

        init(_ document: JSONDocument) {
            let root = document.root
            switch root.kind {
            case .object: kind = "object"
            case .array:
                kind = "array"
                let children = document.children(of: JSONDocument.rootIndex)
                let objects = children.allSatisfy { document[$0].kind == .object }
                elements = Count.phrase(Int(root.count), objects && root.count > 0 ? "object" : "element")
            default: kind = "value"
            }
        }
    }

    private enum Scan {
        case values([Value])
        case unfinished
        case invalid(line: Int, message: String)
    }

    /// Reads `bytes` as JSON values one after another, across lines.
    private static func scan(_ bytes: [UInt8]) -> Scan {
        let parser = JSONParser()
        var values: [Value] = []
        var position = 0
        return bytes.withUnsafeBufferPointer { buffer in
            while true {
                while position < buffer.count, isWhitespace(buffer[position]) { position += 1 }
                guard position < buffer.count else { return .values(values) }
                let rest = UnsafeBufferPointer(rebasing: buffer[position...])
                do throws(JSONSyntaxError) {
                    let document = try parser.parse(rest)
                    values.append(Value(document))
                    return .values(values)
                } catch {
                    // Another value follows this one: keep it, and read on from there.
                    if error.message.hasPrefix("expected end of line after the JSON value"),
                        let document = try? parser.parse(UnsafeBufferPointer(rebasing: rest[..<error.offset]))
                    {
                        values.append(Value(document))
                        position += error.offset
                        continue
                    }
                    if error.offset >= rest.count { return .unfinished }
                    let line = 1 + buffer[..<(position + error.offset)].count { $0 == 0x0A }
                    return .invalid(line: line, message: error.message)
                }
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func check(_ start: FileStart) -> FileVerdict? {
        guard isSpread(start.prefix, isWhole: start.isWhole) else { return nil }
        return .describedByWholeFile { bytes, lines in message(for: bytes, lines: lines) }
    }
}
