import Foundation
import Testing
import _ManifestTestSupport

/// Files that are not JSON Lines at all get one finding for the whole file, not one per line: XML (noted and
/// skipped), binary data (CL011), JSON spread over many lines (CL012).
@Suite struct NotJSONLinesCommandTests {
    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func aPrettyPrintedArrayIsOneFindingAndExitsOne() throws {
        let objects = (0..<27).map { #"  {"source-ref": "s3://bucket/\#($0).jpg"}"# }
        let text = "[\n" + objects.joined(separator: ",\n") + "\n]\n"
        let path = try file("export.manifest", Array(text.utf8))
        for arguments in [
            ["lint", "--isolated", path], ["lint", "--isolated", "--jobs", "2", "--part-bytes", "64", path],
        ] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 1)
            #expect(
                result.standardOutput
                    == "\(path): error: [CL012] the file is one JSON array of 27 objects spread over 29 lines; "
                    + "manifests need one JSON object per line: its lines were not checked\n")
            #expect(result.standardError.hasSuffix("\(path): not JSON Lines; its lines were not checked\n"))
        }
        // From standard input too: the first bytes are read ahead, and nothing is lost.
        let piped = try CommandRunner.run(["lint", "--isolated", "-"], input: Array(text.utf8))
        #expect(piped.status == 1 && piped.standardOutput.hasPrefix("-: error: [CL012] the file is one JSON array"))
    }

    @Test func prettyPrintedObjectsAndBrokenJSONSayWhatTheyAre() throws {
        let objects = "{\n  \"source-ref\": \"s3://bucket/a.jpg\"\n}\n{\n  \"source-ref\": \"s3://bucket/b.jpg\"\n}\n"
        let two = try CommandRunner.run(["lint", "--isolated", try file("two.manifest", Array(objects.utf8))])
        #expect(two.standardOutput.contains("[CL012] the file holds 2 JSON objects spread over 6 lines"))
        let broken = "[\n  {\"a\": 1},\n  {\"a\": 2,}\n]\n"
        let bad = try CommandRunner.run(["lint", "--isolated", try file("bad.manifest", Array(broken.utf8))])
        #expect(bad.status == 1)
        #expect(
            bad.standardOutput.contains(
                "[CL012] the file starts as JSON spread over 4 lines but is not valid JSON (line 3:"))
    }

    @Test func binaryThatStartsWithAnAngleBracketIsNotTakenForXML() throws {
        var bytes: [UInt8] = Array("<".utf8)
        var generator = SystemRandomNumberGenerator()
        bytes += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = try CommandRunner.run(["lint", "--isolated", try file("random.manifest", bytes)])
        #expect(result.status == 1, "binary data is an error, not a skipped XML file")
        #expect(result.standardOutput.contains("[CL011] the file holds binary data"))
        // Text that starts with '<' but not as XML is linted line by line.
        let notXML = try CommandRunner.run(["lint", "--isolated", try file("lt.manifest", Array("<3 labels\n".utf8))])
        #expect(notXML.status == 1 && notXML.standardOutput.contains("[CL001]"))
        // XML with leading whitespace and a comment is still noted and skipped.
        let xml = try CommandRunner.run([
            "lint", "--isolated", try file("app.manifest", Array("\n  <!-- app -->\n<assembly/>\n".utf8)),
        ])
        #expect(xml.status == 0 && xml.standardOutput.contains("[CL010]"))
    }

    @Test func utf16TextIsNamed() throws {
        let text = #"{"source-ref": "s3://bucket/a.jpg"}"# + "\n"
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = try CommandRunner.run(["lint", "--isolated", try file("windows.manifest", utf16)])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("[CL011] the file is UTF-16 text; manifests are UTF-8 JSON Lines"))
    }
}
