import ManifestKit
import Testing

/// Reading `.clmanifest.yml`: every key, and every error with the key's line and column.
@Suite struct ConfigurationTests {
    @Test func everyKeyIsRead() throws {
        let text = """
            # comment
            version: 1
            select: [cl1, CL3]
            extend-select: [CL401]
            ignore: [CL311]
            severity: {CL209: error, CL303: info}
            per-file-ignores:
              "legacy/*.manifest": [CL209]
            schemas: [extra.yaml, /abs/other.yaml]
            service-precedence: true
            limits: {max-line-characters: 5000, max-rows: 10, max-bytes: 2000, max-batch-bytes: 1000}
            """
        let configuration = try Configuration.parse(text, file: "project/.clmanifest.yml")
        #expect(configuration.select == ["CL1", "CL3"])
        #expect(configuration.extendSelect == ["CL401"])
        #expect(configuration.ignore == ["CL311"])
        #expect(configuration.severities == ["CL209": .error, "CL303": .info])
        #expect(configuration.perFileIgnores.map(\.pattern) == ["project/legacy/*.manifest"])
        #expect(configuration.schemas == ["project/extra.yaml", "/abs/other.yaml"])
        #expect(configuration.servicePrecedence)
        #expect(configuration.options.maxLineCharacters == 5000 && configuration.options.maxRows == 10)
        #expect(configuration.options.maxBytes == 2000 && configuration.maxBatchBytes == 1000)
    }

    @Test func ruleSettingsAreRead() throws {
        let configuration = try Configuration.parse(
            "rules:\n  too-many-bounding-boxes: {max-boxes: 30}\n  CL210: {labels: [dog, cat]}\n", file: "c.yml")
        #expect(configuration.options.maxBoxesPerImage == 30)
        #expect(configuration.options.allowedLabels == ["dog", "cat"])
        let diff = try Configuration.parse("diff: {ignore-fields: ['*-metadata.creation-date']}\n", file: "c.yml")
        #expect(diff.diffIgnoredFields.map(\.description) == ["*-metadata.creation-date"])
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        let configuration = try Configuration.parse("# nothing yet\n", file: ".clmanifest.yml")
        #expect(configuration.select.isEmpty && configuration.ignore.isEmpty && configuration.schemas.isEmpty)
    }

    @Test(arguments: [
        (
            "selct: [CL1]",
            "configuration c.yml:1:1: unknown key 'selct'; did you mean 'select'? (known: version, select, extend-select, ignore, severity, "
                + "per-file-ignores, schemas, service-precedence, limits"
        ),
        ("version: 2", "configuration c.yml:1:1: version must be 1"),
        ("version: one", "configuration c.yml:1:1: 'version' must be an integer, not a string"),
        ("select: CL1", "configuration c.yml:1:1: 'select' must be a list of strings, not a string"),
        ("ignore: [1]", "configuration c.yml:1:1: 'ignore' must be a list of strings, not a list"),
        (
            "select: [E501]",
            "configuration c.yml:1:1: in 'select': 'E501' is not a rule code, prefix or name (such as CL3, CL401 or invalid-json)"
        ),
        ("severity: [CL1]", "configuration c.yml:1:1: 'severity' must be a mapping, not a list"),
        ("severity:\n  CL303: fatal", "configuration c.yml:2:3: the severity of CL303 must be error, warning or info"),
        ("severity:\n  X1: error", "configuration c.yml:2:3: in 'X1': 'X1' is not a rule code, prefix or name"),
        ("per-file-ignores: {a: CL1}", "configuration c.yml:1:20: 'a' must be a list of strings, not a string"),
        (
            "service-precedence: yes",
            "configuration c.yml:1:1: 'service-precedence' must be true or false, not a string"
        ),
        ("limits: {max-rows: x}", "configuration c.yml:1:10: 'max-rows' must be an integer, not a string"),
        ("limits: {max-rows: 0}", "configuration c.yml:1:10: max-rows must be a positive integer"),
        (
            "limits: {rows: 3}",
            "configuration c.yml:1:10: unknown limit 'rows' (known: max-line-characters, max-rows, max-bytes, "
                + "max-batch-bytes)"
        ),
        ("rules: {CL999: {x: 1}}", "configuration c.yml:1:9: 'CL999' under 'rules' is not a rule code or name"),
        ("rules: {CL305: {max-boxes: 60}}", "configuration c.yml:1:17: max-boxes must be 1 to 50, the service's limit"),
        (
            "rules: {CL303: {max: 1}}",
            "configuration c.yml:1:17: CL303 has no settings; rules with settings: CL305 (max-boxes), CL210 (labels)"
        ),
        ("diff: {ignore: [x]}", "configuration c.yml:1:8: unknown diff setting 'ignore' (known: ignore-fields)"),
        (
            "diff: {ignore-fields: x}",
            "configuration c.yml:1:8: 'ignore-fields' must be a list of strings, not a string"
        ),
        ("[1, 2]", "configuration c.yml: the configuration must be a mapping of keys to values"),
        ("a: [", "configuration c.yml: not valid YAML"),
        (
            "rules: {CL305: {max-box: 3}}",
            "configuration c.yml:1:17: unknown CL305 setting 'max-box'; did you mean 'max-boxes'?"
        ),
        ("limits: {max-row: 3}", "configuration c.yml:1:10: unknown limit 'max-row'; did you mean 'max-rows'?"),
        (
            "select: [invalid-jsn]",
            "configuration c.yml:1:1: in 'select': 'invalid-jsn' is not a rule code, prefix or name (such as CL3, CL401 or invalid-json); did you mean 'invalid-json'?"
        ),
    ])
    func errorsNameTheKeyAndItsPlace(text: String, message: String) {
        do {
            _ = try Configuration.parse(text, file: "c.yml")
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func selectionSeverityAndPerFileIgnoresApply() throws {
        let configuration = try Configuration.parse(
            "select: [CL3]\nextend-select: [CL401]\nignore: [CL304]\nseverity: {CL303: warning}\n"
                + "per-file-ignores: {'*/old.manifest': [CL302]}\n",
            file: "c.yml")
        let codes = ["CL102", "CL302", "CL303", "CL304", "CL401"]
        let old = configuration.selection(for: "x/old.manifest")
        #expect(codes.filter(old.isEnabled) == ["CL303", "CL401"])
        #expect(old.severity(for: "CL303") == .warning)
        #expect(old.severity(for: "CL401") == nil)
        #expect(old.isPartial)
        let elsewhere = configuration.selection(for: "x/new.manifest")
        #expect(codes.filter(elsewhere.isEnabled) == ["CL302", "CL303", "CL401"])
        let commandLine = configuration.selection(for: "x/new.manifest", select: ["CL1"])
        #expect(
            codes.filter(commandLine.isEnabled) == ["CL102"], "--select replaces the file's select and extend-select")
        #expect(!Configuration().selection(for: "x/new.manifest").isPartial)
    }
}
