import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert --from labelme` and `--from labelstudio`: their conventions, bad files, and the real exports of
/// `../shared/corpus/formats/labelme` and `labelstudio`.
@Suite struct JSONFormatConvertTests {
    static var exports: [String] {
        ["labelme", "labelstudio"].flatMap { format in
            guard let root = SharedDirectory.existing("corpus/formats/\(format)"),
                let walk = FileManager.default.enumerator(atPath: root.path)
            else { return [String]() }
            return walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.map { "\(format)/\($0)" }
        }.sorted()
    }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func compose(_ dataset: (images: [LabeledImage], classOrder: [String], dropped: [String: Int])) throws
        -> String
    {
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"), classOrder: dataset.classOrder)
        return try composer.compose(dataset.images, source: "test")
    }

    @Test func labelMeRectanglesFlagsAndFolders() throws {
        let root = try scratch()
        let file = root.appendingPathComponent("site/a.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let json = """
            {"version": "5.0.1", "flags": {"outdoor": true, "night": false},
             "shapes": [{"label": "cat", "points": [[100, 80], [10.4, 20]], "shape_type": "rectangle"},
                        {"label": "dog", "points": [[1, 1], [5, 5], [9, 1]], "shape_type": "polygon"}],
             "imagePath": "..\\\\site\\\\img.jpg", "imageHeight": 480, "imageWidth": 640, "imageData": null}
            """
        try Data(json.utf8).write(to: file)
        let dataset = try LabelMeReader(input: root.path).read()
        #expect(dataset.dropped == ["polygon shapes": 1])
        let line = try compose(dataset)
        // The points in either order; the folder of the JSON file before imagePath, `..` resolved.
        #expect(line.hasPrefix(#"{"source-ref": "s3://bucket/site/img.jpg", "outdoor": 1, "#))
        #expect(line.contains(#"{"class_id": 1, "top": 20, "left": 10, "width": 90, "height": 60}"#))
    }

    @Test func labelStudioPercentagesChoicesAndPaths() throws {
        let file = try scratch().appendingPathComponent("export.json")
        let json = """
            [{"id": 1, "data": {"image": "/data/upload/3/0a1b-dog.jpg"},
              "annotations": [{"result": [
                {"type": "rectanglelabels", "original_width": 800, "original_height": 400,
                 "value": {"x": 10, "y": 25, "width": 50, "height": 50, "rotation": 0, "rectanglelabels": ["dog"]}},
                {"type": "choices", "value": {"choices": ["outdoor"]}},
                {"type": "polygonlabels", "value": {"points": [[1, 2]]}}]}],
              "predictions": [{"result": []}]},
             {"id": 2, "data": {"image": "/data/local-files/?d=pets/cat.jpg"},
              "completions": [{"result": [{"type": "choices", "value": {"choices": ["indoor"]}}]}]},
             {"id": 3, "data": {"image": "https://example.com/a/b/c.png?token=1"}, "annotations": []}]
            """
        try Data(json.utf8).write(to: file)
        let dataset = try LabelStudioReader(path: file.path).read()
        #expect(dataset.images.map(\.path) == ["0a1b-dog.jpg", "pets/cat.jpg", "c.png"])
        #expect(dataset.dropped == ["predictions": 1, "polygonlabels results": 1])
        let lines = try compose(dataset).split(separator: "\n")
        // 10% of 800 = 80, 25% of 400 = 100, 50% × 800 = 400, 50% × 400 = 200.
        #expect(lines[0].contains(#"{"class_id": 0, "top": 100, "left": 80, "width": 400, "height": 200}"#))
        #expect(lines[0].contains(#""image_size": [{"width": 800, "height": 400, "depth": 3}]"#))
        #expect(lines[0].contains(#""outdoor": 1"#))
        #expect(lines[1].contains(#""indoor": 1"#))
        #expect(lines[2] == #"{"source-ref": "s3://bucket/c.png"}"#)
    }

    @Test func badFilesAreNamed() throws {
        let directory = try scratch()
        let labelMe = directory.appendingPathComponent("bad.json")
        try Data(#"{"shapes": [], "imageWidth": 10}"#.utf8).write(to: labelMe)
        #expect(throws: ConversionError.self) { try LabelMeReader(input: labelMe.path).read() }
        let studio = directory.appendingPathComponent("export.json")
        try Data(
            "[{\"data\": {\"image\": \"a.jpg\"}, \"annotations\": [{\"result\": [\n {\"type\": \"rectanglelabels\", \"value\": {\"x\": 1}}]}]}]"
                .utf8
        )
        .write(to: studio)
        do {
            _ = try LabelStudioReader(path: studio.path).read()
            Issue.record("a rectangle without its numbers was accepted")
        } catch {
            #expect(
                error.description.hasSuffix(
                    "export.json:2:2: a rectangle needs original_width, original_height, x, y, width, height and a label"
                ))
        }
    }

    /// Every real LabelMe and Label Studio export converts, and lint finds no error in the lines.
    @Test(arguments: exports)
    func realExportsConvertAndLint(name: String) throws {
        let url = try #require(SharedDirectory.existing("corpus/formats/\(name)"))
        let dataset =
            name.hasPrefix("labelme/")
            ? try LabelMeReader(input: url.path).read() : try LabelStudioReader(path: url.path).read()
        #expect(!dataset.images.isEmpty)
        let text = try compose(dataset)
        let errors = ManifestLinter().lint(bytes: Array(text.utf8), name: name).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message)" })")
    }
}
