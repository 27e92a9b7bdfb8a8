import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert --from cvat`: boxes, tags, the labels of the meta, subsets, what is dropped, and the real CVAT
/// exports of `../shared/corpus/formats/cvat`.
@Suite struct CVATConvertTests {
    static var exports: [String] {
        guard let root = SharedDirectory.existing("corpus/formats/cvat"),
            let walk = FileManager.default.enumerator(atPath: root.path)
        else { return [] }
        return walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".xml") }.sorted()
    }

    private func read(_ xml: String) throws -> (images: [LabeledImage], classOrder: [String], dropped: [String: Int]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        return try CVATReader(path: file.path).read()
    }

    @Test func boxesTagsSubsetsAndTheMetaLabels() throws {
        let dataset = try read(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations><version>1.1</version>
              <meta><task><labels><label><name>car</name></label><label><name>person</name></label></labels></task></meta>
              <image id="0" name="a.jpg" width="640" height="480" subset="Train">
                <box label="person" occluded="0" xtl="10.5" ytl="20" xbr="50" ybr="70"><attribute name="x">1</attribute></box>
                <tag label="daytime"/>
                <polygon label="car" points="1,2;3,4;5,6"/>
              </image>
              <track id="0" label="car"><box frame="0" xtl="1" ytl="1" xbr="5" ybr="5"/></track>
            </annotations>
            """)
        #expect(dataset.classOrder == ["car", "person", "daytime"])
        #expect(dataset.dropped == ["polygon shapes": 1, "tracks (video)": 1])
        let image = try #require(dataset.images.first)
        #expect(image.path == "Train/a.jpg" && image.labels == ["daytime"])
        #expect(image.boxes == [LabeledBox(label: "person", left: 10.5, top: 20, width: 39.5, height: 50)])
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"), classOrder: dataset.classOrder)
        let line = try composer.compose(dataset.images, source: "t")
        #expect(line.contains(#""class-map": {"1": "person"}"#))
    }

    @Test func badElementsAreNamedWithTheirPlace() throws {
        do {
            _ = try read(
                "<annotations>\n  <image id=\"0\" name=\"a.jpg\">\n    <box label=\"x\" xtl=\"5\" ytl=\"0\" xbr=\"1\" ybr=\"4\"/>\n  </image>\n</annotations>"
            )
            Issue.record("a box with xbr < xtl was accepted")
        } catch let error as ConversionError {
            #expect(error.description.hasSuffix(":3:5: a <box> needs numbers xtl ≤ xbr and ytl ≤ ybr"))
        }
        #expect(throws: ConversionError.self) { try read("<annotation><filename>a.jpg</filename></annotation>") }
    }

    /// Every real CVAT export converts, and lint finds nothing wrong with the lines' form.
    @Test(arguments: exports)
    func realCVATExportsConvertAndLint(name: String) throws {
        let url = try #require(SharedDirectory.existing("corpus/formats/cvat/\(name)"))
        let dataset = try CVATReader(path: url.path).read()
        #expect(!dataset.images.isEmpty)
        var composer = ManifestComposer(options: .init(s3Prefix: "s3://bucket/"), classOrder: dataset.classOrder)
        let text = try composer.compose(dataset.images, source: name)
        let dataProblems: Set = ["CL304", "CL306", "CL309", "CL408"]
        let errors = ManifestLinter().lint(bytes: Array(text.utf8), name: name).filter {
            $0.severity == .error && !dataProblems.contains($0.code)
        }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message)" })")
    }
}
