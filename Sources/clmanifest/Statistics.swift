import ManifestKit

/// `--statistics`: how many findings each rule has, most first.
struct Statistics {
    let diagnostics: [Diagnostic]

    var text: String {
        var counts: [String: (name: String, count: Int)] = [:]
        for diagnostic in diagnostics {
            counts[diagnostic.code, default: (diagnostic.name, 0)].count += 1
        }
        let rows = counts.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let width = rows.map { String($0.value.count).count }.max() ?? 1
        return rows.map { code, entry in
            let count = String(entry.count)
            return String(repeating: " ", count: width - count.count) + count + "  \(code)  \(entry.name)\n"
        }.joined()
    }
}
