import ManifestKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress display on standard error for long runs: file, lines, MiB read (of the total and as
/// a percentage when the size is known) and speed, rewritten in place; shown only when standard error is a
/// terminal (or `CLMANIFEST_PROGRESS=always`).
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

    /// Shows the progress of `file`, of `total` bytes when its size is known.
    func update(file: String, lines: Int, bytes: Int, total: Int? = nil) {
        guard enabled else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Output.standardError(
            "\r\u{1B}[K" + Self.text(file: file, lines: lines, bytes: bytes, total: total, seconds: seconds))
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

    /// `file: 1,234,567 lines, 812 of 2,048 MiB (40%), 210 MiB/s`; without a total, `…, 812 MiB, …`.
    static func text(file: String, lines: Int, bytes: Int, total: Int?, seconds: Double) -> String {
        let mebibytes = Double(bytes) / 1_048_576
        let speed = seconds > 0 ? Int(mebibytes / seconds) : 0
        var read = Count.grouped(Int(mebibytes))
        if let total, total > 0 {
            let percent = min(100, bytes * 100 / total)
            read += " of \(Count.grouped(Int((Double(total) / 1_048_576).rounded(.up)))) MiB (\(percent)%)"
        } else {
            read += " MiB"
        }
        return "\(file): \(Count.phrase(lines, "line")), \(read), \(Count.grouped(speed)) MiB/s"
    }
}
