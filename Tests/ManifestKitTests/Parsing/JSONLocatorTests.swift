import Testing

@testable import ManifestKit

/// The locator's tables give the same columns and pointers as a scan from the start and a walk from the root.
@Suite struct JSONLocatorTests {
    static let lines = [
        #"{"a":1,"b":[1,{"c":"é😀"},[2,3]],"ü~/":{"x y":null,"z":[true,false,"ß"]},"k":"日本語"}"#,
        #"[[[[{"a":[{"b":{"c":[0,1,2,{"d":"ééééééééééééééééééééééééééééééééééééééééééééééééééééééé"}]}}]}]]]]"#,
        "{" + (0..<300).map { #""k\#($0)é":[\#($0),"😀"]"# }.joined(separator: ",") + "}",
    ]

    @Test(arguments: lines)
    func tablesAgreeWithDirectAnswers(line: String) throws {
        let bytes = Array(line.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            let document = try JSONParser().parse(buffer)
            var locator = JSONLocator(document)
            // Use up the direct answers, so that every later one comes from the tables.
            for _ in 0..<JSONLocator.directQueries {
                _ = locator.column(0)
                _ = locator.pointer(to: 0)
            }
            for node in 0..<document.nodes.count {
                let offset = Int(document[node].start)
                #expect(locator.column(offset) == UTF8Validation.scalarCount(buffer, upTo: offset) + 1)
                #expect(locator.pointer(to: node) == document.pointer(to: node), "node \(node)")
            }
        }
    }
}
