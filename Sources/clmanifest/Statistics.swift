import ManifestKit

/// `--statistics`: how many findings each rule has, most first.
struct Statistics {
    let diagnostics: [Diagnostic]

    /// Code, name and count per rule, most findings first, then by code.
    private var rows: [(code: String, name: String, count: Int)] {
        var counts: [String: (name: String, count: Int)] = [:]
        for diagnostic in diagnostics {
            counts[diagnostic.code, default: (diagnostic.name, 0)].count += 1
        }
        return counts.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map {
            ($0.key, $0.value.name, $0.value.count)
        }
    }

    /// The statistics in `format`: a table for people, `{"code", "name", "count"}` objects for `json` (an
    /// array) and `jsonl` (one a line); nil for the formats that always carry the findings (sarif, github,
    /// junit).
    func rendered(as format: OutputFormat) -> String? {
        switch format {
        case .text, .full: return text
        case .json:
            return "[" + rows.map { "\n  " + object($0) }.joined(separator: ",") + (rows.isEmpty ? "]\n" : "\n]\n")
        case .jsonl: return rows.map { object($0) + "\n" }.joined()
        case .sarif, .github, .junit: return nil
        }
    }

    var text: String {
        let rows = self.rows
        let width = rows.map { String($0.count).count }.max() ?? 1
        return rows.map { row in
            let count = String(row.count)
            return String(repeating: " ", count: width - count.count) + count + "  \(row.code)  \(row.name)\n"
        }.joined()
    }

    private func object(_ row: (code: String, name: String, count: Int)) -> String {
        "{\"code\": \(JSONText.quoted(row.code)), \"name\": \(JSONText.quoted(row.name)), \"count\": \(row.count)}"
    }
}
