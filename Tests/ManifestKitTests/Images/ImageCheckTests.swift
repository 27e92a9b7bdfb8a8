import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Lints manifests whose images are generated on disk: every image rule, its service code, its place,
/// the 20% budget and the summary.
@Suite struct ImageCheckTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory + "/images", withIntermediateDirectories: true)
    }

    private func image(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/images/" + name))
    }

    static func classification(_ key: String) -> String {
        #"{"source-ref":"s3://bucket/cars/\#(key)","cat":1,"cat-metadata":{"confidence":1,"class-name":"cat","#
            + #""human-annotated":"yes","creation-date":"2024-01-01T00:00:00","type":"groundtruth/image-classification"}}"#
    }

    static func detection(_ key: String, width: Int, height: Int, boxes: [(Int, Int, Int, Int)]) -> String {
        let annotations = boxes.map {
            #"{"class_id":0,"left":\#($0.0),"top":\#($0.1),"width":\#($0.2),"height":\#($0.3)}"#
        }
        let objects = boxes.map { _ in #"{"confidence":1}"# }
        return #"{"source-ref":"s3://bucket/cars/\#(key)","bb":{"image_size":[{"width":\#(width),"height":\#(height),"#
            + #""depth":3}],"annotations":[\#(annotations.joined(separator: ","))]},"bb-metadata":{"objects":"#
            + #"[\#(objects.joined(separator: ","))],"class-map":{"0":"car"},"type":"groundtruth/object-detection","#
            + #""human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}"#
    }

    /// The findings of the image rules (CL6xx) and CL408 when the manifest `lines` is linted with its images.
    private func lint(_ lines: [String], jobs: Int = 1) throws -> (findings: [Diagnostic], linter: ManifestLinter) {
        let path = directory + "/manifest.jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        var options = LintOptions()
        options.images = [ImageMapping(prefix: "s3://bucket/cars/", directory: directory + "/images")]
        let linter = ManifestLinter(options: options)
        linter.jobs = jobs
        let findings = try linter.lint(path: path, displayName: "m.jsonl")
        return (findings.filter { $0.code.hasPrefix("CL6") || $0.code == "CL408" }, linter)
    }

    @Test func validImagesHaveNoFindings() throws {
        try image("a.png", TestImages.png(width: 640, height: 480))
        try image("b.jpg", TestImages.jpeg(width: 800, height: 600))
        let (findings, linter) = try lint([
            Self.classification("a.png"),
            Self.detection("b.jpg", width: 800, height: 600, boxes: [(10, 10, 100, 100)]),
            Self.classification("../outside.png").replacingOccurrences(of: "s3://bucket/cars/", with: "s3://else/"),
        ])
        #expect(findings.isEmpty, "\(findings)")
        #expect(linter.statistics.imageChecks?.checked == 2)
        #expect(linter.statistics.imageChecks?.invalid == 0)
    }

    @Test func missingImageIsCL601AndCountsTowardTheBudget() throws {
        try image("a.png", TestImages.png(width: 640, height: 480))
        let (findings, linter) = try lint([Self.classification("a.png"), Self.classification("gone.png")])
        #expect(findings.map(\.code) == ["CL601", "CL408"])
        let missing = findings[0]
        #expect(missing.line == 2 && missing.column == 15 && missing.pointer == "/source-ref")
        #expect(missing.serviceCode == .invalidImage && missing.severity == .error)
        #expect(missing.sourceRef == "s3://bucket/cars/gone.png")
        #expect(missing.message == "no image at '\(directory)/images/gone.png'")
        #expect(findings[1].message == "1 of 2 lines (50%) has errors, over the 20% the service allows")
        #expect(linter.statistics.linesWithErrors == 1)
        #expect(
            linter.statistics.imageChecks
                == {
                    var summary = ImageSummary()
                    summary.checked = 2
                    summary.missing = 1
                    summary.invalid = 1
                    summary.findingsByCode = ["CL601": 1]
                    return summary
                }())
    }

    @Test func unreadableAndTruncatedImagesAreCL602() throws {
        let png = TestImages.png(width: 100, height: 100)
        let jpeg = TestImages.jpeg(width: 100, height: 100)
        try image("cut.png", Array(png[..<(png.count - 5)]))
        try image("cut.jpg", Array(jpeg[..<(jpeg.count - 2)]))
        try image("header.jpg", Array(jpeg[..<10]))
        try FileManager.default.createDirectory(
            atPath: directory + "/images/dir.png", withIntermediateDirectories: true)
        let (findings, _) = try lint(["cut.png", "cut.jpg", "header.jpg", "dir.png"].map(Self.classification))
        #expect(findings.filter { $0.code == "CL602" }.map(\.line) == [1, 2, 3, 4])
        #expect(findings[0].message.hasSuffix("ends without PNG's IEND chunk: the file is truncated"))
        #expect(findings[0].severity == .error)
        #expect(findings[1].severity == .warning, "a JPEG may have data after its end marker")
        #expect(findings[2].message.hasSuffix("the JPEG file ends after 10 bytes, before its frame header"))
        #expect(findings[3].message.hasSuffix("cannot be read as an image: it is a directory"))
    }

    @Test func otherFormatsAreCL603AndLyingNamesCL604() throws {
        try image("anim.png", Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0])
        try image("photo.jpg", TestImages.png(width: 100, height: 100))
        try image("scan.png", TestImages.jpeg(width: 100, height: 100))
        let (findings, _) = try lint(["anim.png", "photo.jpg", "scan.png"].map(Self.classification))
        #expect(findings.map(\.code) == ["CL603", "CL604", "CL604", "CL408"])
        #expect(findings[0].message.hasSuffix("is a GIF image; the service accepts PNG and JPEG"))
        #expect(findings[1].message.hasPrefix("the name says JPEG but"))
        #expect(findings[1].severity == .warning && findings[1].serviceCode == nil)
    }

    @Test func fileSizeOver15MBIsCL605() throws {
        // A valid header in a sparse file: the size is what is checked, not the content.
        let header = TestImages.png(width: 100, height: 100)
        for (name, size) in [("huge.png", 16 << 20), ("border.png", 15_500_000), ("fine.png", 14_000_000)] {
            try image(name, header)
            #expect(truncate(directory + "/images/" + name, off_t(size)) == 0)
        }
        let (findings, _) = try lint(["huge.png", "border.png", "fine.png"].map(Self.classification))
        let sizes = findings.filter { $0.code == "CL605" }
        #expect(sizes.map(\.line) == [1, 2])
        #expect(sizes.map(\.severity) == [.error, .warning])
        #expect(sizes[1].message.hasSuffix("if MB means 1,000,000 bytes (undocumented)"))
    }

    @Test func dimensionsCarryTheCodeOfTheirLine() throws {
        try image("tiny.png", TestImages.png(width: 63, height: 100))
        try image("tall.png", TestImages.png(width: 100, height: 4097))
        try image("ok.png", TestImages.png(width: 64, height: 4096))
        let (findings, _) = try lint([
            Self.classification("tiny.png"),
            Self.detection("tall.png", width: 100, height: 4097, boxes: [(1, 1, 10, 10)]),
            Self.classification("ok.png"),
        ])
        let dimensions = findings.filter { $0.code == "CL606" }
        #expect(dimensions.map(\.line) == [1, 2])
        #expect(dimensions.map(\.serviceCode) == [.invalidImage, .invalidImageDimension])
        #expect(dimensions[0].message == "the image is 63 × 100 pixels; the service accepts 64 to 4,096 a side")
    }

    @Test func aspectRatioOver20IsCL607() throws {
        try image("strip.png", TestImages.png(width: 2100, height: 100))
        try image("band.png", TestImages.png(width: 2000, height: 100))
        let (findings, _) = try lint(["strip.png", "band.png"].map(Self.classification))
        #expect(findings.filter { $0.code == "CL607" }.map(\.line) == [1])
        #expect(findings.first { $0.code == "CL607" }?.message.contains("an aspect ratio of 21:1") == true)
    }

    @Test func imageSizeMismatchIsCL608AtImageSize() throws {
        try image("a.png", TestImages.png(width: 800, height: 600))
        try image("turned.jpg", TestImages.jpeg(width: 600, height: 800, orientation: 6))
        let (findings, linter) = try lint([
            Self.detection("a.png", width: 1600, height: 1200, boxes: []),
            Self.detection("turned.jpg", width: 800, height: 600, boxes: []),
        ])
        let mismatches = findings.filter { $0.code == "CL608" }
        #expect(mismatches.map(\.line) == [1, 2])
        #expect(mismatches[0].message == "image_size is 1600 × 1200 but the image is 800 × 600")
        #expect(mismatches[0].pointer == "/bb/image_size/0/width")
        #expect(mismatches[1].message.contains("EXIF orientation (6) shows it 800 × 600, which image_size matches"))
        #expect(linter.statistics.imageChecks?.turned == 1)
    }

    @Test func boxesAreCheckedAgainstTheRealImage() throws {
        try image("small.png", TestImages.png(width: 400, height: 300))
        try image("large.png", TestImages.png(width: 4000, height: 3000))
        let (findings, _) = try lint([
            // image_size says 800 × 600: the first box fits it but not the 400 × 300 picture.
            Self.detection("small.png", width: 800, height: 600, boxes: [(350, 10, 100, 50), (10, 10, 50, 50)]),
            // image_size says 1000 × 750 (no downscale): a 3-pixel box is fine there; the real 4000-pixel
            // image is scaled by 0.32, leaving 0.96 pixels.
            Self.detection("large.png", width: 1000, height: 750, boxes: [(10, 10, 3, 40)]),
        ])
        let outside = findings.filter { $0.code == "CL609" }
        #expect(outside.map(\.line) == [1])
        #expect(outside.first?.pointer == "/bb/annotations/0")
        #expect(outside.first?.serviceCode == .invalidBoundingBox)
        #expect(
            outside.first?.message
                == "the box ends at (450, 60), beyond the 400 × 300 image (image_size says 800 × 600)")
        let small = findings.filter { $0.code == "CL610" }
        #expect(small.map(\.line) == [2])
        #expect(small.first?.serviceCode == .boundingBoxTooSmall)
        #expect(small.first?.message.hasPrefix("the box is 0.96 × 12.8 pixels after the 4000 × 3000 image") == true)
    }

    /// The image checks give the same findings whether the manifest is checked on one thread or cut into
    /// parts, and whichever number of threads reads the images.
    @Test func findingsDoNotDependOnThreads() throws {
        try image("a.png", TestImages.png(width: 640, height: 480))
        try image("b.jpg", TestImages.jpeg(width: 30, height: 700))
        var lines: [String] = []
        for index in 0..<3000 {
            lines.append(Self.classification(["a.png", "b.jpg", "none-\(index).png"][index % 3]))
        }
        let path = directory + "/many.jsonl"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        var options = LintOptions()
        options.images = [ImageMapping(prefix: "s3://bucket/cars/", directory: directory + "/images")]
        var outputs: [[Diagnostic]] = []
        for (jobs, threads) in [(1, 1), (2, 8), (3, 3)] {
            let linter = ManifestLinter(options: options)
            linter.jobs = jobs
            linter.partBytes = 100_000
            linter.imageThreads = threads
            outputs.append(try linter.lint(path: path))
        }
        #expect(outputs[0].count { $0.code == "CL601" } == 1000)
        #expect(outputs[0].count { $0.code == "CL606" } == 1000)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func standardInputCannotHaveItsImagesChecked() {
        var options = LintOptions()
        options.images = [ImageMapping(prefix: "s3://bucket/", directory: directory)]
        #expect(throws: ManifestError.self) { try ManifestLinter(options: options).lint(path: "-") }
    }
}
