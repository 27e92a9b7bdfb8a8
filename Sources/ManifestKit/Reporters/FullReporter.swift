/// `text`, with the stretch of the line around each finding, a caret under its column, and the fix hint.
///
/// ```text
/// m.manifest:8:255: error: [CL303] the box ends at x = 2010, beyond the image width 1920 (ERROR_INVALID_BOUNDING_BOX)
///    |
///  8 | …"top": 203, "left": 1860, "width": 150…
///    |                      ^
///    = help: correct the box so that it lies within image_size, or correct image_size
/// ```
public struct FullReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "full"
    /// Whether people read this format.
    public static let isHumanReadable = true

    /// Whether to colour the output with ANSI escapes.
    public var color: Bool

    /// Whether findings with an unsafe fix get the `[*]` mark too (`--unsafe-fixes`).
    public var marksUnsafeFixes: Bool

    /// Creates the reporter.
    public init(color: Bool = false, marksUnsafeFixes: Bool = false) {
        self.color = color
        self.marksUnsafeFixes = marksUnsafeFixes
    }

    /// Renders each diagnostic as its `text` line and the excerpt, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            var block = TextReporter(color: color, marksUnsafeFixes: marksUnsafeFixes).render([diagnostic])
            let number = diagnostic.line.map(String.init) ?? ""
            // The bars line up under the one after the line number: " 12 | text".
            let gutter = String(repeating: " ", count: number.count + 2)
            if let excerpt = diagnostic.excerpt {
                block += "\(gutter)|\n \(number) | \(excerpt.text)\n"
                let caret = color ? "\u{1B}[1;31m^\u{1B}[0m" : "^"
                block += "\(gutter)| \(String(repeating: " ", count: excerpt.caret))\(caret)\n"
            }
            if let help = diagnostic.help { block += "\(gutter)= help: \(help)\n" }
            if let fix = diagnostic.fix { block += "\(gutter)= fix (\(fix.applicability.rawValue)): \(fix.message)\n" }
            return block
        }.joined(separator: "\n")
    }
}
