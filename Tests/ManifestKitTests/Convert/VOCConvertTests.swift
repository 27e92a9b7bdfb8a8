import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert --from voc` and the XML reader under it: VOC's 1-based corners, difficult objects, sizes,
/// malformed XML, and the real VOC exports of `../shared/corpus/formats/voc`.
@Suite struct VOCConvertTests {
    static let formats = "corpus/formats/voc"

    static var datasets: [String] { SharedDirectory.files(in: formats) }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func manifest(_ input: String, imageRoot: String? = nil, skipDifficult: Bool = false) throws -> (
        String, [String: Int]
    ) {
        let (images, classOrder, dropped) = try VOCReader(
            input: input, imageRoot: imageRoot, skipDifficult: skipDifficult
        ).read()
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"), classOrder: classOrder)
        return (try composer.compose(images, source: input), dropped)
    }

    static let annotation = """
        <?xml version="1.0"?>
        <!-- written by hand -->
        <annotation>
          <filename>JPEGImages/a &amp; b.jpg</filename>
          <size><width>640</width><height>480</height><depth>1</depth></size>
          <object><name>dog</name><difficult>1</difficult>
            <bndbox><xmin>1</xmin><ymin>1</ymin><xmax>100</xmax><ymax>50</ymax></bndbox></object>
          <object><name><![CDATA[cat]]></name><truncated>1</truncated>
            <bndbox><xmin>101.5</xmin><ymin>11</ymin><xmax>200</xmax><ymax>60</ymax></bndbox></object>
          <object><name>person</name><polygon/></object>
        </annotation>
        """

    @Test func cornersAreOneBasedAndInclusive() throws {
        let file = try scratch().appendingPathComponent("a.xml")
        try Data(Self.annotation.utf8).write(to: file)
        let (text, dropped) = try manifest(file.path)
        #expect(
            text.hasPrefix(
                #"{"source-ref": "s3://bucket/JPEGImages/a & b.jpg", "bounding-box": {"image_size": [{"width": 640, "height": 480, "depth": 1}]"#
            ))
        // xmin 1 … xmax 100 is pixels 0 to 99: left 0, width 100.
        #expect(text.contains(#"{"class_id": 0, "top": 0, "left": 0, "width": 100, "height": 50}"#))
        // 101.5 → left 100.5, right 200: rounded by the edges to 101 (100.5 rounds away from zero) … 200.
        #expect(text.contains(#"{"class_id": 1, "top": 10, "left": 101, "width": 99, "height": 50}"#))
        #expect(dropped == ["objects without a <bndbox>": 1])
        let (skipping, skipped) = try manifest(file.path, skipDifficult: true)
        #expect(!skipping.contains(#""class-map": {"0": "dog""#))
        #expect(skipped["difficult objects (--skip-difficult)"] == 1)
    }

    @Test func aMissingSizeIsReadFromTheImage() throws {
        let root = try scratch()
        let xml =
            "<annotation><filename>a.png</filename><object><name>dog</name><bndbox><xmin>1</xmin>"
            + "<ymin>1</ymin><xmax>10</xmax><ymax>10</ymax></bndbox></object></annotation>"
        try Data(xml.utf8).write(to: root.appendingPathComponent("a.xml"))
        #expect(throws: ConversionError.self) { try manifest(root.appendingPathComponent("a.xml").path) }
        try Data(TestImages.png(width: 320, height: 200)).write(to: root.appendingPathComponent("a.png"))
        let (text, _) = try manifest(root.appendingPathComponent("a.xml").path, imageRoot: root.path)
        #expect(text.contains(#""image_size": [{"width": 320, "height": 200, "depth": 3}]"#))
    }

    @Test func malformedXMLIsNamedWithItsPlace() throws {
        let cases: [(String, String)] = [
            (
                "<annotation>\n  <filename>a.jpg</name>\n</annotation>",
                ":2:18: closing tag </name> does not match <filename>"
            ),
            ("<annotation>\n  <filename>a &nbsp; b</filename>", ":2:13: an unknown reference '&nbsp;'"),
            ("<annotation><filename>a.jpg</filename>", ":1:1: <annotation> is not closed"),
            ("<!DOCTYPE x [<!ENTITY a 'b'>]><annotation/>", ":1:1: a DOCTYPE"),
            ("<annotations/>", "a VOC file's root is <annotation>"),
            ("{\"not\": \"xml\"}", "text outside the root element"),
        ]
        let directory = try scratch()
        for (index, (xml, expected)) in cases.enumerated() {
            let file = directory.appendingPathComponent("case\(index).xml")
            try Data(xml.utf8).write(to: file)
            do {
                _ = try manifest(file.path)
                Issue.record("no error for \(xml)")
            } catch let error as ConversionError {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    /// Every real VOC export converts, one line per file, and lint finds nothing wrong with the lines'
    /// form (only what the tiny test images break).
    @Test(arguments: datasets)
    func realVOCExportsConvertAndLint(dataset: String) throws {
        let root = try #require(SharedDirectory.existing("\(Self.formats)/\(dataset)"))
        let (text, _) = try manifest(root.path)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".xml")
        }
        #expect(text.split(separator: "\n").count == files?.count)
        let dataProblems: Set = ["CL304", "CL306", "CL309", "CL408"]
        let errors = ManifestLinter().lint(bytes: Array(text.utf8), name: dataset).filter {
            $0.severity == .error && !dataProblems.contains($0.code)
        }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message)" })")
    }
}
