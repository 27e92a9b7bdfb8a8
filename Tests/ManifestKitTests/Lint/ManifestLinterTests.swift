import ManifestKit
import Testing

/// Each malformed-line kind gives one clear finding at the right line and column.
@Suite struct ManifestLinterTests {
    /// The findings of the reading and syntax rules (CL0xx), which these tests are about; the rule
    /// catalogue's own examples and ManifestIndexTests cover the others (these tiny lines have unpaired keys).
    private func lint(_ bytes: [UInt8]) -> [Diagnostic] {
        ManifestLinter().lint(bytes: bytes, name: "m.manifest").filter { $0.code.hasPrefix("CL0") }
    }

    /// A line with nothing to report (the name makes its source-ref unique in a manifest).
    private func valid(_ name: String = "a") -> [UInt8] {
        Array(#"{"source-ref":"s3://bucket/images/\#(name).jpg","cat":1}"#.utf8)
    }
    private let newline: [UInt8] = [0x0A]

    @Test(arguments: [
        ("blank line", Array("\n".utf8), "CL003", 2, 1),
        ("whitespace line", Array(" \t \n".utf8), "CL003", 2, 1),
        ("invalid JSON", Array(#"{"source-ref":"s3://b/é.jpg","x":}"#.utf8) + [0x0A], "CL001", 2, 34),
        ("not an object", Array(#"  [1, 2]"#.utf8) + [0x0A], "CL002", 2, 3),
        ("invalid UTF-8", Array(#"{"é":"ab"#.utf8) + [0xFE] + Array("\"}\n".utf8), "CL005", 2, 9),
        ("NUL byte", Array(#"{"é":1}"#.utf8) + [0x00, 0x0A], "CL006", 2, 8),
        ("duplicate key", Array(#"{"source-ref":"s3://bucket/b.jpg","é":1,"é":2}"#.utf8) + [0x0A], "CL008", 2, 41),
        (
            "nesting", Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8) + [0x0A],
            "CL009", 2, 513
        ),
        ("nesting and not JSON", Array(String(repeating: "[", count: 600).utf8) + [0x0A], "CL001", 2, 601),
    ])
    func malformedLine(kind: String, line: [UInt8], code: String, lineNumber: Int, column: Int) throws {
        let diagnostics = lint(valid("a") + newline + line + valid("c") + newline)
        #expect(diagnostics.count == 1, "\(kind): \(diagnostics)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == code)
        #expect(diagnostic.line == lineNumber && diagnostic.column == column, "\(kind)")
        #expect(diagnostic.file == "m.manifest")
    }

    @Test func byteOrderMarkIsReportedAndTheLineStillChecked() {
        let diagnostics = lint([0xEF, 0xBB, 0xBF] + Array(#"{"a":1,}"#.utf8))
        #expect(diagnostics.map(\.code) == ["CL004", "CL001"])
        #expect(diagnostics.map(\.column) == [1, 8])
    }

    @Test func lineTooLongIsReportedWithItsLength() throws {
        let body = String(repeating: "ü", count: 100_010)
        let diagnostics = lint(Array("{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":\"\(body)\"}".utf8))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == "CL007" && diagnostic.column == 100_001)
        #expect(diagnostic.message == "line is 100,051 characters long, over the service's limit of 100,000")
        #expect(diagnostic.sourceRef == "s3://bucket/a.jpg")
    }

    @Test func oversizedLinesAreMeasuredNotKept() throws {
        var options = LintOptions()
        options.maxLineBytes = 200_000
        let line = Array(
            "{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":\"\(String(repeating: "x", count: 300_000))\"}\n".utf8)
        let diagnostics = ManifestLinter(options: options).lint(bytes: line + valid(), name: "m").filter {
            $0.code.hasPrefix("CL0")
        }
        #expect(diagnostics.map(\.code) == ["CL007"])
        #expect(diagnostics.first?.message.contains("300,041 characters") == true)
    }

    @Test func findingsCarryTheSourceRefAndPointer() throws {
        let diagnostics = lint(Array(#"{"source-ref":"s3://bucket/a.jpg","box":{"w":1,"w":2}}"#.utf8))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.sourceRef == "s3://bucket/a.jpg")
        #expect(diagnostic.pointer == "/box/w")
        #expect(diagnostic.severity == .warning)
    }

    @Test func validLinesGiveNoFindingsWhateverTheLineEnding() {
        #expect(lint(valid("a") + Array("\r\n".utf8) + valid("b") + Array("\r\n".utf8) + valid("c")).isEmpty)
        #expect(ManifestLinter().lint(bytes: [], name: "m").map(\.code) == ["CL406"])
    }

    @Test func findingsAreSortedByLineThenColumn() {
        let text = "[1]\n{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":1,\"a\":2,\"a\":3}\n\n"
        let diagnostics = lint(Array(text.utf8))
        #expect(diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["1:1", "2:41", "2:47", "3:1"])
    }
}

/// A `-metadata` that is not an object still pairs with its attribute by name: an error with the service's
/// code that makes the line invalid, never a line that counts as valid with "0 labels".
@Suite struct MetadataNotAnObjectTests {
    static let metadata =
        #"{"confidence":1,"class-name":"cat","human-annotated":"yes","creation-date":"2024-05-01T08:00:00","#
        + #""type":"groundtruth/image-classification"}"#

    @Test(arguments: [
        (
            "\"" + metadata.replacing("\"", with: "\\\"") + "\"",
            "is a string, not an object: the metadata was JSON-encoded twice"
        ),
        ("\"cat\"", "is a string, not an object"), ("null", "is null, not an object"),
        ("[]", "is a list, not an object"),
        ("5", "is a number, not an object"),
    ])
    func isAnErrorThatCountsTowardTheLimit(value: String, message: String) throws {
        let line = #"{"source-ref":"s3://bucket/a.jpg","cat":1,"cat-metadata":"# + value + "}\n"
        let linter = ManifestLinter()
        let findings = linter.lint(bytes: Array(line.utf8), name: "m.manifest")
        let finding = try #require(findings.first { $0.code == "CL202" })
        #expect(finding.message.hasPrefix("'cat-metadata' " + message), "\(finding.message)")
        #expect(finding.serviceCode == .invalidLabelAttributeMetadataFormat && finding.severity == .error)
        #expect(finding.pointer == "/cat-metadata" && finding.column == 58)
        #expect(!findings.contains { $0.code == "CL209" }, "the pair is found by name, not left unpaired")
        #expect(findings.contains { $0.code == "CL206" }, "its only label attribute is invalid")
        #expect(linter.statistics.linesWithErrors == 1 && linter.statistics.labels == 0)
        #expect(findings.contains { $0.code == "CL408" })
        if !message.contains("twice") { #expect(!finding.message.contains("twice")) }
    }
}
