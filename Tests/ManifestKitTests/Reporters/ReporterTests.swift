import Foundation
import ManifestKit
import Testing

@Suite struct ReporterTests {
    let diagnostics = [
        Diagnostic(
            file: "data/train.manifest", line: 12, column: 17, code: "CL001", name: "invalid-json",
            serviceCode: .invalidJSONLine, severity: .error, message: "expected ':' after object key, found '1'"),
        Diagnostic(
            file: "data/train.manifest", line: 13, column: 40, code: "CL008", name: "duplicate-key",
            serviceCode: nil, severity: .warning, message: "key 'a\"b' repeats the key at column 2",
            pointer: "/a\"b", sourceRef: "s3://bucket/x\ty.jpg"),
        Diagnostic(
            file: "data/train.manifest", line: nil, column: nil, code: "CL400", name: "whole-file",
            serviceCode: nil, severity: .info, message: "a whole-file note"),
    ]

    @Test func textHasTheDocumentedShape() {
        #expect(
            TextReporter().render(diagnostics) == """
                data/train.manifest:12:17: error: [CL001] expected ':' after object key, found '1' (ERROR_INVALID_JSON_LINE)
                data/train.manifest:13:40: warning: [CL008] key 'a"b' repeats the key at column 2
                data/train.manifest: info: [CL400] a whole-file note

                """)
    }

    @Test func jsonLinesHaveExactlyTheContractFields() throws {
        let lines = JSONLinesReporter().render(diagnostics).split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let fields: Set = [
            "file", "line", "column", "code", "name", "serviceCode", "severity", "message", "pointer",
            "sourceRef", "fix",
        ]
        for object in objects { #expect(Set(object.keys) == fields) }
        #expect(objects[0]["line"] as? Int == 12 && objects[0]["column"] as? Int == 17)
        #expect(objects[0]["serviceCode"] as? String == "ERROR_INVALID_JSON_LINE")
        #expect(objects[0]["pointer"] is NSNull && objects[0]["sourceRef"] is NSNull)
        #expect(objects[1]["message"] as? String == "key 'a\"b' repeats the key at column 2")
        #expect(objects[1]["pointer"] as? String == "/a\"b")
        #expect(objects[1]["sourceRef"] as? String == "s3://bucket/x\ty.jpg")
        #expect(objects[1]["serviceCode"] is NSNull)
        #expect(objects[2]["line"] is NSNull && objects[2]["column"] is NSNull)
        #expect(objects[2]["severity"] as? String == "info")
        #expect(lines[0].hasPrefix(#"{"file":"data/train.manifest","line":12,"column":17,"code":"CL001""#))
    }

    /// Messages with every character JSON escapes (and multi-byte text beside them) come back the same
    /// through a JSON reader.
    @Test func jsonLinesEscapeWhatJSONNeedsAndKeepTheRest() throws {
        let message = "q\"b\\n\nr\rt\tb\u{08}f\u{0C}e\u{1B}d\u{7F}\u{0}é😀/end"
        let diagnostic = Diagnostic(
            file: "a \"b\".manifest", line: 1, column: 1, code: "CL001", name: "invalid-json", serviceCode: nil,
            severity: .error, message: message)
        let line = JSONLinesReporter().render([diagnostic]).split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.contains(#"\u001b"#) && line.contains(#"\u007f"#) && line.contains(#"\b"#))
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == message)
        #expect(object["file"] as? String == "a \"b\".manifest")
    }

    @Test func nothingToReportRendersNothing() {
        #expect(TextReporter().render([]).isEmpty)
        #expect(JSONLinesReporter().render([]).isEmpty)
    }
}
