import Foundation
import ManifestKit

/// Findings accepted for now: a baseline file records them, and a run with `--baseline` does not report
/// them again, so a team can adopt clmanifest on a manifest with known problems and fail only on new ones.
///
/// A finding is known by its rule code and the line's `source-ref` and JSON Pointer, which survive the
/// manifest being sorted or edited elsewhere; a finding on a line without a `source-ref` (such as invalid
/// JSON) by its code, file and message; a whole-file finding by its code and file. The file is JSON Lines,
/// one `jsonl` finding object per line.
struct Baseline {
    private var keys: Set<String> = []

    /// The key that identifies `diagnostic` across runs.
    static func key(_ diagnostic: Diagnostic) -> String {
        if let sourceRef = diagnostic.sourceRef {
            return "\(diagnostic.code)\u{0}\(sourceRef)\u{0}\(diagnostic.pointer ?? "")"
        }
        // A whole-file finding's message holds counts that change; the rule and file identify it.
        let message = diagnostic.line == nil ? "" : diagnostic.message
        return "\(diagnostic.code)\u{0}\u{0}\(diagnostic.file)\u{0}\(message)"
    }

    /// Reads the baseline at `path`.
    init(path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(message: "cannot read the baseline '\(path)': \(error.localizedDescription)")
        }
        for (index, line) in data.split(separator: 0x0A).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                let code = object["code"] as? String
            else {
                throw CommandFailure(message: "baseline '\(path)' line \(index + 1) is not a baseline entry")
            }
            let diagnostic = Diagnostic(
                file: object["file"] as? String ?? "", line: object["line"] as? Int, column: nil, code: code, name: "",
                serviceCode: nil, severity: .error, message: object["message"] as? String ?? "",
                pointer: object["pointer"] as? String, sourceRef: object["sourceRef"] as? String)
            keys.insert(Self.key(diagnostic))
        }
    }

    /// Whether `diagnostic` is recorded in the baseline.
    func contains(_ diagnostic: Diagnostic) -> Bool {
        keys.contains(Self.key(diagnostic))
    }

    /// The baseline file for `diagnostics`: the jsonl objects, which hold every field a key needs.
    static func text(for diagnostics: [Diagnostic]) -> String {
        JSONLinesReporter().render(diagnostics)
    }
}
