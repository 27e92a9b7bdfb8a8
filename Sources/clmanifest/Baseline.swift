import Foundation
import ManifestKit

/// Findings accepted for now: a baseline file records them, and a run with `--baseline` does not report
/// them again, so a team can adopt clmanifest on a manifest with known problems and fail only on new ones.
///
/// A finding is known by its rule code and the line's `source-ref` and JSON Pointer, which survive the
/// manifest being sorted or edited elsewhere; a finding on a line without a `source-ref` (such as invalid
/// JSON) by its code, file and message; a whole-file finding by its code and file. Files are recorded
/// relative to the baseline's own directory, so a baseline works from any working directory. The file is
/// JSON Lines, one `jsonl` finding object per line.
struct Baseline {
    private var keys: Set<String> = []
    /// The directory of the baseline file: recorded paths are relative to it.
    private let directory: String

    /// The key that identifies `diagnostic` across runs; its file is taken relative to `directory`.
    static func key(_ diagnostic: Diagnostic, directory: String) -> String {
        if let sourceRef = diagnostic.sourceRef {
            return "\(diagnostic.code)\u{0}\(sourceRef)\u{0}\(diagnostic.pointer ?? "")"
        }
        // A whole-file finding's message holds counts that change; the rule and file identify it.
        let message = diagnostic.line == nil ? "" : diagnostic.message
        return "\(diagnostic.code)\u{0}\u{0}\(recorded(diagnostic.file, directory: directory))\u{0}\(message)"
    }

    /// A finding's file as a baseline in `directory` records it; standard input stays `-`.
    private static func recorded(_ file: String, directory: String) -> String {
        file == "-" ? file : PathName.relative(file, to: directory)
    }

    /// Reads the baseline at `path`.
    init(path: String) throws {
        directory = PathName.directory(of: path)
        let bytes: [UInt8]
        do {
            bytes = try FileContents.bytes(path)
        } catch {
            throw CommandFailure(message: "cannot read the baseline '\(path)': \(error.reason)")
        }
        for (index, line) in bytes.split(separator: 0x0A).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let code = object["code"] as? String
            else {
                throw CommandFailure(
                    message: "baseline '\(path)' line \(index + 1) is not a baseline entry (a jsonl finding object)")
            }
            // Recorded files are already relative to the baseline's directory.
            let diagnostic = Diagnostic(
                file: PathName.joined(directory, object["file"] as? String ?? ""), line: object["line"] as? Int,
                column: nil, code: code, name: "", serviceCode: nil, severity: .error,
                message: object["message"] as? String ?? "", pointer: object["pointer"] as? String,
                sourceRef: object["sourceRef"] as? String)
            keys.insert(Self.key(diagnostic, directory: directory))
        }
    }

    /// Whether `diagnostic` is recorded in the baseline.
    func contains(_ diagnostic: Diagnostic) -> Bool {
        keys.contains(Self.key(diagnostic, directory: directory))
    }

    /// The baseline file at `baselineFile` for `diagnostics`: the jsonl objects, which hold every field a key
    /// needs, with each file relative to the baseline's directory.
    static func text(for diagnostics: [Diagnostic], baselineFile: String) -> String {
        let directory = PathName.directory(of: baselineFile)
        return JSONLinesReporter().render(
            diagnostics.map { diagnostic in
                var recorded = diagnostic
                recorded.file = Self.recorded(diagnostic.file, directory: directory)
                return recorded
            })
    }
}
