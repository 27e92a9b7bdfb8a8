import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Every `--format` on the samples, several formats in one run, and what the exit status says.
@Suite struct FormatTests {
    static let formats = ["text", "full", "json", "jsonl", "sarif", "github", "junit"]

    @Test(arguments: formats)
    func everyFormatMatchesItsSnapshot(format: String) throws {
        let result = try CommandRunner.run(["lint", "--format", format, "samples/typical-mistakes.manifest"])
        #expect(result.status == 1)
        let suffix = ["text": "txt", "full": "full.txt"][format] ?? format
        try assertSnapshot(result.standardOutput, named: "typical-mistakes.\(suffix)")
        let human = format == "text" || format == "full"
        #expect(result.standardError.isEmpty == !human, "a summary goes to standard error for people only")
    }

    @Test(arguments: formats)
    func aCleanSampleGivesAnEmptyReport(format: String) throws {
        let result = try CommandRunner.run(["lint", "--format", format, "samples/mixed.manifest"])
        #expect(result.status == 0)
        switch format {
        case "json": #expect(result.standardOutput == "[]\n")
        case "sarif": #expect(result.standardOutput.contains("\"results\": []"))
        case "junit":
            // A clean file is one passing test case, so CI shows that it was checked.
            #expect(result.standardOutput.contains("<testsuites name=\"clmanifest\" tests=\"1\" failures=\"0\""))
            #expect(
                result.standardOutput.contains("<testcase name=\"no findings\" classname=\"samples/mixed.manifest\"/>"))
        default: #expect(result.standardOutput.isEmpty)
        }
    }

    @Test func severalFormatsAtOnceAndOutputFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sarif = directory.appendingPathComponent("out.sarif").path
        let jsonl = directory.appendingPathComponent("out.jsonl").path
        let twoToStandardOutput = try CommandRunner.run([
            "lint", "--format", "text", "--format", "jsonl", "samples/typical-mistakes.manifest",
        ])
        #expect(twoToStandardOutput.status == 2 && twoToStandardOutput.standardError.contains("standard output"))
        let twoToOneFile = try CommandRunner.run([
            "lint", "--format", "text", "--format", "jsonl", "--output", jsonl, "samples/typical-mistakes.manifest",
        ])
        #expect(twoToOneFile.status == 2 && twoToOneFile.standardError.contains("two formats would be written"))
        let ok = try CommandRunner.run([
            "lint", "--format", "text", "--format", "sarif:\(sarif)", "samples/typical-mistakes.manifest",
        ])
        #expect(ok.status == 1 && ok.standardOutput.contains("[CL303]"))
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"ruleId\": \"CL303\""))
        let toFile = try CommandRunner.run(["lint", "--format", "jsonl", "--output", jsonl, "samples/mixed.manifest"])
        #expect(toFile.status == 0 && toFile.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8).isEmpty)
        let unwritable = try CommandRunner.run(["lint", "--output", "/no/such/dir/x", "samples/mixed.manifest"])
        #expect(unwritable.status == 2 && unwritable.standardError.contains("cannot write '/no/such/dir/x'"))
    }

    @Test func exitStatusFollowsStrictAndExitZero() throws {
        let warningsOnly = Array("{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":1,\"a\":2}\n".utf8)
        #expect(try CommandRunner.run(["lint", "-"], input: warningsOnly).status == 0)
        #expect(try CommandRunner.run(["lint", "--strict", "-"], input: warningsOnly).status == 1)
        let errors = try CommandRunner.run(["lint", "--exit-zero", "samples/typical-mistakes.manifest"])
        #expect(errors.status == 0 && !errors.standardOutput.isEmpty)
        #expect(try CommandRunner.run(["lint", "--exit-zero", "--strict", "-"], input: warningsOnly).status == 2)
    }

    @Test func statisticsCountFindingsPerRule() throws {
        let result = try CommandRunner.run(["lint", "--statistics", "samples/typical-mistakes.manifest"])
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("6  CL001  invalid-json\n5  CL206  no-valid-label-attributes\n"))
    }

    /// The SARIF report validates against the SARIF 2.1.0 schema, with clmanifest's own validator.
    @Test(
        .enabled(
            if: SharedDirectory.isCI || SharedDirectory.existing("conformance/sarif") != nil,
            "skipped: ../shared/conformance/sarif is absent"))
    func sarifValidatesAgainstTheSchema() throws {
        let schemaURL = try #require(SharedDirectory.existing("conformance/sarif/sarif-schema-2.1.0.json"))
        let text = try String(contentsOf: schemaURL, encoding: .utf8)
        let schema = try SchemaCompiler(
            documents: [("sarif.json", try SchemaDocumentReader.read(text, name: "sarif.json"))]
        ).compile()
        let entry = try #require(schema.entry("sarif.json"))
        for sample in ["samples/typical-mistakes.manifest", "samples/mixed.manifest", "samples/no-such.manifest"] {
            let report = try CommandRunner.run(["lint", "--format", "sarif", sample]).standardOutput
            // A file that could not be opened: the run did not succeed, and a notification says why.
            #expect(
                report.contains("\"executionSuccessful\": false") == sample.hasSuffix("no-such.manifest"), "\(sample)")
            if sample.hasSuffix("no-such.manifest") {
                #expect(
                    report.contains(
                        "\"toolExecutionNotifications\": [{\"level\": \"error\", \"message\": {\"text\": \"cannot open 'samples/no-such.manifest': no such file or directory\"}"
                    ))
            }
            // One JSON document on one line, validated as a one-line JSON Lines file.
            let line = Array(report.filter { $0 != "\n" }.utf8)
            let diagnostics = ManifestLinter(validating: schema, entry: entry).lint(bytes: line, name: "report")
            #expect(diagnostics.isEmpty, "\(sample): \(diagnostics.map(\.message))")
        }
    }
}

/// GitHub workflow commands escape as @actions/core does.
@Suite struct GitHubEscapingTests {
    @Test func dataAndPropertiesAreEscaped() {
        let diagnostic = Diagnostic(
            file: "dir,a:b%.manifest", line: 3, column: 7, code: "CL001", name: "invalid-json",
            serviceCode: nil, severity: .warning, message: "50% done\r\nnext: a, b", help: nil)
        let text = GitHubReporter().render([diagnostic])
        #expect(
            text
                == "::warning file=dir%2Ca%3Ab%25.manifest,line=3,col=7,title=CL001 invalid-json::"
                + "50%25 done%0D%0Anext: a, b\n")
    }

    @Test func overflowIsCounted() {
        let errors = (1...12).map {
            Diagnostic(
                file: "m", line: $0, column: 1, code: "CL001", name: "invalid-json", serviceCode: nil,
                severity: .error, message: "bad")
        }
        let notice = Diagnostic(
            file: "m", line: nil, column: nil, code: "CL999", name: "x", serviceCode: nil, severity: .info,
            message: "note")
        let text = GitHubReporter().render(errors + [notice])
        #expect(
            text.hasSuffix(
                "clmanifest: 2 of 13 findings are beyond GitHub's limit of 10 annotations of each "
                    + "kind a step and are not annotated; the log above and `--format text` or `sarif` have them all\n")
        )
        #expect(text.contains("::notice file=m,title=CL999 x::note\n"))
    }
}

/// Everyday options: naming standard input, colour, choosing rules, and files that are not JSON Lines.
@Suite struct EverydayOptionTests {
    private let warningLine = Array("{\"source-ref\":\"s3://bucket/a.jpg\",\"a\":1,\"a\":2}\n".utf8)

    @Test func standardInputCanBeNamed() throws {
        let result = try CommandRunner.run(["lint", "--stdin-filename", "train.manifest", "-"], input: warningLine)
        #expect(result.standardOutput.hasPrefix("train.manifest:1:"))
        #expect(result.standardError.contains("train.manifest: 1 line"))
    }

    @Test func colourIsOnlyWhereAskedFor() throws {
        let always = try CommandRunner.run(["lint", "--color", "always", "-"], input: warningLine)
        #expect(always.standardOutput.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
        let never = try CommandRunner.run(["lint", "--color", "never", "-"], input: warningLine)
        #expect(!never.standardOutput.contains("\u{1B}["))
        let piped = try CommandRunner.run(["lint", "-"], input: warningLine)
        #expect(!piped.standardOutput.contains("\u{1B}["), "auto: not a terminal, no colour")
        let forced = try CommandRunner.run(
            ["lint", "-"], input: warningLine, environment: ["FORCE_COLOR": "1"])
        #expect(forced.standardOutput.contains("\u{1B}["))
        let machine = try CommandRunner.run(
            ["lint", "--color", "always", "--format", "jsonl", "-"], input: warningLine)
        #expect(!machine.standardOutput.contains("\u{1B}["))
    }

    @Test func selectAndIgnoreChooseRulesByPrefix() throws {
        let all = try CommandRunner.run(["lint", "--format", "jsonl", "samples/typical-mistakes.manifest"])
        let selected = try CommandRunner.run([
            "lint", "--format", "jsonl", "--select", "CL3,CL1", "--ignore", "CL304",
            "samples/typical-mistakes.manifest",
        ])
        let codes = try selected.standardOutput.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["code"] as? String ?? ""
        }
        #expect(Set(codes) == ["CL102", "CL301", "CL302", "CL303"])
        #expect(all.standardOutput.count > selected.standardOutput.count)
        let onlyWarnings = try CommandRunner.run(["lint", "--select", "CL008", "samples/typical-mistakes.manifest"])
        #expect(onlyWarnings.status == 0, "ignored errors do not fail the run")
        let bad = try CommandRunner.run(["lint", "--select", "E501", "samples/mixed.manifest"])
        #expect(bad.status == 2 && bad.standardError.contains("'E501' is not a rule code, prefix or name"))
    }

    @Test func anXMLManifestIsNotedAndSkipped() throws {
        let xml = Array("<?xml version=\"1.0\"?>\n<assembly manifestVersion=\"1.0\">\n</assembly>\n".utf8)
        let result = try CommandRunner.run(["lint", "--stdin-filename", "app.manifest", "-"], input: xml)
        #expect(result.status == 0)
        #expect(
            result.standardOutput
                == "app.manifest:1:1: info: [CL010] the file is XML, not JSON Lines: skipped\n")
        #expect(result.standardError.hasSuffix("app.manifest: not JSON Lines; its lines were not checked\n"))
    }
}

/// Progress on standard error: only on a terminal (forced here by CLMANIFEST_PROGRESS=always).
@Suite struct ProgressTests {
    @Test func progressIsShownOnlyWhenAskedAndCleared() throws {
        let lines = (0..<70_000).map { #"{"source-ref": "s3://bucket/\#($0).jpg"}"# }.joined(separator: "\n")
        let input = Array(lines.utf8)
        let piped = try CommandRunner.run(["lint", "--statistics", "-"], input: input)
        #expect(!piped.standardError.contains("\r"), "not a terminal: no progress")
        let forced = try CommandRunner.run(
            ["lint", "--statistics", "-"], input: input, environment: ["CLMANIFEST_PROGRESS": "always"])
        #expect(forced.standardError.hasPrefix("\r\u{1B}[K-: 65,536 lines, 2 MiB, "))
        #expect(forced.standardError.contains("MiB/s\r\u{1B}[KFound 0 errors, 70,000 warnings in 1 file."))
        // A file's size is known: the total and a percentage.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("many.manifest").path
        try Data(input).write(to: URL(fileURLWithPath: file))
        let sized = try CommandRunner.run(
            ["lint", "--statistics", "--jobs", "1", file], environment: ["CLMANIFEST_PROGRESS": "always"])
        #expect(sized.standardError.contains(": 65,536 lines, 2 of 3 MiB ("), "\(sized.standardError)")
        #expect(sized.standardError.contains("%), "))
    }
}

/// `--summary`: the dataset after the report.
@Suite struct DatasetSummaryTests {
    @Test func summaryDescribesTheDataset() throws {
        let result = try CommandRunner.run(["lint", "--summary", "samples/mixed.manifest"])
        #expect(result.status == 0)
        #expect(
            result.standardError.hasSuffix(
                """
                  size: 4,769 bytes
                  boxes per image with boxes: 1.3 on average, at most 2 (6 images with boxes)
                  images per label:
                    8  roe-deer
                    4  red-fox
                    1  badger
                    1  empty-frame

                """))
    }
}

/// JUnit's failures follow the exit code; the summary and the statistics say what was reported.
@Suite struct ReportConsistencyTests {
    static let warningsOnly = Array(#"{"source-ref":"s3://bucket/a.jpg","a":1,"a":2}"#.utf8 + [0x0A])

    @Test func junitWarningsFailOnlyUnderStrict() throws {
        let plain = try CommandRunner.run(["lint", "--isolated", "--format", "junit", "-"], input: Self.warningsOnly)
        #expect(plain.status == 0)
        #expect(
            plain.standardOutput.contains("<testsuites name=\"clmanifest\" tests=\"3\" failures=\"0\" errors=\"0\">"))
        #expect(plain.standardOutput.contains("<system-out>warning: key 'a' repeats"))
        let strict = try CommandRunner.run(
            ["lint", "--isolated", "--strict", "--format", "junit", "-"], input: Self.warningsOnly)
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("failures=\"3\""))
        // A file that cannot be read is an erroring test case, beside the files that were checked.
        let missing = try CommandRunner.run(
            ["lint", "--format", "junit", "samples/mixed.manifest", "samples/no-such.manifest"])
        #expect(missing.status == 2)
        #expect(missing.standardOutput.contains("tests=\"2\" failures=\"0\" errors=\"1\""))
        #expect(
            missing.standardOutput.contains(
                "<error message=\"cannot open 'samples/no-such.manifest': no such file or directory\""))
    }

    @Test func theSummarySaysWhatWasLeftOut() throws {
        let selected = try CommandRunner.run([
            "lint", "--isolated", "--select", "CL3", "samples/typical-mistakes.manifest",
        ])
        #expect(selected.standardError.hasPrefix("Found 4 errors, 0 warnings in 1 file with the selected rules."))
        #expect(selected.standardError.contains("with errors of the selected rules"))
        let nothing = try CommandRunner.run([
            "lint", "--isolated", "--select", "CL6", "samples/typical-mistakes.manifest",
        ])
        #expect(nothing.standardError.hasPrefix("No problems found in 1 file with the selected rules."))
        // The rules that did not run count nothing: no line has an error of the selected ones.
        #expect(nothing.standardError.contains(": 22 lines; 0 with errors of the selected rules"))
        // By name, as explain takes them.
        let named = try CommandRunner.run([
            "lint", "--isolated", "--select", "invalid-json", "samples/typical-mistakes.manifest",
        ])
        #expect(Set(named.standardOutput.split(separator: "\n").map { $0.contains("[CL001]") }) == [true])
    }

    @Test func statisticsInAMachineFormatAreJSON() throws {
        let json = try CommandRunner.run([
            "lint", "--isolated", "--statistics", "--format", "json", "samples/typical-mistakes.manifest",
        ])
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.first?["code"] as? String == "CL001" && rows.first?["count"] as? Int == 6)
        #expect(rows.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 29)
        let jsonl = try CommandRunner.run([
            "lint", "--isolated", "--statistics", "--format", "jsonl", "samples/typical-mistakes.manifest",
        ])
        let lines = jsonl.standardOutput.split(separator: "\n")
        #expect(lines.count == rows.count)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
    }
}
