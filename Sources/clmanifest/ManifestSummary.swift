import ManifestKit

/// One line per manifest after a human-readable `lint` report: what the service would make of it.
struct ManifestSummary {
    let file: String
    let statistics: LintStatistics
    /// Whether to add the dataset summary (`--summary`): bytes, boxes per image, images per label.
    var detailed = false
    /// Whether some rules were not selected: the lines with errors are then those of the selected rules.
    var partialSelection = false

    var text: String {
        if statistics.skipped { return "\(file): not JSON Lines; its lines were not checked" }
        let lines = statistics.lines
        var parts = ["\(file): \(plural(lines, "line"))"]
        if lines > 0 {
            let percent = Int((statistics.invalidShare * 100).rounded())
            let verdict =
                statistics.invalidShare > 0.2
                ? "over the 20% the service allows: training would fail"
                : "within the 20% the service allows"
            let rules = partialSelection ? " of the selected rules" : ""
            parts.append(
                "\(Count.grouped(statistics.linesWithErrors)) with errors\(rules), dropped or not used (\(percent)%, "
                    + "\(verdict))")
            parts.append("\(Count.grouped(statistics.linesWithWarningsOnly)) with warnings only")
            parts.append(
                "\(plural(statistics.images, "image")) in \(plural(statistics.buckets, "bucket")), "
                    + "\(plural(statistics.labels, "label")), \(plural(statistics.boxes, "box", "boxes"))")
        }
        var text = parts.joined(separator: "; ")
        if let images = statistics.imageChecks { text += "\n  " + images.sentence }
        if detailed && lines > 0 { text += "\n" + details }
        return text
    }

    /// The dataset summary: size, boxes per image, images per label (most first).
    private var details: String {
        var text = "  size: \(Count.bytes(statistics.bytes))\n"
        if statistics.imagesWithBoxes > 0 {
            let mean = Double(statistics.boxes) / Double(statistics.imagesWithBoxes)
            text +=
                "  boxes per image with boxes: \((mean * 10).rounded() / 10) on average, at most "
                + "\(Count.grouped(statistics.mostBoxes)) (\(plural(statistics.imagesWithBoxes, "image")) with boxes)\n"
        }
        let labels = statistics.labelImages.sorted { ($0.images, $1.label) > ($1.images, $0.label) }
        text += "  images per label:"
        text +=
            labels.isEmpty ? " none\n" : "\n" + labels.map { "    \(Count.grouped($0.images))  \($0.label)\n" }.joined()
        return String(text.dropLast())
    }

    private func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        Count.phrase(count, noun, plural)
    }
}
