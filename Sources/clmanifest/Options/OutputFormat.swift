import ArgumentParser
import ManifestKit

/// The `--format` values.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case jsonl

    /// The reporter that renders this format.
    var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
        case .jsonl: JSONLinesReporter()
        }
    }
}
