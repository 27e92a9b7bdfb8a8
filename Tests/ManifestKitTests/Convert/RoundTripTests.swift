import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Exports are the readers' inverse: `manifest → FORMAT → manifest` gives the same lines, for every format
/// that can express the data (boxes: COCO, YOLO, VOC, CSV; image-level labels: CSV).
@Suite struct RoundTripTests {
    static let boxes: [LabeledImage] = [
        LabeledImage(
            path: "site/a.jpg", width: 640, height: 480,
            boxes: [
                LabeledBox(label: "dog", left: 10, top: 20, width: 100, height: 50),
                LabeledBox(label: "cat", left: 0, top: 0, width: 640, height: 480),
            ]),
        LabeledImage(
            path: "b.jpg", width: 1024, height: 768,
            boxes: [LabeledBox(label: "cat", left: 1, top: 2, width: 3, height: 4)]),
    ]

    static let labels: [LabeledImage] = [
        LabeledImage(path: "a.jpg", labels: ["dog", "outdoor"]), LabeledImage(path: "pets, too/b.jpg", labels: ["cat"]),
    ]

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func manifest(_ images: [LabeledImage], classOrder: [String] = []) throws -> String {
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/data/"), classOrder: classOrder)
        return try composer.compose(images, source: "test")
    }

    /// The manifest of `images`, exported as `format` into a scratch folder (with the images, for YOLO's
    /// sizes), read back and written as a manifest again.
    private func roundTrip(_ images: [LabeledImage], _ format: DatasetExport.Format) throws -> (String, String) {
        let first = try manifest(images)
        let root = try scratch()
        let file = root.appendingPathComponent("first.manifest")
        try Data(first.utf8).write(to: file)
        let (read, classOrder) = try ManifestImages(path: file.path, prefix: "s3://bucket/data/").read()
        let name = format == .coco ? "out.json" : "out.csv"
        let export = DatasetExport(read, classOrder: classOrder, as: format, name: name)
        let out = root.appendingPathComponent("out")
        for (path, text) in export.files {
            let target = out.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        }
        let again: [LabeledImage]
        let order: [String]
        switch format {
        case .coco:
            let dataset = try COCOReader(path: out.appendingPathComponent(name).path, imageRoot: nil).read()
            (again, order) = (dataset.images, dataset.classOrder)
        case .voc:
            // VOC keeps neither an order of images (a file each) nor of classes (names in each file): the
            // manifest's are given back to compare the lines.
            let dataset = try VOCReader(input: out.path, imageRoot: nil).read()
            let byPath = Dictionary(uniqueKeysWithValues: dataset.images.map { ($0.path, $0) })
            #expect(Set(dataset.classOrder) == Set(classOrder))
            (again, order) = (read.compactMap { byPath[$0.path] }, classOrder)
        case .csv:
            let dataset = try CSVReader(path: out.appendingPathComponent(name).path, imageRoot: nil).read()
            (again, order) = (dataset.images, dataset.classOrder)
        case .yolo:
            for image in read {
                let target = out.appendingPathComponent("images/" + image.path)
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(TestImages.jpeg(width: image.width ?? 64, height: image.height ?? 64)).write(to: target)
            }
            let dataset = try YOLOReader(root: out.path).read()
            // YOLO lists images in path order; the manifest's order is the test's.
            let byPath = Dictionary(uniqueKeysWithValues: dataset.images.map { ($0.path, $0) })
            (again, order) = (read.compactMap { byPath[$0.path] }, dataset.classOrder)
        }
        return (first, try manifest(again, classOrder: order))
    }

    @Test(arguments: [DatasetExport.Format.coco, .yolo, .voc, .csv])
    func boxesComeBackAsTheyWere(format: DatasetExport.Format) throws {
        let (first, second) = try roundTrip(Self.boxes, format)
        #expect(second == first)
    }

    @Test func imageLevelLabelsComeBackThroughCSV() throws {
        let (first, second) = try roundTrip(Self.labels, .csv)
        #expect(second == first)
    }

    @Test func whatAFormatCannotExpressIsCounted() throws {
        let images = [
            LabeledImage(
                path: "a.jpg", width: 640, height: 480, labels: ["outdoor"],
                boxes: [LabeledBox(label: "dog", left: 1, top: 1, width: 9, height: 9)])
        ]
        for format in [DatasetExport.Format.coco, .yolo, .voc, .csv] {
            let export = DatasetExport(images, classOrder: ["dog", "outdoor"], as: format, name: "x")
            #expect(export.dropped == ["image-level labels": 1], "\(format)")
        }
    }
}
