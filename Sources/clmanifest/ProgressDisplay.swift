import ManifestKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress display on standard error for long runs: file, lines, megabytes and speed,
/// rewritten in place; shown only when standard error is a terminal (or `CLMANIFEST_PROGRESS=always`).
final class ProgressDisplay {
    private let enabled: Bool
    private var start = ContinuousClock.now
    private var shown = false

    init() {
        let forced = getenv("CLMANIFEST_PROGRESS").map { String(cString: $0) == "always" } ?? false
        enabled = forced || isatty(2) == 1
    }

    /// Starts timing a file.
    func begin() {
        start = ContinuousClock.now
    }

    /// Shows the progress of `file`.
    func update(file: String, lines: Int, bytes: Int) {
        guard enabled else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Output.standardError("\r\u{1B}[K" + Self.text(file: file, lines: lines, bytes: bytes, seconds: seconds))
        shown = true
    }

    /// Shows `text` in place of the previous progress line.
    func note(_ text: String) {
        guard enabled else { return }
        Output.standardError("\r\u{1B}[K" + text)
        shown = true
    }

    /// Clears the line before the report is printed.
    func end() {
        guard shown else { return }
        Output.standardError("\r\u{1B}[K")
        shown = false
    }

    /// `file: 1,234,567 lines, 812 MB, 210 MB/s`.
    static func text(file: String, lines: Int, bytes: Int, seconds: Double) -> String {
        let megabytes = Double(bytes) / 1_000_000
        let speed = seconds > 0 ? Int(megabytes / seconds) : 0
        return "\(file): \(grouped(lines)) lines, \(Int(megabytes)) MB, \(speed) MB/s"
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var output = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { output += "," }
            output.append(digit)
        }
        return output
    }
}
