/// `stats --format json`: the service's shapes (`DatasetStats`, `DatasetLabelDescriptions`) and ours.
///
/// One object per manifest: `{"file", "DatasetStats", "DatasetLabelDescriptions", "statistics"}`; see the
/// README for every member.
public enum DatasetStatisticsJSON {
    /// The object for the manifest `file` with `statistics`, indented by `indent` spaces after its first line.
    public static func object(file: String, _ statistics: DatasetStatistics, indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        var members: [String] = []
        members.append("\"file\": \(JSONText.quoted(file))")
        members.append(
            "\"DatasetStats\": {\"TotalEntries\": \(statistics.totalEntries), \"LabeledEntries\": "
                + "\(statistics.labeledEntries), \"TotalLabels\": \(statistics.totalLabels), \"ErrorEntries\": "
                + "\(statistics.errorEntries)}")
        let descriptions = statistics.labels.map { label in
            "{\"LabelName\": \(JSONText.quoted(label.name)), \"LabelStats\": {\"EntryCount\": \(label.entries), "
                + "\"BoundingBoxCount\": \(label.boxEntries)}}"
        }
        members.append("\"DatasetLabelDescriptions\": " + list(descriptions, pad + "  "))
        members.append("\"statistics\": " + ours(statistics, pad + "  "))
        return "{\n" + members.map { pad + "  " + $0 }.joined(separator: ",\n") + "\n" + pad + "}"
    }

    private static func ours(_ statistics: DatasetStatistics, _ pad: String) -> String {
        var members: [String] = []
        members.append("\"images\": \(statistics.images)")
        members.append(
            "\"labels\": "
                + list(
                    statistics.labels.map { label in
                        "{\"label\": \(JSONText.quoted(label.name)), \"entries\": \(label.entries), "
                            + "\"imageLevelEntries\": \(label.imageLevelEntries), \"boxEntries\": "
                            + "\(label.boxEntries), \"boxes\": \(label.boxes)}"
                    }, pad + "  "))
        for (name, distribution) in [
            ("boxesPerImage", statistics.boxesPerImage), ("labelsPerImage", statistics.labelsPerImage),
            ("boxWidth", statistics.boxWidth), ("boxHeight", statistics.boxHeight), ("boxArea", statistics.boxArea),
            ("boxAspectRatio", statistics.boxAspect), ("imageWidth", statistics.imageWidth),
            ("imageHeight", statistics.imageHeight),
        ] {
            members.append("\(JSONText.quoted(name)): \(object(distribution))")
        }
        members.append(
            "\"imageSizes\": "
                + list(
                    statistics.imageSizes.map {
                        "{\"width\": \($0.width), \"height\": \($0.height), \"entries\": \($0.entries)}"
                    }, pad + "  "))
        members.append(
            "\"labelPairs\": "
                + list(
                    statistics.labelPairs.map {
                        "{\"labels\": [\(JSONText.quoted($0.first)), \(JSONText.quoted($0.second))], "
                            + "\"entries\": \($0.entries)}"
                    }, pad + "  "))
        members.append("\"imbalanceRatio\": \(statistics.imbalanceRatio.map(number) ?? "null")")
        members.append(
            "\"outlierBoxes\": {\"deviations\": \(number(DatasetStatistics.outlierDeviations)), \"count\": "
                + "\(statistics.outlierCount), \"boxes\": "
                + list(
                    statistics.outlierBoxes.map {
                        "{\"line\": \($0.line), \"label\": \(JSONText.quoted($0.label)), \"area\": \(number($0.area)), "
                            + "\"deviations\": \(number($0.deviations))}"
                    }, pad + "    ") + "}")
        members.append(
            "\"fewImageLabels\": {\"minimum\": \(DatasetStatistics.minimumImagesPerLabel), \"labels\": "
                + list(
                    statistics.fewImageLabels.map {
                        "{\"label\": \(JSONText.quoted($0.name)), \"entries\": \($0.entries)}"
                    }, pad + "    ") + "}")
        return "{\n" + members.map { pad + "  " + $0 }.joined(separator: ",\n") + "\n" + pad + "}"
    }

    /// A distribution as `{"count", "min", "max", "mean", "standardDeviation", "percentiles", "histogram"}`.
    static func object(_ distribution: Distribution) -> String {
        guard distribution.count > 0 else { return "{\"count\": 0}" }
        let percentiles = zip(Distribution.ranks, distribution.percentiles).map {
            "\"p\(Int($0))\": \(number($1))"
        }
        let bins = distribution.counts.indices.map { index in
            "{\"from\": \(number(distribution.edges[index])), \"to\": "
                + "\(index + 2 == distribution.edges.count ? "null" : number(distribution.edges[index + 1])), "
                + "\"count\": \(distribution.counts[index])}"
        }
        return "{\"count\": \(distribution.count), \"min\": \(number(distribution.minimum)), \"max\": "
            + "\(number(distribution.maximum)), \"mean\": \(number(distribution.mean)), \"standardDeviation\": "
            + "\(number(distribution.standardDeviation)), \"percentiles\": {\(percentiles.joined(separator: ", "))}, "
            + "\"histogram\": [\(bins.joined(separator: ", "))]}"
    }

    /// `value` with at most six decimals, as JSON (null when it is not finite).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == 0 ? "0" : "\(rounded)"
    }

    /// `items` as a JSON array, one a line, indented by `pad`.
    private static func list(_ items: [String], _ pad: String) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { pad + "  " + $0 }.joined(separator: ",\n") + "\n" + pad + "]"
    }
}
