import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert`'s readers and composer: the COCO and folder conventions, bad input, and the real COCO exports
/// of `../shared/corpus/formats/coco`, each converted and linted.
@Suite struct ConvertTests {
    static let formats = "corpus/formats/coco"

    /// The COCO files of the corpus, relative to it.
    static var cocoFiles: [String] {
        guard let root = SharedDirectory.existing(formats),
            let found = FileManager.default.enumerator(atPath: root.path)
        else { return [] }
        return found.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func convert(coco text: String, imageRoot: String? = nil, options: ManifestComposer.Options? = nil)
        throws -> (String, ConversionReport)
    {
        let file = try scratch().appendingPathComponent("instances.json")
        try Data(text.utf8).write(to: file)
        let dataset = try COCOReader(path: file.path, imageRoot: imageRoot).read()
        var composer = ManifestComposer(
            options: options ?? .init(s3Prefix: "s3://bucket/images"), classOrder: dataset.classOrder)
        let manifest = try composer.compose(dataset.images, source: file.path)
        var report = composer.report
        report.dropped = dataset.dropped
        return (manifest, report)
    }

    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing(formats) != nil,
            "skipped: the exports are not at ../shared/\(formats)"))
    func theCorpusExportsAreThere() {
        #expect(Self.cocoFiles.count >= 6)
    }

    /// Every real COCO export converts, one line per image, and lint finds nothing wrong with the lines'
    /// form: only what the tiny test images themselves break (their size, boxes of a pixel).
    @Test(arguments: cocoFiles)
    func realCOCOExportsConvertAndLint(name: String) throws {
        let url = try #require(SharedDirectory.existing("\(Self.formats)/\(name)"))
        let dataset = try COCOReader(path: url.path, imageRoot: nil).read()
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"), classOrder: dataset.classOrder)
        let manifest = try composer.compose(dataset.images, source: name)
        #expect(composer.report.lines == dataset.images.count)
        let findings = ManifestLinter().lint(bytes: Array(manifest.utf8), name: name)
        let dataProblems: Set = ["CL304", "CL306", "CL309", "CL408"]
        let errors = findings.filter { $0.severity == .error && !dataProblems.contains($0.code) }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message)" })")
    }

    @Test func cocoConventions() throws {
        let coco = """
            {"info": {}, "categories": [{"id": 7, "name": "dog"}, {"id": 3, "name": "cat"}],
             "annotations": [
              {"id": 1, "image_id": 20, "category_id": 3, "bbox": [10.4, 20.6, 30.2, 40.5], "iscrowd": 1,
               "segmentation": [[1, 2, 3, 4]]},
              {"id": 2, "image_id": 10, "category_id": 7, "bbox": [600, 400, 100, 100]},
              {"id": 3, "image_id": 20, "category_id": 7, "bbox": [0, 0, 64, 64], "segmentation": []}],
             "images": [{"id": 10, "file_name": "./a\\\\b.jpg", "width": 640, "height": 480},
                        {"id": 20, "file_name": "c.jpg", "width": 320, "height": 240},
                        {"id": 30, "file_name": "empty.jpg", "width": 320, "height": 240}]}
            """
        let (manifest, report) = try convert(coco: coco, options: .init(s3Prefix: "s3://bucket/images"))
        let lines = manifest.split(separator: "\n")
        #expect(lines.count == 3)
        // Categories by name, ids in their order (7 → 0, 3 → 1); the images' order; `\` made `/`, `./` dropped.
        #expect(lines[0].hasPrefix(#"{"source-ref": "s3://bucket/images/a/b.jpg", "bounding-box": "#))
        #expect(lines[0].contains(#""class-map": {"0": "dog"}"#))
        // Clamped to 640 × 480: from (600, 400) to the image's edge.
        #expect(lines[0].contains(#"{"class_id": 0, "top": 400, "left": 600, "width": 40, "height": 80}"#))
        // Rounded by the edges: left 10, top 21, right round(40.6) = 41, bottom round(61.1) = 61.
        #expect(lines[1].contains(#"{"class_id": 1, "top": 21, "left": 10, "width": 31, "height": 40}"#))
        #expect(lines[1].contains(#""class-map": {"0": "dog", "1": "cat"}"#))
        #expect(lines[2] == #"{"source-ref": "s3://bucket/images/empty.jpg"}"#)
        #expect(report.roundedBoxes == 1 && report.clampedBoxes == 1 && report.boxes == 3)
        #expect(report.emptyImages == 1 && report.dropped == ["segmentation": 1])
        let findings = ManifestLinter().lint(bytes: Array(manifest.utf8), name: "m")
        #expect(!findings.contains { $0.severity == .error }, "\(findings.map(\.message))")
    }

    @Test func sizesComeFromTheImagesWhenTheFileHasNone() throws {
        let root = try scratch()
        try Data(TestImages.png(width: 300, height: 200)).write(to: root.appendingPathComponent("a.png"))
        let coco = """
            {"categories": [{"id": 1, "name": "dog"}], "images": [{"id": 1, "file_name": "a.png"}],
             "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1, 2, 30, 40]}]}
            """
        let (manifest, _) = try convert(coco: coco, imageRoot: root.path)
        #expect(manifest.contains(#""image_size": [{"width": 300, "height": 200, "depth": 3}]"#))
        #expect(throws: ConversionError.self) { try convert(coco: coco, imageRoot: nil) }
    }

    @Test func badInputIsNamedWithItsPlace() throws {
        let cases: [(String, String)] = [
            ("{\"images\": [\n  {\"id\": 1,, }]}", ":2:12: expected a string key"),
            (
                """
                {"categories": [{"id": 1, "name": "dog"}], "images": [{"id": 1, "file_name": "a.jpg", "width": 9,
                 "height": 9}], "annotations": [{"image_id": 1, "category_id": 5, "bbox": [0, 0, 2, 2]}]}
                """, ":2:64: category_id 5 is not among the categories"
            ),
            (
                #"{"images": [], "annotations": [{"image_id": 4, "category_id": 1, "bbox": [0, 0, 1, 1]}]}"#,
                ":1:32: the annotation's image_id is not among the images"
            ),
            (
                #"{"images": [{"id": 1, "file_name": "a.jpg"}, {"id": 2, "file_name": "./a.jpg"}]}"#,
                "'a.jpg' and 'a.jpg' both map to the source-ref 's3://bucket/images/a.jpg'"
            ),
            (#"[1, 2]"#, ":1:1: a COCO file is one JSON object"),
            (#"{"images": {"id": 1}}"#, ":1:12: images must be a list"),
            (#"{"images": [], "info": {"a": tru}}"#, ":1:30: "),
            (#"{"images": []} []"#, ":1:16: expected the end of the file after the object"),
            (#"{"images": [{"id": 1, "file_name": "a.jpg"} {"id": 2}]}"#, ":1:45: expected ',' or ']'"),
        ]
        for (text, expected) in cases {
            do {
                _ = try convert(coco: text)
                Issue.record("no error for \(text)")
            } catch let error as ConversionError {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    @Test func foldersLabelByTheirName() throws {
        let root = try scratch()
        for path in ["dog/a.jpg", "dog/more/b.PNG", "cat/c.jpeg", "cat/notes.txt", "loose.jpg"] {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data([0]).write(to: file)
        }
        let (images, dropped) = try FolderReader(root: root.path).read()
        #expect(images.map(\.path) == ["cat/c.jpeg", "dog/a.jpg", "dog/more/b.PNG"])
        #expect(images.map(\.labels) == [["cat"], ["dog"], ["dog"]])
        #expect(dropped.values.reduce(0, +) == 2)
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/pets/"))
        let manifest = try composer.compose(images, source: root.path)
        #expect(
            manifest.split(separator: "\n")[0]
                == #"{"source-ref": "s3://bucket/pets/cat/c.jpeg", "cat": 1, "cat-metadata": {"confidence": 1, "class-name": "cat", "type": "groundtruth/image-classification", "human-annotated": "yes", "creation-date": "2024-01-01T00:00:00", "job-name": "labeling-job/clmanifest-convert"}}"#
        )
        #expect(!ManifestLinter().lint(bytes: Array(manifest.utf8), name: "m").contains { $0.severity == .error })
    }

    @Test func aFileNameThatIsNotUTF8IsNamed() throws {
        let root = try scratch()
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("dog"), withIntermediateDirectories: true)
        var path = Array(root.appendingPathComponent("dog").path.utf8) + [0x2F, 0x61, 0xFF, 0x2E, 0x6A, 0x70, 0x67, 0]
        let descriptor = path.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                open($0, O_CREAT | O_WRONLY, 0o644)
            }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        do {
            _ = try FolderReader(root: root.path).read()
            Issue.record("a name that is not UTF-8 was accepted")
        } catch {
            #expect(error.message.hasPrefix("a file name that is not UTF-8"))
        }
    }

    @Test func invalidBoxesAreKeptOrDroppedAndCounted() throws {
        let boxes =
            (0..<52).map { index in LabeledBox(label: "dog", left: 0, top: 0, width: Double(2 + index), height: 9) }
            + [LabeledBox(label: "dog", left: 5, top: 5, width: 0.4, height: 9)]
        let image = LabeledImage(path: "a.jpg", width: 640, height: 480, boxes: boxes)
        var keeping = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"))
        _ = try keeping.compose([image], source: "m")
        #expect(keeping.report.boxes == 53 && keeping.report.tinyBoxes == 1 && keeping.report.boxesOverLimit == 3)
        var options = ManifestComposer.Options(s3Prefix: "s3://bucket/")
        options.dropInvalid = true
        var dropping = ManifestComposer(options: options)
        let manifest = try dropping.compose([image], source: "m")
        #expect(dropping.report.boxes == 50)
        #expect(manifest.contains(#""width": 53"#) && !manifest.contains(#""width": 2,"#))
        #expect(!ManifestLinter().lint(bytes: Array(manifest.utf8), name: "m").contains { $0.severity == .error })
    }
}
