import ArgumentParser
import ManifestKit

/// The `--format` names.
enum OutputFormat: String, CaseIterable {
    case text
    case full
    case json
    case jsonl
    case sarif
    case github
    case junit

    /// The reporter that renders this format, in colour for the formats people read when `color`.
    func reporter(color: Bool = false, marksUnsafeFixes: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, marksUnsafeFixes: marksUnsafeFixes)
        case .full: FullReporter(color: color, marksUnsafeFixes: marksUnsafeFixes)
        case .json: JSONReporter()
        case .jsonl: JSONLinesReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .junit: JUnitReporter()
        }
    }
}

/// A `--format` value: a format, and the file to write it to (`FORMAT:FILE`) or standard output.
struct FormatTarget: ExpressibleByArgument {
    var format: OutputFormat
    var file: String?

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let format = OutputFormat(rawValue: String(parts[0])) else { return nil }
        if parts.count == 2 && parts[1].isEmpty { return nil }
        self.format = format
        self.file = parts.count == 2 ? String(parts[1]) : nil
    }

    init(format: OutputFormat, file: String?) {
        self.format = format
        self.file = file
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}
