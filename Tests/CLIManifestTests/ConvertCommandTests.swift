import Foundation
import Testing
import _ManifestTestSupport

/// `clmanifest convert` as users run it: to a file or standard output, the report, the lint verdict, and
/// nothing written when the input is bad.
@Suite struct ConvertCommandTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static let coco = """
        {"categories": [{"id": 1, "name": "dog"}],
         "images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480},
                    {"id": 2, "file_name": "b.jpg", "width": 640, "height": 480}],
         "annotations": [{"image_id": 1, "category_id": 1, "bbox": [1.5, 2, 30, 40], "segmentation": [[1, 2]]},
                         {"image_id": 2, "category_id": 1, "bbox": [10, 10, 50, 50]}]}
        """

    @Test func cocoToAFileWithTheReportAndLint() throws {
        let directory = try scratch()
        try Data(Self.coco.utf8).write(to: directory.appendingPathComponent("instances.json"))
        let result = try CommandRunner.run(
            [
                "convert", "instances.json", "-o", "train.manifest", "--s3-prefix", "s3://bucket/dogs/",
                "--creation-date", "2024-05-01T08:00:00",
            ], directory: directory.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.hasPrefix(
                "Reading 'instances.json' as coco (detected).\n2 images read, 2 lines written, 2 boxes\n1 box rounded to whole pixels\n"
            ))
        #expect(result.standardError.contains("not carried over (segmentation): 1\n"))
        #expect(
            result.standardError.hasSuffix(
                "lint: 0 errors, 1 warning in the output (clmanifest lint train.manifest shows them).\n"))
        let written = try String(contentsOf: directory.appendingPathComponent("train.manifest"), encoding: .utf8)
        #expect(
            written.hasPrefix(
                #"{"source-ref": "s3://bucket/dogs/a.jpg", "bounding-box": {"image_size": [{"width": 640, "height": 480, "depth": 3}], "annotations": [{"class_id": 0, "top": 2, "left": 2, "width": 30, "height": 40}]}"#
            ))
        let lint = try CommandRunner.run(["lint", "train.manifest"], directory: directory.path)
        #expect(lint.status == 0)
    }

    @Test func standardOutputAndTheExitCodes() throws {
        let directory = try scratch()
        try Data(Self.coco.utf8).write(to: directory.appendingPathComponent("instances.json"))
        let piped = try CommandRunner.run(
            ["convert", "instances.json", "--from", "coco", "-o", "-", "--s3-prefix", "s3://bucket/dogs"],
            directory: directory.path)
        #expect(piped.status == 0)
        #expect(piped.standardOutput.split(separator: "\n").count == 2)
        #expect(!piped.standardError.contains("detected"))
        // An image too small for the service: written, and lint's error makes the exit 1.
        try Data(
            Self.coco.replacingOccurrences(
                of: "\"width\": 640, \"height\": 480}]", with: "\"width\": 40, \"height\": 480}]"
            ).utf8
        )
        .write(to: directory.appendingPathComponent("small.json"))
        let small = try CommandRunner.run(
            ["convert", "small.json", "-o", "small.manifest", "--s3-prefix", "s3://bucket/"], directory: directory.path)
        #expect(small.status == 1)
        #expect(small.standardError.contains("[CL306]"))
    }

    @Test func nothingIsWrittenWhenTheInputIsBad() throws {
        let directory = try scratch()
        try Data("{\"images\": [}".utf8).write(to: directory.appendingPathComponent("bad.json"))
        let result = try CommandRunner.run(
            ["convert", "bad.json", "-o", "out.manifest", "--s3-prefix", "s3://bucket/"], directory: directory.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("bad.json:1:13: "))
        #expect(result.standardError.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.manifest").path))
        let prefix = try CommandRunner.run(
            ["convert", "bad.json", "-o", "-", "--s3-prefix", "bucket/"], directory: directory.path)
        #expect(prefix.status == 2 && prefix.standardError.contains("--s3-prefix must be an s3:// location"))
    }

    @Test func foldersAreDetected() throws {
        let directory = try scratch()
        let image = directory.appendingPathComponent("pets/dog/a.jpg")
        try FileManager.default.createDirectory(
            at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(TestImages.jpeg(width: 100, height: 100)).write(to: image)
        let result = try CommandRunner.run(
            ["convert", "pets", "-o", "-", "--s3-prefix", "s3://bucket/pets/"], directory: directory.path)
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("Reading 'pets' as folders (detected).\n"))
        #expect(result.standardOutput.hasPrefix(#"{"source-ref": "s3://bucket/pets/dog/a.jpg", "dog": 1, "#))
    }

    /// `--to`: the sample manifest out to COCO and back gives the same boxes; YOLO and VOC write folders.
    @Test func exportsAndBack() throws {
        let directory = try scratch()
        let sample = SharedDirectory.packageRoot.appendingPathComponent("samples/object-localization.manifest").path
        let out = try CommandRunner.run(
            ["convert", sample, "--to", "coco", "-o", "ol.json", "--s3-prefix", "s3://northwind-site-safety/ppe/"],
            directory: directory.path)
        #expect(out.status == 0, "\(out.standardError)")
        #expect(out.standardError == "1 file written as coco.\n")
        let back = try CommandRunner.run(
            ["convert", "ol.json", "-o", "-", "--s3-prefix", "s3://northwind-site-safety/ppe/"],
            directory: directory.path)
        #expect(back.status == 0)
        let original = try String(contentsOfFile: sample, encoding: .utf8)
        #expect(try Self.namedBoxes(original).joined().count == 77, "the sample has 77 boxes")
        #expect(try Self.namedBoxes(back.standardOutput) == Self.namedBoxes(original))
        for format in ["yolo", "voc"] {
            let result = try CommandRunner.run(
                [
                    "convert", sample, "--to", format, "-o", format, "--images",
                    "s3://northwind-site-safety/ppe/=photos",
                ],
                directory: directory.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("yolo/data.yaml").path))
        let annotations = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("voc/Annotations").path)
        #expect(!annotations.isEmpty)
        let wrong = try CommandRunner.run(
            ["convert", sample, "--from", "coco", "--to", "voc", "-o", "x"], directory: directory.path)
        #expect(wrong.status == 2 && wrong.standardError.contains("--to exports a manifest"))
        let outside = try CommandRunner.run(
            ["convert", sample, "--to", "csv", "-o", "-", "--s3-prefix", "s3://other-bucket/"],
            directory: directory.path)
        #expect(
            outside.status == 2 && outside.standardError.contains("is not under the image root 's3://other-bucket/'"))
    }

    /// Each line's boxes as (class name, top, left, width, height), whatever the attribute's name and ids.
    static func namedBoxes(_ manifest: String) throws -> [[String]] {
        try manifest.split(separator: "\n").map { line in
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var boxes: [String] = []
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let attribute = value as? [String: Any],
                    let annotations = attribute["annotations"] as? [[String: Any]],
                    let metadata = object[key + "-metadata"] as? [String: Any],
                    let classMap = metadata["class-map"] as? [String: String]
                else { continue }
                for box in annotations {
                    let name = classMap["\(box["class_id"] ?? "")"] ?? "?"
                    boxes.append(
                        "\(name) \(box["top"] ?? "") \(box["left"] ?? "") \(box["width"] ?? "") \(box["height"] ?? "")")
                }
            }
            return boxes
        }
    }
}
