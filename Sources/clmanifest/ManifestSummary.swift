import ManifestKit

/// One line per manifest after a human-readable `lint` report: what the service would make of it.
struct ManifestSummary {
    let file: String
    let statistics: LintStatistics

    var text: String {
        if statistics.skipped { return "\(file): skipped, not JSON Lines" }
        let lines = statistics.lines
        var parts = ["\(file): \(plural(lines, "line"))"]
        if lines > 0 {
            let percent = Int((statistics.invalidShare * 100).rounded())
            let verdict =
                statistics.invalidShare > 0.2
                ? "over the 20% the service allows: training would fail"
                : "within the 20% the service allows"
            parts.append(
                "\(statistics.linesWithErrors) with errors, dropped or not used (\(percent)%, \(verdict))")
            parts.append("\(statistics.linesWithWarningsOnly) with warnings only")
            parts.append(
                "\(plural(statistics.images, "image")) in \(plural(statistics.buckets, "bucket")), "
                    + "\(plural(statistics.labels, "label")), \(plural(statistics.boxes, "box", "boxes"))")
        }
        return parts.joined(separator: "; ")
    }

    private func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
