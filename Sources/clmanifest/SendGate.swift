import ManifestKit

/// The check before anything is sent (`upload`, `update-dataset-entries`): error findings stop the send.
enum SendGate {
    /// The error-severity findings among `diagnostics` and "N error finding(s)", or nil when there are none.
    static func errors(in diagnostics: [Diagnostic]) -> (findings: [Diagnostic], count: String)? {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        return (errors, Count.phrase(errors.count, "error finding"))
    }
}
