import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Wraps a rule type so it can be a test argument.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: any Rule.Type
    var description: RuleDescription { rule.description }
    var testDescription: String { "\(description.code) \(description.name)" }
}

/// Runs every rule's examples: findings exactly at the `↓` markers, none for non-triggering examples; the
/// images an example describes are written to a scratch directory mapped to `s3://bucket/`.
@Suite struct RuleExampleTests {
    static let rules = RuleRegistry.all.map(RuleCase.init)

    /// The markers of the findings of `code` in the example's manifest `bytes` and in its test manifest
    /// (`test`, without markers), as `lint` reports them or, for the dataset rules, `stats --test`.
    private func findings(of code: String, in bytes: [UInt8], test: [UInt8]? = nil, _ example: Example) throws -> (
        manifest: [MarkedText.Marker], test: [MarkedText.Marker]
    ) {
        let schemas = try ManifestSchemas.load(userSchemas: example.schema.map { [("example.yaml", $0)] } ?? [])
        var options =
            try example.configuration.map { try Configuration.parse($0, file: "example.yml").options }
            ?? LintOptions()
        if !example.images.isEmpty {
            options.images = [ImageMapping(prefix: "s3://bucket/", directory: try ExampleImages.write(example.images))]
        }
        let linter = ManifestLinter(options: options, schemas: schemas)
        let found =
            code.hasPrefix("CL7")
            ? DatasetReview(
                training: ("example.manifest", bytes), test: test.map { ("test.manifest", $0) }, linter: linter
            ).readiness
            : linter.lint(bytes: bytes, name: "example.manifest")
        // A whole-file finding (no line) is marked at the end of the text, after its last newline.
        let markers = { (file: String, bytes: [UInt8]) in
            found.filter { $0.code == code && $0.file == file }.map { finding in
                finding.line.map { MarkedText.Marker(line: $0, column: finding.column ?? 0) }
                    ?? MarkedText.Marker(line: bytes.count { $0 == 0x0A } + 1, column: 1)
            }
        }
        return (markers("example.manifest", bytes), test.map { markers("test.manifest", $0) } ?? [])
    }

    @Test(arguments: rules)
    func triggeringExamplesReportAtTheirMarkers(rule: RuleCase) throws {
        let description = rule.description
        for example in description.triggeringExamples {
            let marked = MarkedText(example.bytes)
            let test = example.test.map { MarkedText(Array($0.utf8)) }
            let location = SourceLocation(
                fileID: "\(example.file)", filePath: "\(example.file)",
                line: Int(example.line), column: 1)
            #expect(
                !marked.markers.isEmpty || test?.markers.isEmpty == false, "a triggering example needs a ↓ marker",
                sourceLocation: location)
            let found = try findings(of: description.code, in: marked.bytes, test: test?.bytes, example)
            #expect(found.manifest == marked.markers, sourceLocation: location)
            #expect(found.test == test?.markers ?? [], sourceLocation: location)
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesReportNothing(rule: RuleCase) throws {
        let description = rule.description
        for example in description.nonTriggeringExamples {
            let location = SourceLocation(
                fileID: "\(example.file)", filePath: "\(example.file)",
                line: Int(example.line), column: 1)
            let found = try findings(
                of: description.code, in: example.bytes, test: example.test.map { Array($0.utf8) }, example)
            #expect(found.manifest.isEmpty && found.test.isEmpty, sourceLocation: location)
        }
    }

    /// The triggering examples a multi-byte member can be put in front of: single-line examples that open an
    /// object and are marked after the opening brace; a line over the length limit is left out, as its
    /// finding sits at the limit, not at a character.
    static func shiftable(_ rule: RuleCase) -> [Example] {
        rule.description.triggeringExamples.filter { example in
            let marked = MarkedText(example.bytes)
            return marked.bytes.first == UInt8(ascii: "{") && marked.bytes.dropFirst().first == UInt8(ascii: "\"")
                && !marked.bytes.contains(0x0A) && marked.markers.allSatisfy({ $0.column > 1 })
                && marked.bytes.count < LintOptions().maxLineCharacters
        }
    }

    /// The rules with no such example, pinned.
    ///
    /// Whole-file findings, findings at column 1, and CL209 (the member put in front would itself be an
    /// unpaired key). Pinned, so that a rule losing its last such example is seen.
    static let notShiftable: Set = [
        "CL002", "CL003", "CL004", "CL007", "CL009", "CL010", "CL011", "CL012", "CL206", "CL209", "CL308",
        "CL310", "CL401", "CL402", "CL403", "CL404", "CL405", "CL406", "CL407", "CL408", "CL701", "CL702", "CL703",
        "CL704",
    ]

    @Test func theRulesWithoutAShiftableExampleArePinned() {
        let without = Set(Self.rules.filter { Self.shiftable($0).isEmpty }.map(\.description.code))
            .union([UnpairedKey.description.code])
        #expect(without == Self.notShiftable)
    }

    /// Columns count characters, not bytes: a multi-byte member put in front moves markers by characters.
    @Test(arguments: rules.filter { !notShiftable.contains($0.description.code) })
    func markersHoldAfterAMultiByteMember(rule: RuleCase) throws {
        let description = rule.description
        let prefix = Array(#""ü😀": 0, "#.utf8)  // 9 characters, 14 bytes
        let examples = Self.shiftable(rule)
        #expect(!examples.isEmpty, "\(description.code) has no example to shift")
        for example in examples {
            let marked = MarkedText(example.bytes)
            let shifted = [marked.bytes[0]] + prefix + marked.bytes.dropFirst()
            let expected = marked.markers.map { MarkedText.Marker(line: $0.line, column: $0.column + 9) }
            let location = SourceLocation(
                fileID: "\(example.file)", filePath: "\(example.file)",
                line: Int(example.line), column: 1)
            #expect(
                try findings(of: description.code, in: shifted, example).manifest == expected,
                sourceLocation: location)
        }
    }
}

/// Writes the images of a rule example to a new scratch directory.
enum ExampleImages {
    static func write(_ images: [ExampleImage]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for image in images {
            guard let bytes = bytes(of: image.content) else { continue }
            let path = directory + "/" + image.key
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            // A larger file: zeros after the image, as a sparse file.
            if let size = image.size { #expect(truncate(path, off_t(size)) == 0) }
        }
        return directory
    }

    private static func bytes(of content: ExampleImage.Content) -> [UInt8]? {
        switch content {
        case .png(let width, let height): TestImages.png(width: width, height: height)
        case .jpeg(let width, let height, let orientation):
            TestImages.jpeg(width: width, height: height, orientation: orientation)
        case .bytes(let bytes): bytes
        case .prefix(let inner, let count): bytes(of: inner).map { Array($0.prefix(count)) }
        case .missing: nil
        }
    }
}

/// Every condition a rule names has an example that meets it and a near miss that does not, so that a rule
/// that stops checking one of its conditions fails a test, whatever its other examples do.
@Suite struct RuleConditionTests {
    @Test(arguments: RuleExampleTests.rules)
    func everyConditionHasATriggeringExampleAndANearMiss(rule: RuleCase) {
        let description = rule.description
        #expect(!description.conditions.isEmpty, "\(description.code) names no condition")
        #expect(
            Set(description.conditions).count == description.conditions.count,
            "\(description.code): a repeated condition")
        for condition in description.conditions {
            #expect(
                description.triggeringExamples.contains { $0.condition == condition },
                "\(description.code): no triggering example for '\(condition)'")
            #expect(
                description.nonTriggeringExamples.contains { $0.condition == condition },
                "\(description.code): no near miss for '\(condition)'")
        }
        for example in description.triggeringExamples {
            let location = SourceLocation(
                fileID: "\(example.file)", filePath: "\(example.file)", line: Int(example.line), column: 1)
            #expect(example.condition != nil, "a triggering example names its condition", sourceLocation: location)
        }
        for example in description.triggeringExamples + description.nonTriggeringExamples {
            guard let condition = example.condition else { continue }
            let location = SourceLocation(
                fileID: "\(example.file)", filePath: "\(example.file)", line: Int(example.line), column: 1)
            #expect(
                description.conditions.contains(condition), "unknown condition '\(condition)'", sourceLocation: location
            )
        }
    }
}
