/// `clmanifest report`: one self-contained HTML page about a dataset — the summary, charts as inline SVG,
/// the findings as a table to filter, and with images, a gallery per label.
///
/// Nothing is fetched: styles are inline, charts are SVG, images are `data:` URLs, and the one script (for
/// filtering the findings) is inline too. Everything reads without script; filtering by code and severity
/// needs it (and also follows the address's `#code=CL301&severity=error`).
public struct HTMLReport {
    /// The most findings listed in the table (all are counted).
    public static let findingLimit = 5000

    private let review: DatasetReview
    private let gallery: ReportGallery?

    /// The report of `review`; with `images` (mappings of `source-ref` prefixes to local directories) and
    /// the training manifest's `bytes`, a gallery of its images.
    public init(review: DatasetReview, trainingBytes: [UInt8]? = nil, images: [ImageMapping] = []) {
        self.review = review
        if let trainingBytes, !images.isEmpty {
            gallery = ReportGallery(
                bytes: trainingBytes, profile: review.training.profile,
                labels: review.training.statistics.labels.map(\.name), mappings: images)
        } else {
            gallery = nil
        }
    }

    /// Every finding: each manifest's lint findings, then the dataset rules'.
    var findings: [Diagnostic] {
        review.training.findings + (review.test?.findings ?? []) + review.readiness.filter { $0.code.hasPrefix("CL7") }
    }

    /// The page.
    public var html: String {
        let name = review.training.name
        var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html +=
            "<title>clmanifest report: \(MarkupText.escaped(name))</title><style>\(Self.style)</style></head>\n<body><main>\n"
        html += "<h1>Dataset report: <code>\(MarkupText.escaped(name))</code></h1>\n"
        html += summary()
        for (role, manifest) in manifests {
            html += charts(manifest, key: role)
        }
        html += findingTable()
        if let gallery {
            html +=
                "<section id=\"gallery\"><h2>Images by label</h2>\n<p>At most \(ReportGallery.imagesPerLabel) images "
            html += "for each of the first \(ReportGallery.labelLimit) labels, files up to "
            html += "\(Count.mebibytes(ReportGallery.largestImage)) MiB, embedded as they are. Boxes of the label in "
            html += "orange, of other labels in sky blue.</p>\n\(gallery.html)</section>\n"
        }
        html += "<footer>Made by clmanifest. The counts follow the service's documentation; see the README's "
        html +=
            "“stats” section for each assumption.</footer>\n</main>\n<script>\(Self.script)</script>\n</body></html>\n"
        return html
    }

    private func summary() -> String {
        var html = "<section id=\"summary\"><h2>Summary</h2>\n"
        for (role, manifest) in manifests {
            let statistics = manifest.statistics
            html +=
                "<h3>\(role.prefix(1).uppercased() + role.dropFirst()): <code>\(MarkupText.escaped(manifest.name))</code></h3>\n<dl class=\"stats\">"
            for (term, value) in [
                ("TotalEntries", statistics.totalEntries), ("LabeledEntries", statistics.labeledEntries),
                ("TotalLabels", statistics.totalLabels), ("ErrorEntries", statistics.errorEntries),
                ("Images", statistics.images), ("Boxes", statistics.labels.reduce(0) { $0 + $1.boxes }),
            ] {
                html += "<div><dt>\(term)</dt><dd data-stat=\"\(term)\">\(Count.grouped(value))</dd></div>"
            }
            html += "</dl>\n"
            if let ratio = statistics.imbalanceRatio {
                html += "<p>Imbalance (most / fewest entries per label): \(DatasetStatisticsText.ratio(ratio))×. "
            } else {
                html += "<p>"
            }
            html += "Boxes over \(Int(DatasetStatistics.outlierDeviations))σ from their label's mean area: "
            html += "\(Count.grouped(statistics.outlierCount)).</p>\n"
        }
        let errors = review.readiness.count { $0.severity == .error }
        html += "<h3>Readiness for training</h3>\n"
        if review.readiness.isEmpty {
            html +=
                "<p class=\"ready\">No findings: nothing stands in the way of training that clmanifest can see.</p>\n"
        } else {
            html +=
                "<p>\(Count.phrase(errors, "error")), \(Count.phrase(review.readiness.count - errors, "other finding")).</p>"
            html += "<ul class=\"readiness\">"
            for finding in review.readiness {
                html += "<li><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
                html += "<code>\(finding.code)</code> \(MarkupText.escaped(Self.place(finding))): "
                html += "\(MarkupText.escaped(finding.message))</li>"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// The manifests with their roles (`training`, `test`), which also key their charts' ids.
    private var manifests: [(role: String, manifest: DatasetReview.Manifest)] {
        [("training", review.training)] + (review.test.map { [("test", $0)] } ?? [])
    }

    private func charts(_ manifest: DatasetReview.Manifest, key: String) -> String {
        let statistics = manifest.statistics
        var html = "<section id=\"charts-\(key)\"><h2>Charts: <code>\(MarkupText.escaped(manifest.name))</code></h2>\n"
        html += SVGChart.bars(
            id: "\(key)-labels", title: "Entries per label",
            description: "How many entries carry each label, most first.",
            rows: statistics.labels.map { ($0.name, $0.entries) })
        html += "<details><summary>Label table</summary><table><thead><tr><th scope=\"col\">Label</th>"
        html += "<th scope=\"col\">Entries</th><th scope=\"col\">Image-level</th><th scope=\"col\">With boxes</th>"
        html += "<th scope=\"col\">Boxes</th></tr></thead><tbody>"
        for label in statistics.labels {
            html += "<tr><td>\(MarkupText.escaped(label.name))</td><td>\(label.entries)</td>"
            html += "<td>\(label.imageLevelEntries)</td><td>\(label.boxEntries)</td><td>\(label.boxes)</td></tr>"
        }
        html += "</tbody></table></details>\n"
        let count = { (value: Double) in String(Int(value)) }
        let share = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        let ratio = { (value: Double) in DatasetStatisticsText.ratio(value) }
        let charts: [(String, String, String, Distribution, (Double) -> String)] = [
            (
                "boxes-per-image", "Boxes per image", "Entries by their number of boxes.", statistics.boxesPerImage,
                count
            ),
            (
                "labels-per-image", "Labels per image", "Entries by the number of labels they carry.",
                statistics.labelsPerImage, count
            ),
            ("box-width", "Box width", "Boxes by width as a share of the image width.", statistics.boxWidth, share),
            (
                "box-height", "Box height", "Boxes by height as a share of the image height.", statistics.boxHeight,
                share
            ),
            ("box-area", "Box area", "Boxes by area as a share of the image area.", statistics.boxArea, share),
            ("box-aspect", "Box aspect ratio", "Boxes by width over height, in pixels.", statistics.boxAspect, ratio),
            (
                "image-width", "Image width", "Entries by image width in pixels (image_size).", statistics.imageWidth,
                count
            ),
            (
                "image-height", "Image height", "Entries by image height in pixels (image_size).",
                statistics.imageHeight, count
            ),
        ]
        html += "<div class=\"charts\">"
        for (index, chart) in charts.enumerated() where chart.3.count > 0 {
            html += "<div><h3>\(chart.1)</h3>\n"
            html += SVGChart.histogram(
                id: "\(key)-\(chart.0)", title: chart.1, description: chart.2, chart.3, label: chart.4, color: index)
            html += "</div>"
        }
        html += "</div>\n"
        if !statistics.labelPairs.isEmpty {
            html += "<h3>Labels often together</h3><ul>"
            for pair in statistics.labelPairs {
                html += "<li>\(MarkupText.escaped(pair.first)) + \(MarkupText.escaped(pair.second)): "
                html += "\(Count.phrase(pair.entries, "entry", "entries"))</li>"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private func findingTable() -> String {
        let findings = self.findings
        var html = "<section id=\"findings\"><h2>Findings</h2>\n"
        guard !findings.isEmpty else { return html + "<p>No findings.</p></section>\n" }
        let codes = Set(findings.map(\.code)).sorted()
        html += "<form id=\"filters\" aria-label=\"Filter the findings\"><label>Code <select id=\"filter-code\">"
        html += "<option value=\"\">all</option>"
        html += codes.map { "<option>\($0)</option>" }.joined()
        html += "</select></label> <label>Severity <select id=\"filter-severity\"><option value=\"\">all</option>"
        html += "<option>error</option><option>warning</option><option>info</option></select></label> "
        html += "<output id=\"filter-count\">\(Count.phrase(findings.count, "finding"))</output></form>\n"
        if findings.count > Self.findingLimit {
            html += "<p>The first \(Count.grouped(Self.findingLimit)) of \(Count.grouped(findings.count)) findings; "
            html += "<code>clmanifest lint</code> lists them all.</p>\n"
        }
        html += "<table id=\"finding-table\"><thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Severity</th>"
        html += "<th scope=\"col\">Code</th><th scope=\"col\">Message</th></tr></thead><tbody>\n"
        for finding in findings.prefix(Self.findingLimit) {
            html += "<tr data-code=\"\(finding.code)\" data-severity=\"\(finding.severity.rawValue)\">"
            html += "<td>\(MarkupText.escaped(Self.place(finding)))</td>"
            html += "<td><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
            html +=
                "<td><code>\(finding.code)</code> \(finding.name)</td><td>\(MarkupText.escaped(finding.message))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    private static func place(_ finding: Diagnostic) -> String {
        var place = finding.file
        if let line = finding.line {
            place += ":\(line)"
            if let column = finding.column { place += ":\(column)" }
        }
        return place
    }

    private static let style = """
        body{font:15px/1.45 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}\
        main{max-width:980px;margin:0 auto;padding:1rem 1.5rem}\
        h1{font-size:1.5rem}h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2rem}\
        code{font-family:ui-monospace,monospace;font-size:.92em}\
        dl.stats{display:flex;flex-wrap:wrap;gap:.75rem;margin:0}\
        dl.stats div{border:1px solid #ccc;border-radius:6px;padding:.4rem .8rem;min-width:8rem}\
        dt{font-size:.8rem;color:#444}dd{margin:0;font-size:1.3rem;font-weight:600}\
        svg text{font:12px system-ui,sans-serif;fill:#1a1a1a}svg text.small{font-size:10px}\
        figure{margin:.5rem 0}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:0 1.5rem}\
        .charts svg{width:100%;height:auto}table{border-collapse:collapse;width:100%}\
        th,td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}\
        .sev{font-weight:600;padding:0 .3rem;border-radius:3px}\
        .sev.error{background:#D55E00;color:#fff}.sev.warning{background:#E69F00;color:#000}\
        .sev.info{background:#56B4E9;color:#000}\
        .gallery{display:flex;flex-wrap:wrap;gap:.5rem}.thumb{width:220px;margin:0}\
        .thumb svg{width:220px;height:auto;border:1px solid #ccc}figcaption{font-size:.8rem;color:#444}\
        tr[hidden]{display:none}.ready{color:#009E73;font-weight:600}footer{margin-top:2rem;color:#555;font-size:.85rem}
        """

    private static let script = """
        (function(){var c=document.getElementById('filter-code'),s=document.getElementById('filter-severity');\
        if(!c){document.body.setAttribute('data-ready','1');return;}\
        var rows=document.querySelectorAll('#finding-table tbody tr'),out=document.getElementById('filter-count');\
        function apply(){var n=0;rows.forEach(function(r){var show=(!c.value||r.dataset.code===c.value)&&\
        (!s.value||r.dataset.severity===s.value);r.hidden=!show;if(show)n++;});\
        out.textContent=n+(n===1?' finding':' findings');}\
        var p=new URLSearchParams(location.hash.slice(1));if(p.get('code'))c.value=p.get('code');\
        if(p.get('severity'))s.value=p.get('severity');c.addEventListener('change',apply);\
        s.addEventListener('change',apply);apply();document.body.setAttribute('data-ready','1');})();
        """
}
