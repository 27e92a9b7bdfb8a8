import Foundation
import Testing

@testable import ManifestUpload

/// A `ListDatasetEntries` page read with the manifest parser: what `JSONSerialization` accepted, it accepts.
@Suite struct EntryPageTests {
    /// The page `JSONSerialization` reads from `text`, for comparison.
    private func foundationPage(_ text: String) throws -> (entries: [String], token: String?) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let token = object["NextToken"] as? String
        return (object["DatasetEntries"] as? [String] ?? [], token?.isEmpty == false ? token : nil)
    }

    /// A 200 answer with `text` as its body.
    static func response(_ text: String) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [:], body: Data(text.utf8))
    }

    @Test(arguments: [
        #"{"DatasetEntries": ["{\"source-ref\": \"s3://b/a.jpg\", \"x\": \"caf\u00e9 \\\"q\\\"\"}", "{}"], "NextToken": "abc/+="}"#,
        "{\n  \"DatasetEntries\" : [\n    \"{\\\"a\\\":1}\"\n  ],\n  \"NextToken\" : \"\"\n}\n",
        #"{"DatasetEntries": null}"#,
        #"{"DatasetEntries": [], "NextToken": "t"}"#,
        #"{"NextToken": "t", "Other": {"nested": [1, 2]}}"#,
        #"{"DatasetEntries": ["\ud83d\ude00 emoji", "line\nbreak\ttab"]}"#,
    ])
    func readsWhatFoundationReads(text: String) throws {
        let page = try EntryPage(Self.response(text))
        let expected = try foundationPage(text)
        #expect(page.entries == expected.entries)
        #expect(page.nextToken == expected.token)
    }

    @Test func anEmptyBodyIsAnEmptyLastPage() throws {
        let page = try EntryPage(Self.response(" \n"))
        #expect(page.entries.isEmpty && page.nextToken == nil)
    }

    @Test(arguments: [
        ("<html>busy</html>", "the answer is not JSON"),
        (#"["a"]"#, "the answer is not a JSON object"),
        (#"{"DatasetEntries": "a"}"#, "DatasetEntries is not a list of strings"),
        (#"{"DatasetEntries": ["a", 1]}"#, "DatasetEntries is not a list of strings"),
        (#"{"DatasetEntries": ["a"]"#, "the answer is not JSON"),
    ])
    func anAnswerThatIsNotAPageSaysWhy(text: String, reason: String) {
        #expect {
            try EntryPage(Self.response(text))
        } throws: { "\($0)".contains("ListDatasetEntries: the service's answer cannot be read: \(reason)") }
    }
}
