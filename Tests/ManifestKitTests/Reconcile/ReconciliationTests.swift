import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// `reconcile` places the documented error-annotated lines (spec §4.6: an annotation's `errors`, a metadata's
/// and the line's `cl-errors`, an attribute's and the line's `warnings`) at the local lines they came from,
/// whatever the order and key order, at the column of the object they were written in.
@Suite struct ReconciliationTests {
    /// The documented lines with errors, read from the spec in `../shared`.
    static func documentedLines() throws -> [String] {
        guard let spec = SharedDirectory.existing("spec/service-validation.md") else {
            Issue.record("../shared/spec/service-validation.md is missing")
            return []
        }
        let text = try String(contentsOf: spec, encoding: .utf8)
        guard let start = text.range(of: "**Documented error-annotated lines**"),
            let end = text.range(of: "**Constructed negative fixtures**", range: start.upperBound..<text.endIndex)
        else {
            Issue.record("the spec no longer has its documented error-annotated lines")
            return []
        }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("{")
        }
    }

    /// The line as the user keeps it: the service's keys removed, keys in another (sorted) order.
    static func local(_ line: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return String(
            decoding: try JSONSerialization.data(
                withJSONObject: stripped(object), options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static func stripped(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !["errors", "cl-errors", "warnings", "cl-metadata"].contains($0.key) }
                .mapValues(stripped)
        }
        if let array = value as? [Any] { return array.map(stripped) }
        return value
    }

    /// Every `{code, pointer, severity}` of a line, found with Foundation's parser.
    static func expectedItems(_ line: String) throws -> [(code: String, pointer: String, severity: Severity)] {
        var items: [(String, String, Severity)] = []
        func walk(_ value: Any, _ pointer: String) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    let severity: Severity? =
                        key == "errors" || key == "cl-errors" ? .error : key == "warnings" ? .warning : nil
                    if let severity, let list = child as? [[String: Any]] {
                        for element in list { items.append((element["code"] as? String ?? "", pointer, severity)) }
                    } else {
                        walk(child, pointer + "/" + key)
                    }
                }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, pointer + "/\(index)") }
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(line.utf8)), "")
        return items
    }

    @Test func everyDocumentedErrorLevelLandsOnItsLocalLineAndObject() throws {
        let documented = try Self.documentedLines()
        #expect(documented.count >= 4)
        let clean =
            #"{"source-ref":"s3://bucket/clean.jpg","l":1,"l-metadata":{"class-name":"x","confidence":1,"#
            + #""type":"groundtruth/image-classification","human-annotated":"yes","creation-date":"2020-01-01T00:00:00","#
            + #""job-name":"j"}}"#
        // Locally: a clean line first, then the documented lines; the service's file has them reversed.
        let localLines = [clean] + (try documented.map(Self.local))
        let local = localLines.joined(separator: "\n") + "\n"
        let validation = (documented.reversed() + [clean]).joined(separator: "\n") + "\n"
        let result = try Reconciliation.run(
            local: .memory(Array(local.utf8), name: "train.manifest"),
            reports: [.validationManifest(.memory(Array(validation.utf8), name: "v.json"))])
        #expect(result.unplaced.isEmpty && result.wholeManifest.isEmpty && result.unreadable.isEmpty)
        #expect(result.coveredLines == Set(1...localLines.count))
        for (offset, line) in documented.enumerated() {
            let number = offset + 2
            let expected = try Self.expectedItems(line)
            let found = result.placed.filter { $0.line == number }
            #expect(!expected.isEmpty)
            #expect(
                found.map { "\($0.code) \($0.pointer ?? "") \($0.severity)" }.sorted()
                    == expected.map { "\($0.code) \($0.pointer) \($0.severity)" }.sorted(), "line \(number)")
            for finding in found {
                #expect(finding.name == "reported-by-service" && finding.file == "train.manifest")
                #expect(finding.serviceCode?.rawValue == finding.code)
                #expect(finding.message.hasPrefix("the service reports: "))
                guard let pointer = finding.pointer else {
                    #expect(finding.column == nil)
                    continue
                }
                // The column is where the object at the pointer starts in the local line, serialised alike.
                let column = try #require(finding.column)
                let characters = Array(localLines[number - 1].unicodeScalars)
                let object = try Self.value(at: pointer, in: localLines[number - 1])
                let text = String(
                    decoding: try JSONSerialization.data(
                        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
                let rest = String(String.UnicodeScalarView(characters[(column - 1)...]))
                #expect(rest.hasPrefix(text), "line \(number) \(pointer) column \(column)")
            }
        }
        #expect(!result.placed.contains { $0.line == 1 })
    }

    static func value(at pointer: String, in line: String) throws -> Any {
        var value = try JSONSerialization.jsonObject(with: Data(line.utf8))
        for token in pointer.split(separator: "/") {
            if let object = value as? [String: Any], let child = object[String(token)] {
                value = child
            } else if let array = value as? [Any], let index = Int(token), index < array.count {
                value = array[index]
            } else {
                Issue.record("no \(pointer) in \(line)")
            }
        }
        return value
    }

    @Test func repeatedImagesInvalidLinesAndStrangersArePlacedOrKept() throws {
        let local = [
            #"{"source-ref":"s3://b/a.jpg","n":1}"#,
            #"{"source-ref":"s3://b/a.jpg","n":2}"#,
            #"{"source-ref": "s3://b/broken.jpg","#,
            "",
            #"{"source-ref":"s3://b/c.jpg"}"#,
        ].joined(separator: "\n")
        let error = #"[{"code":"ERROR_INVALID_IMAGE","message":"m"}]"#
        let validation = [
            #"{"source-ref":"s3://b/c.jpg","errors":\#(error)}"#,
            #"{"source-ref":"s3://b/a.jpg","n":1,"errors":[{"code":"ERROR_INVALID_IMAGE"}]}"#,
            #"{"errors":[{"code":"ERROR_INVALID_JSON_LINE","message":"The JSON Line has an invalid format."}]}"#,
            #"{"source-ref":"s3://b/a.jpg","n":2,"warnings":[{"code":"WARNING_UNANNOTATED_RECORD","message":"r"}]}"#,
            "not json",
            #"{"source-ref":"s3://b/gone.jpg","errors":\#(error)}"#,
            #"{"errors":[{"code":"ERROR_MISSING_SOURCE_REF","message":"The source-ref key is missing."}]}"#,
        ].joined(separator: "\n")
        let result = try Reconciliation.run(
            local: .memory(Array(local.utf8), name: "m"),
            reports: [.validationManifest(.memory(Array(validation.utf8), name: "v"))])
        let placed = result.placed.map { "\($0.line ?? 0) \($0.code)" }
        // c.jpg at 5; the first a.jpg at 1, the second at 2; the error-only line 3 at local line 3 (no
        // source-ref there either); line 7 has no local line without a source-ref at 7, so it is kept unplaced.
        #expect(
            placed == [
                "1 ERROR_INVALID_IMAGE", "2 WARNING_UNANNOTATED_RECORD", "3 ERROR_INVALID_JSON_LINE",
                "5 ERROR_INVALID_IMAGE",
            ])
        #expect(result.placed.first?.message == "the service reports: ERROR_INVALID_IMAGE")
        #expect(result.unplaced.count == 2)
        #expect(result.unplaced.allSatisfy { $0.line == nil && $0.severity == .error })
        #expect(result.unplaced.contains { $0.message.contains("s3://b/gone.jpg (v line 6), which is not in m") })
        #expect(result.unplaced.contains { $0.code == "ERROR_MISSING_SOURCE_REF" })
        #expect(result.unreadable.map(\.line) == [5])
        #expect(result.coveredLines == [1, 2, 3, 5])
        #expect(result.localLines == 5)
    }

    @Test func aSummaryGivesWholeManifestFindingsAndCounts() throws {
        let summary = """
            {
              "statistics": {
                "training": {
                  "use_case": "OBJECT_LOCALIZATION", "total_json_lines": 10, "valid_json_lines": 7,
                  "invalid_json_lines": 2, "ignored_json_lines": 1, "error_line_indices": [3, 8],
                  "errors": [{"code": "ERROR_MANIFEST_TOO_FEW_LABELS", "message": "The manifest file has too few labels."}]
                },
                "testing": {"use_case": "NOT_DETERMINED", "total_json_lines": 0, "error_json_line_indices": [], "errors": []}
              },
              "errors": [{"code": "ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP", "message": "Less than 50% usable label overlap."}]
            }
            """
        let bytes = Array(summary.utf8)
        #expect(ValidationSummary.looksLikeSummary(bytes))
        #expect(!ValidationSummary.looksLikeSummary(Array(#"{"source-ref":"s3://b/a.jpg","errors":[]}"#.utf8)))
        let parsed = try ValidationSummary(bytes: bytes)
        #expect(parsed.training?.errorLineIndices == [3, 8])
        #expect(parsed.training?.invalidLines == 2 && parsed.testing?.useCase == "NOT_DETERMINED")
        #expect(throws: ValidationSummary.NotASummary.self) { try ValidationSummary(bytes: Array("[1]".utf8)) }
        let local = Array(#"{"source-ref":"s3://b/a.jpg"}"#.utf8)
        let training = try Reconciliation.run(
            local: .memory(local, name: "m"), reports: [.summary(parsed, name: "manifest_summary.json", set: .training)]
        )
        #expect(
            training.wholeManifest.map(\.code) == [
                "ERROR_MANIFEST_TOO_FEW_LABELS", "ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP",
            ])
        #expect(training.wholeManifest.allSatisfy { $0.line == nil && $0.pointer == nil })
        #expect(training.coversWholeManifest)
        #expect(training.notes.contains { $0.contains("10 lines, 7 valid, 2 invalid, 1 ignored") })
        #expect(training.notes.contains { $0.contains("lists 2 lines with errors in the training set") })
        let testing = try Reconciliation.run(
            local: .memory(local, name: "m"), reports: [.summary(parsed, name: "s", set: .testing)])
        #expect(testing.wholeManifest.map(\.code) == ["ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP"])
    }

    @Test func datasetEntriesArePlacedBySourceRefOnly() throws {
        let local = Array("\n{\"source-ref\":\"s3://b/a.jpg\"}\n".utf8)
        let entries = [
            #"{"source-ref":"s3://b/a.jpg","cl-metadata":{"is_labeled":false},"warnings":[{"code":"WARNING_UNANNOTATED_RECORD"}]}"#,
            #"{"errors":[{"code":"ERROR_INVALID_JSON_LINE"}]}"#,
        ]
        let result = try Reconciliation.run(
            local: .memory(local, name: "m"), reports: [.datasetEntries(entries, name: "ListDatasetEntries")])
        #expect(result.placed.map { "\($0.line ?? 0) \($0.code)" } == ["2 WARNING_UNANNOTATED_RECORD"])
        // No position in a listing: the error-only entry is not put on the blank line 1.
        #expect(result.unplaced.map(\.code) == ["ERROR_INVALID_JSON_LINE"])
    }
}
