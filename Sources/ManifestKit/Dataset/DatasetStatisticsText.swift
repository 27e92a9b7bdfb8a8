/// `stats --format text`: compact tables for a terminal, with Unicode bars, fitted to its width.
public struct DatasetStatisticsText {
    /// The terminal's width in columns (at least 40 is used).
    public var width: Int

    /// A renderer for a terminal `width` columns wide.
    public init(width: Int = 80) {
        self.width = max(40, width)
    }

    /// The tables of the manifest `file`.
    public func render(file: String, _ statistics: DatasetStatistics) -> String {
        var text = wrapped("", file, indent: 2)
        let boxes = statistics.labels.reduce(0) { $0 + $1.boxes }
        text += wrapped(
            "  ",
            "\(Count.phrase(statistics.totalEntries, "entry", "entries")): \(Count.grouped(statistics.labeledEntries)) "
                + "labeled, \(Count.grouped(statistics.errorEntries)) with errors; "
                + "\(Count.phrase(statistics.totalLabels, "label")), \(Count.phrase(statistics.images, "image")), "
                + "\(Count.phrase(boxes, "box", "boxes"))", indent: 4)
        text += wrapped(
            "  ",
            "DatasetStats: TotalEntries \(statistics.totalEntries), LabeledEntries \(statistics.labeledEntries), "
                + "TotalLabels \(statistics.totalLabels), ErrorEntries \(statistics.errorEntries)", indent: 4)
        text += labelTable(statistics.labels)
        text += "\n"
        let rows: [(String, String)] = [
            ("boxes per image", summary(statistics.boxesPerImage, Self.count)),
            ("labels per image", summary(statistics.labelsPerImage, Self.count)),
            ("box width", summary(statistics.boxWidth, Self.share)),
            ("box height", summary(statistics.boxHeight, Self.share)),
            ("box area", summary(statistics.boxArea, Self.share)),
            ("box aspect (w/h)", summary(statistics.boxAspect, Self.ratio)),
            ("image width", summary(statistics.imageWidth, Self.count)),
            ("image height", summary(statistics.imageHeight, Self.count)),
            (
                "image sizes",
                statistics.imageSizes.isEmpty
                    ? "—"
                    : statistics.imageSizes.map { "\($0.width)×\($0.height) (\(Count.grouped($0.entries)))" }
                        .joined(separator: ", ")
            ),
            (
                "label pairs",
                statistics.labelPairs.isEmpty
                    ? "—"
                    : statistics.labelPairs.map { "\($0.first) + \($0.second) (\(Count.grouped($0.entries)))" }
                        .joined(separator: ", ")
            ),
            ("imbalance", imbalance(statistics)),
            ("outlier boxes", outliers(statistics)),
            (
                "few images",
                statistics.fewImageLabels.isEmpty
                    ? "none under \(DatasetStatistics.minimumImagesPerLabel)"
                    : "under \(DatasetStatistics.minimumImagesPerLabel): "
                        + statistics.fewImageLabels.map { "\($0.name) (\($0.entries))" }.joined(separator: ", ")
            ),
        ]
        let labelWidth = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            text += wrapped("  " + Self.left(name, labelWidth) + "  ", value, indent: labelWidth + 4)
        }
        return text
    }

    /// The label table: name, entries, boxes and a bar of the entries, as wide as the terminal allows.
    private func labelTable(_ labels: [DatasetStatistics.LabelRow]) -> String {
        guard !labels.isEmpty else { return "  no labels\n" }
        let nameWidth = min(max(5, labels.map(\.name.count).max() ?? 0), max(12, width / 3))
        let entriesWidth = max(7, labels.map { Count.grouped($0.entries).count }.max() ?? 0)
        let boxesWidth = max(5, labels.map { Count.grouped($0.boxes).count }.max() ?? 0)
        let barWidth = max(4, width - 2 - nameWidth - 2 - entriesWidth - 2 - boxesWidth - 2)
        let most = max(1, labels.map(\.entries).max() ?? 1)
        var text = "\n  " + Self.left("label", nameWidth) + "  "
        text += Self.right("entries", entriesWidth) + "  " + Self.right("boxes", boxesWidth) + "\n"
        for label in labels {
            text +=
                "  " + Self.truncated(label.name, nameWidth) + "  "
                + Self.right(Count.grouped(label.entries), entriesWidth)
            text += "  " + Self.right(Count.grouped(label.boxes), boxesWidth) + "  "
            text += Self.bar(Double(label.entries) / Double(most), width: barWidth) + "\n"
        }
        return text
    }

    private func summary(_ distribution: Distribution, _ format: (Double) -> String) -> String {
        guard distribution.count > 0 else { return "—" }
        let percentiles = distribution.percentiles
        return "median \(format(percentiles[2])) (p5 \(format(percentiles[0])), p95 \(format(percentiles[4]))), "
            + "\(format(distribution.minimum))–\(format(distribution.maximum)), mean \(format(distribution.mean))"
    }

    private func imbalance(_ statistics: DatasetStatistics) -> String {
        let carried = statistics.labels.filter { $0.entries > 0 }
        guard let ratio = statistics.imbalanceRatio, let most = carried.first, let fewest = carried.last else {
            return "—"
        }
        return "\(Self.ratio(ratio))× (\(most.name) \(Count.grouped(most.entries)) / \(fewest.name) "
            + "\(Count.grouped(fewest.entries)))"
    }

    private func outliers(_ statistics: DatasetStatistics) -> String {
        guard statistics.outlierCount > 0 else {
            return "none over \(Int(DatasetStatistics.outlierDeviations))σ from their label's mean area"
        }
        let shown = statistics.outlierBoxes.prefix(3).map {
            "line \($0.line) \($0.label) (\(Self.share($0.area)), \(Self.ratio($0.deviations))σ)"
        }
        return "\(Count.phrase(statistics.outlierCount, "box", "boxes")) over "
            + "\(Int(DatasetStatistics.outlierDeviations))σ from their label's mean area: "
            + shown.joined(separator: ", ") + (statistics.outlierCount > 3 ? ", …" : "")
    }

    /// `prefix` then `text`, broken at spaces into lines of the terminal's width, the later ones indented by
    /// `indent` columns; a word longer than a line is cut.
    private func wrapped(_ prefix: String, _ text: String, indent: Int) -> String {
        var lines: [String] = []
        var line = prefix
        var lineHasWord = false
        for word in text.split(separator: " ") {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.count <= width ? $0 : String($0.prefix(width - 1)) + "…" }.joined(separator: "\n") + "\n"
    }

    /// A bar of `fraction` (0…1) of `width` columns, in eighths of a block; at least a sliver when above 0.
    static func bar(_ fraction: Double, width: Int) -> String {
        let eighths = max(fraction > 0 ? 1 : 0, Int((fraction * Double(width * 8)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    static func count(_ value: Double) -> String {
        value == value.rounded() ? Count.grouped(Int(value)) : ratio(value)
    }

    static func share(_ value: Double) -> String {
        let percent = value * 100
        return percent >= 10 || percent == 0 ? "\(Int(percent.rounded()))%" : "\((percent * 10).rounded() / 10)%"
    }

    static func ratio(_ value: Double) -> String {
        "\((value * 10).rounded() / 10)"
    }

    private static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func truncated(_ text: String, _ width: Int) -> String {
        text.count <= width
            ? left(text, width) : String(text.prefix(width - 1)) + "…"
    }
}
