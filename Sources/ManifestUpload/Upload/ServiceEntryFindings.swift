public import ManifestKit

/// Turns the errors and warnings the service writes into dataset entries (`errors`/`cl-errors` and
/// `warnings` arrays of `{code, message}`, at the line or inside an annotation) into findings at the lines
/// of the local manifest that hold those entries, so they read like `lint`'s.
public enum ServiceEntryFindings {
    /// The rule name of every finding made here.
    public static let name = "reported-by-service"

    /// The `source-ref` of an entry as the service returned it, and its errors and warnings; nil when the
    /// entry is not a JSON object.
    public static func items(inEntry entry: String) -> (sourceRef: String?, items: [ServiceAnnotations.Item])? {
        ServiceAnnotations.read(entry)
    }

    /// Findings for `entries` at the lines of `manifest` whose `source-ref` they have; entries whose
    /// `source-ref` is not in the manifest are counted in `elsewhere`.
    public static func diagnostics(entries: [String], manifest: String, lines: [String: Int]) -> (
        diagnostics: [Diagnostic], elsewhere: Int
    ) {
        var diagnostics: [Diagnostic] = []
        var elsewhere = 0
        for entry in entries {
            guard let (sourceRef, items) = items(inEntry: entry), !items.isEmpty else { continue }
            guard let sourceRef, let line = lines[sourceRef] else {
                elsewhere += 1
                continue
            }
            for item in items {
                diagnostics.append(
                    Diagnostic(
                        file: manifest, line: line, column: nil, code: item.code, name: name,
                        serviceCode: ServiceErrorCode(rawValue: item.code), severity: item.severity,
                        message: "the service reports: \(item.message.isEmpty ? item.code : item.message)",
                        pointer: item.pointer.isEmpty ? nil : item.pointer, sourceRef: sourceRef))
            }
        }
        return (diagnostics.sorted(by: Diagnostic.sortOrder), elsewhere)
    }

    /// The line (1-based) of each `source-ref` in `wanted` in the manifest at `path`.
    public static func lines(of wanted: Set<String>, inManifest path: String) throws -> [String: Int] {
        var lines: [String: Int] = [:]
        guard !wanted.isEmpty else { return lines }
        let parser = JSONParser()
        try JSONLinesReader(path: path).forEachLine { record in
            guard let document = try? parser.parse(record.bytes),
                let value = document.member("source-ref", in: JSONDocument.rootIndex),
                let sourceRef = document.stringValue(at: value), wanted.contains(sourceRef), lines[sourceRef] == nil
            else { return }
            lines[sourceRef] = record.number
        }
        return lines
    }
}
