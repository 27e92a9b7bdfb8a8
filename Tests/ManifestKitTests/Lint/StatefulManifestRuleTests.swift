import Foundation
import Testing

@testable import ManifestKit

/// A manifest rule that keeps a state of its own, registered for the test only: it observes every line's
/// facts, each part of a file checked on its own thread gets a fresh state, and the states are merged in file
/// order, so that one thread and three give the same findings.
@Suite struct StatefulManifestRuleTests {
    /// Test-only: a label that names one image only, which training cannot learn from; reported at that
    /// image's line.
    struct LabelOnOneImage: ManifestRule {
        static let description = RuleDescription(
            code: "CL990", name: "label-on-one-image", mirrors: nil, severity: .warning,
            summary: "a label names one image only", rationale: "Test-only.", fix: "label more images",
            conditions: [], triggeringExamples: [], nonTriggeringExamples: [])

        /// Each label's images, and the line of its first.
        struct State: ManifestRuleState {
            var labels: [String: (images: Int, firstLine: Int)] = [:]
            /// Every label in the order of its first line.
            var order: [String] = []

            init(options: LintOptions) {}

            mutating func observe(_ line: ManifestLineFacts) {
                for label in Set(line.labels) {
                    if let known = labels[label] {
                        labels[label] = (known.images + 1, known.firstLine)
                    } else {
                        labels[label] = (1, line.number)
                        order.append(label)
                    }
                }
            }

            mutating func merge(_ later: State, lineOffset: Int) {
                for label in later.order {
                    let seen = later.labels[label] ?? (0, 0)
                    if let known = labels[label] {
                        labels[label] = (known.images + seen.images, known.firstLine)
                    } else {
                        labels[label] = (seen.images, seen.firstLine + lineOffset)
                        order.append(label)
                    }
                }
            }
        }

        static func finish(_ totals: ManifestTotals, state: State, into findings: inout [ManifestFinding]) {
            for label in state.order {
                guard let seen = state.labels[label], seen.images == 1 else { continue }
                findings.append(
                    ManifestFinding(
                        description, line: seen.firstLine, column: 1, message: "label '\(label)' names one image only"))
            }
        }
    }

    /// A linter with the registry's rules and the test rule.
    private func linter(jobs: Int, partBytes: Int) -> ManifestLinter {
        let rules = RuleSet(
            selection: .all, readsManifestLines: true,
            manifestRules: RuleRegistry.manifestRules + [LabelOnOneImage.self])
        let linter = ManifestLinter(
            options: LintOptions(), rules: rules, schema: ManifestSchemas.shared.map(LineSchemaCheck.init))
        linter.jobs = jobs
        linter.partBytes = partBytes
        return linter
    }

    @Test func itRunsAndMergesAlikeOnOneThreadAndOnThree() throws {
        // Labels a0…a39 on 10 images each, spread over the file; lone labels on lines 1, 77, 150, 233 and 300
        // (each part of the threaded runs holds some) and one lone label repeated at the very end.
        let lone: [Int: String] = [1: "first", 77: "early", 150: "middle", 233: "late", 300: "last"]
        var lines: [String] = []
        for number in 1...400 {
            let label = number == 400 ? "last" : lone[number] ?? "a\(number % 40)"
            lines.append(
                #"{"source-ref":"s3://bucket/\#(number).jpg","pet":1,"pet-metadata":{"class-name":"\#(label)","#
                    + #""confidence":1,"type":"groundtruth/image-classification","job-name":"j","#
                    + #""human-annotated":"yes","creation-date":"2024-01-01T00:00:00"}}"#)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("labels.manifest").path
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))

        let one = try linter(jobs: 1, partBytes: 4 << 20).lint(path: path)
        let found = one.filter { $0.code == "CL990" }
        #expect(found.map(\.line) == [1, 77, 150, 233], "'last' names two images: lines 300 and 400")
        #expect(found.first?.message == "label 'first' names one image only")
        // Parts of about 2,000 bytes: some 20 parts, so each lone label is in a part of its own.
        for partBytes in [2_000, 7_000] {
            let three = try linter(jobs: 3, partBytes: partBytes).lint(path: path)
            #expect(three == one, "parts of \(partBytes) bytes")
        }
    }
}
