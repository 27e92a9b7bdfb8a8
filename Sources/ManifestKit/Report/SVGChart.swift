/// Charts as inline SVG: a titled, labelled figure that reads without script or styles from elsewhere.
///
/// Colours are from the Okabe–Ito palette, which stays distinguishable with the common colour-vision
/// deficiencies; every bar also carries its number as text, so colour is never the only cue.
enum SVGChart {
    /// The palette (blue, orange, bluish green, vermillion, reddish purple, sky blue).
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"]

    /// Horizontal bars, one per row (name, value), longest first as given, at most `limit` rows.
    static func bars(id: String, title: String, description: String, rows: [(String, Int)], limit: Int = 40) -> String {
        let shown = Array(rows.prefix(limit))
        let rowHeight = 22
        let labelWidth = 200
        let width = 720
        let height = max(1, shown.count) * rowHeight + 30
        let most = max(1, shown.map(\.1).max() ?? 1)
        var svg = open(id: id, title: title, description: description, width: width, height: height)
        for (index, row) in shown.enumerated() {
            let y = index * rowHeight + 4
            let length = Int((Double(row.1) / Double(most) * Double(width - labelWidth - 70)).rounded())
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">"
            svg += "\(MarkupText.escaped(truncated(row.0, 28)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(max(length, row.1 > 0 ? 1 : 0))\" height=\"16\" "
            svg += "fill=\"\(palette[0])\"><title>\(MarkupText.escaped(row.0)): \(row.1)</title></rect>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(Count.grouped(row.1))</text>"
        }
        if rows.count > limit {
            svg += "<text x=\"0\" y=\"\(height - 6)\">… and \(rows.count - limit) more (see the table)</text>"
        }
        return svg + "</svg></figure>\n"
    }

    /// A histogram of `distribution`, its bins labelled with `label(edge)`.
    static func histogram(
        id: String, title: String, description: String, _ distribution: Distribution, label: (Double) -> String,
        color: Int = 0
    ) -> String {
        let counts = distribution.counts
        let width = 720
        let height = 220
        let plotHeight = 150
        let barWidth = counts.isEmpty ? 0 : (width - 40) / counts.count
        let most = max(1, counts.max() ?? 1)
        var svg = open(id: id, title: title, description: description, width: width, height: height)
        for (index, count) in counts.enumerated() {
            let barHeight = Int((Double(count) / Double(most) * Double(plotHeight)).rounded())
            let x = 20 + index * barWidth
            let range =
                index + 1 == counts.count
                ? "\(label(distribution.edges[index])) or more"
                : "\(label(distribution.edges[index]))–\(label(distribution.edges[index + 1]))"
            svg += "<rect x=\"\(x + 1)\" y=\"\(20 + plotHeight - barHeight)\" width=\"\(barWidth - 2)\" "
            svg += "height=\"\(barHeight)\" fill=\"\(palette[color % palette.count])\">"
            svg += "<title>\(MarkupText.escaped(range)): \(count)</title></rect>"
            if count > 0 {
                svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(16 + plotHeight - barHeight)\" text-anchor=\"middle\" "
                svg += "class=\"small\">\(Count.grouped(count))</text>"
            }
            if index % max(1, counts.count / 10) == 0 {
                svg += "<text x=\"\(x)\" y=\"\(plotHeight + 38)\" class=\"small\">"
                svg += "\(MarkupText.escaped(label(distribution.edges[index])))</text>"
            }
        }
        return svg + "</svg></figure>\n"
    }

    private static func open(id: String, title: String, description: String, width: Int, height: Int) -> String {
        "<figure><svg id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(width) "
            + "\(height)\" width=\"\(width)\" height=\"\(height)\"><title id=\"\(id)-title\">"
            + "\(MarkupText.escaped(title))</title><desc id=\"\(id)-desc\">\(MarkupText.escaped(description))</desc>"
    }

    private static func truncated(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
