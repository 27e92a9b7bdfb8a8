import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `convert --from csv`: AWS's classification CSV, box CSVs by corners or by size, quoting, sizes, errors.
@Suite struct CSVConvertTests {
    private func read(_ text: String, imageRoot: String? = nil) throws -> (
        images: [LabeledImage], classOrder: [String], dropped: [String: Int], columns: String
    ) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        return try CSVReader(path: file.path, imageRoot: imageRoot).read()
    }

    @Test func classificationRowsMergeByImage() throws {
        let table = try read("\u{FEFF}a.jpg,dog\r\nb.jpg,cat,dog\r\na.jpg,outdoor\n\ns3://bucket/pets/c.jpg,cat\n")
        #expect(table.columns == "image,label[,label…] (classification, no header)")
        #expect(table.images.map(\.path) == ["a.jpg", "b.jpg", "pets/c.jpg"])
        #expect(table.images.map(\.labels) == [["dog", "outdoor"], ["cat", "dog"], ["cat"]])
        #expect(table.classOrder == ["dog", "cat", "outdoor"])
    }

    @Test func boxesByCornersOrBySize() throws {
        let corners = try read(
            "filename,class,xmin,ymin,xmax,ymax,image_width,image_height\n\"x, \"\"y\"\".jpg\",dog,10,20,110,220,640,480\n"
        )
        #expect(corners.columns == "filename,class,xmin,ymin,xmax,ymax,image_width,image_height (boxes by corners)")
        #expect(corners.images[0].path == "x, \"y\".jpg")
        #expect(corners.images[0].boxes == [LabeledBox(label: "dog", left: 10, top: 20, width: 100, height: 200)])
        #expect(corners.images[0].width == 640)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(TestImages.png(width: 300, height: 200)).write(to: root.appendingPathComponent("a.png"))
        let sized = try read("image,label,x,y,width,height\na.png,cat,1,2,30,40\nb.png,,,,,\n", imageRoot: root.path)
        #expect(sized.columns.hasSuffix("(boxes by x, y, width, height)"))
        #expect(sized.images[0].boxes == [LabeledBox(label: "cat", left: 1, top: 2, width: 30, height: 40)])
        #expect(sized.images[0].width == 300 && sized.images[0].height == 200)
        #expect(sized.images[1].boxes.isEmpty)
    }

    @Test func badCSVIsNamedWithItsPlace() throws {
        let cases: [(String, String)] = [
            ("image,label,x,y,width,height\na.jpg,dog,1,2,three,4\n", ":2: column 5 must be a number, not 'three'"),
            ("a.jpg,dog\n\"b.jpg,cat\n", ":2:1: a quoted field is not closed"),
            ("\"a.jpg\"x,dog\n", ":1:8: text after a closing quote"),
            (",dog\n", ":1:1: a row without an image"),
        ]
        for (text, expected) in cases {
            do {
                _ = try read(text)
                Issue.record("no error for \(text)")
            } catch let error as ConversionError {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }
}
