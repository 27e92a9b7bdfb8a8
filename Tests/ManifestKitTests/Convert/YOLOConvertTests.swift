import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert --from yolo`: the layouts, the names files, the normalised boxes, bad label files, and the real
/// YOLO exports of `../shared/corpus/formats/yolo` (their label files, with images made for them).
@Suite struct YOLOConvertTests {
    static let formats = "corpus/formats/yolo"

    static var datasets: [String] {
        SharedDirectory.files(in: formats)
    }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    private func image(_ path: String, in root: URL, width: Int = 640, height: Int = 480) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(TestImages.jpeg(width: width, height: height)).write(to: file)
    }

    private func manifest(_ root: URL, split: String? = nil) throws -> String {
        let (images, classOrder, _) = try YOLOReader(root: root.path, split: split).read()
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"), classOrder: classOrder)
        return try composer.compose(images, source: root.path)
    }

    @Test func ultralyticsLayoutWithANamesMap() throws {
        let root = try scratch()
        try write("path: .\ntrain: images/train\nnames:\n  0: dog\n  1: cat\n", "data.yaml", in: root)
        try image("images/train/a.jpg", in: root)
        try image("images/train/b.jpg", in: root)
        try image("images/val/c.jpg", in: root, width: 320, height: 240)
        // cx 0.5, cy 0.5, w 0.25, h 0.5 of 640 × 480: left 240, top 120, 160 × 240.
        try write("1 0.5 0.5 0.25 0.5\n0 0.1 0.1 0.1 0.1\n", "labels/train/a.txt", in: root)
        try write("", "labels/train/b.txt", in: root)  // An empty label file: no boxes.
        try write("0 0.5 0.5 0.5 0.5\n", "labels/val/c.txt", in: root)
        let lines = try manifest(root).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"source-ref": "s3://bucket/train/a.jpg", "bounding-box": "#))
        #expect(lines[0].contains(#"{"class_id": 1, "top": 120, "left": 240, "width": 160, "height": 240}"#))
        #expect(lines[0].contains(#"{"class_id": 0, "top": 24, "left": 32, "width": 64, "height": 48}"#))
        #expect(lines[0].contains(#""class-map": {"0": "dog", "1": "cat"}"#))
        #expect(lines[1] == #"{"source-ref": "s3://bucket/train/b.jpg"}"#)
        #expect(lines[2].contains(#""image_size": [{"width": 320, "height": 240, "depth": 3}]"#))
        let train = try manifest(root, split: "train").split(separator: "\n")
        #expect(train.count == 2)
    }

    @Test func darknetLayoutWithNamesBesideTheImages() throws {
        let root = try scratch()
        try write("person\ncar\n", "obj.names", in: root)
        try image("obj_train_data/1.jpg", in: root)
        try write("1 0.5 0.5 1 1\n", "obj_train_data/1.txt", in: root)
        let text = try manifest(root)
        #expect(text.contains(#""source-ref": "s3://bucket/obj_train_data/1.jpg""#))
        #expect(text.contains(#"{"class_id": 1, "top": 0, "left": 0, "width": 640, "height": 480}"#))
    }

    @Test func badLabelFilesAreNamed() throws {
        let root = try scratch()
        try write("names: [dog]\n", "data.yaml", in: root)
        try image("images/a.jpg", in: root)
        try write("0 0.5 0.5 0.2 0.2\n3 0.5 0.5 0.2 0.2\n", "labels/a.txt", in: root)
        #expect(throws: ConversionError.self) { try manifest(root) }
        do {
            _ = try manifest(root)
        } catch let error as ConversionError {
            #expect(error.description.hasSuffix("labels/a.txt:2:1: class 3 is not among the 1 names"))
        }
        try write("0 0.5 0.5 0.2\n", "labels/a.txt", in: root)
        do {
            _ = try manifest(root)
            Issue.record("a line of four fields was accepted")
        } catch let error as ConversionError {
            #expect(error.description.contains("labels/a.txt:1:1: expected 'class cx cy w h'"))
        }
        try write("0 0.5 0.5 0.2 0.2\n", "labels/a.txt", in: root)
        try write("not an image", "images/a.jpg", in: root)
        do {
            _ = try manifest(root)
            Issue.record("an unreadable image was given a size")
        } catch let error as ConversionError {
            #expect(error.description.contains("images/a.jpg: the image cannot be read for its size"))
        }
    }

    /// The real exports' label files and names, with a 640 × 480 image made where each label file's image
    /// would be: they convert, and lint finds nothing wrong with the lines' form.
    @Test(arguments: datasets)
    func realYOLOExportsConvertAndLint(dataset: String) throws {
        let source = try #require(SharedDirectory.existing("\(Self.formats)/\(dataset)"))
        let root = try scratch().appendingPathComponent(dataset)
        try FileManager.default.copyItem(at: source, to: root)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        var made = 0
        for file in files where file.hasSuffix(".txt") && !["train.txt", "val.txt", "test.txt"].contains(file) {
            var components = file.split(separator: "/").map(String.init)
            if let index = components.lastIndex(of: "labels") { components[index] = "images" }
            components[components.count - 1] = String(components[components.count - 1].dropLast(4)) + ".jpg"
            try image(components.joined(separator: "/"), in: root)
            made += 1
        }
        #expect(made > 0)
        let text = try manifest(root)
        #expect(text.split(separator: "\n").count == made)
        let errors = ManifestLinter().lint(bytes: Array(text.utf8), name: dataset).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message)" })")
    }
}
