import Foundation
import Testing
import _ManifestTestSupport

/// `clmanifest report`: one self-contained page, checked as text and rendered in a real browser (headless
/// Chromium; `.ci/run` installs Debian's `chromium-headless-shell`; outside CI the browser tests skip with
/// a message when none is on PATH).
@Suite struct ReportCommandTests {
    static let images = "s3://northwind-site-safety/ppe/camera-03/2024-06/=samples/images/camera-03"

    /// The report of the bundled sample with images, written to a scratch directory.
    private func report(_ extra: [String] = []) throws -> (path: String, html: String, status: Int32) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("report.html").path
        let result = try CommandRunner.run(
            ["report", "samples/with-images.manifest", "-o", path, "--images", Self.images] + extra)
        #expect(result.standardError.contains("Wrote \(path)"), "\(result.standardError)")
        return (path, try String(contentsOfFile: path, encoding: .utf8), result.status)
    }

    @Test func thePageIsSelfContained() throws {
        let (_, html, status) = try report()
        // CL408: 4 of 6 lines have errors (the images checked as lint --images checks them).
        #expect(status == 1)
        for external in ["http://", "https://", "<link", "src=", "url(", "@import"] {
            #expect(!html.contains(external), "the page refers to something outside it: \(external)")
        }
        #expect(html.components(separatedBy: "<script>").count == 2)
        #expect(html.contains("data:image/jpeg;base64,/9j/"))
        // Every chart is an image with a title and a description.
        let charts = html.components(separatedBy: "<svg id=").count - 1
        #expect(charts >= 8)
        #expect(html.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1 == charts)
        // The findings of lint --images on the sample (10) and none of the dataset rules beyond CL704 (3).
        let lint = try CommandRunner.run(
            ["lint", "samples/with-images.manifest", "--images", Self.images, "--format", "jsonl"])
        let lintCount = lint.standardOutput.split(separator: "\n").count
        #expect(html.components(separatedBy: "<tr data-code=").count - 1 == lintCount + 3)
    }

    /// The browser's path, or nil after recording why there is none (an issue in CI, a note elsewhere).
    private func browser() -> String? {
        if let path = HeadlessBrowser.path { return path }
        if SharedDirectory.isCI {
            Issue.record("no Chromium on PATH: .ci/run installs chromium-headless-shell")
        } else {
            print("skipped: no Chromium on PATH (apt-get install chromium-headless-shell)")
        }
        return nil
    }

    @Test func theBrowserRendersThePageAndItsFilter() throws {
        guard browser() != nil else { return }
        let (path, _, _) = try report()
        let dom = try HeadlessBrowser.dom(of: "file://\(path)")
        // The script ran, the numbers are there, every row shows.
        #expect(dom.contains("<body data-ready=\"1\">"))
        #expect(dom.contains("<dd data-stat=\"TotalEntries\">6</dd>"))
        #expect(dom.contains("<dd data-stat=\"ErrorEntries\">4</dd>"))
        let rows = dom.components(separatedBy: "<tr data-code=").count - 1
        #expect(rows == 10)
        #expect(!dom.contains(" hidden=\"\"") && !dom.contains("\" hidden>"))
        #expect(dom.components(separatedBy: "<figure class=\"thumb\">").count - 1 >= 2)
        // Filtered by the address: one CL609 error shows, the others are hidden.
        let filtered = try HeadlessBrowser.dom(of: "file://\(path)#code=CL609&severity=error")
        let hidden = filtered.components(separatedBy: "\" hidden").count - 1
        #expect(hidden == rows - 1)
        #expect(filtered.contains("<output id=\"filter-count\">1 finding</output>"))
    }

    @Test func theScreenshotShowsAPage() throws {
        guard browser() != nil else { return }
        let (path, _, _) = try report()
        let directory = (path as NSString).deletingLastPathComponent
        let blank = directory + "/blank.html"
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: URL(fileURLWithPath: blank))
        try HeadlessBrowser.screenshot(of: "file://\(path)", width: 1100, height: 1600, to: directory + "/page.png")
        try HeadlessBrowser.screenshot(of: "file://\(blank)", width: 1100, height: 1600, to: directory + "/blank.png")
        let page = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/page.png")))
        let empty = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/blank.png")))
        #expect(HeadlessBrowser.pngSize(page).map { [$0.width, $0.height] } == [1100, 1600])
        // Text, charts and colours compress far worse than a white page.
        #expect(page.count > 10 * empty.count, "page \(page.count) bytes, blank \(empty.count)")
    }
}
