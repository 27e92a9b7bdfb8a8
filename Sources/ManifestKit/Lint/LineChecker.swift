/// Checks one line at a time: reading and syntax (the `CL0xx` rules), then the schemas.
final class LineChecker {
    /// What the lines are and which schemas apply.
    enum Mode {
        /// Manifest lines: each must be an object; the bundled (and user) schemas apply.
        case manifest(ManifestSchemas?)
        /// Any JSON value per line, validated against one schema (`clmanifest validate`).
        case schema(SchemaValidator, SchemaReference)
    }

    private let options: LintOptions
    private let parser: JSONParser
    private let mode: Mode
    private let schemaCheck: LineSchemaCheck?
    // One line at a time, from one thread: no dynamic exclusivity checks needed.
    @exclusivity(unchecked) private var violations: [SchemaViolation] = []
    @exclusivity(unchecked) private var findings: [LineFinding] = []
    @exclusivity(unchecked) private var tally: ManifestTally
    private let manifestLine: ManifestLine
    /// When set, the manifest-wide rules are not applied here but recorded, to be replayed in line order
    /// by whoever merges this part with the others (parallel lint).
    var record: TallyRecord?

    /// The rules that look at each object line of a manifest.
    private static let lineRules: [any LineRule.Type] = RuleRegistry.all.compactMap { $0 as? any LineRule.Type }
    /// The rules that decide on a line from the other findings.
    private static let verdictRules: [any LineVerdictRule.Type] = RuleRegistry.all.compactMap {
        $0 as? any LineVerdictRule.Type
    }

    init(options: LintOptions, mode: Mode) {
        self.options = options
        self.parser = JSONParser(maxDepth: options.maxDepth)
        self.mode = mode
        self.tally = ManifestTally(options: options)
        self.manifestLine = ManifestLine(options: options)
        if case .manifest(let schemas?) = mode {
            schemaCheck = LineSchemaCheck(schemas: schemas)
        } else {
            schemaCheck = nil
        }
    }

    /// What the current run has seen.
    var statistics: LintStatistics { tally.statistics }

    /// Forgets the previous file: each manifest is checked on its own.
    func reset() {
        tally = ManifestTally(options: options)
    }

    /// Sizes the manifest-wide tables for a file of `totalBytes` whose first `afterBytes` have been checked.
    func expect(totalBytes: Int, afterBytes: Int) {
        tally.reserveImages(afterBytes: afterBytes, ofBytes: totalBytes)
    }

    /// The findings about the whole manifest, once all its lines were checked (none for `validate`).
    func finish(file: String) -> [Diagnostic] {
        guard case .manifest = mode else { return [] }
        return tally.finish().map { $0.rule.diagnostic(file: file, line: nil, column: nil, message: $0.message) }
    }

    /// Appends the findings for `line` of `file` to `diagnostics`.
    func check(_ line: LineRecord, file: String, into diagnostics: inout [Diagnostic]) {
        let before = diagnostics.count
        checkLine(line, file: file, into: &diagnostics)
        if options.excerpts, !line.isOversized {
            for index in before..<diagnostics.count {
                guard diagnostics[index].line == line.number, let column = diagnostics[index].column else { continue }
                diagnostics[index].excerpt = Diagnostic.Excerpt(line: line.bytes, column: column)
            }
        }
        if case .manifest = mode, diagnostics.count > before {
            let added = diagnostics[before...]
            let errors = added.contains(where: TooManyInvalidLines.makesLineInvalid)
            let warnings = added.contains { $0.severity == .warning }
            if let record {
                record.recordVerdict(errors: errors, warnings: warnings)
            } else {
                tally.recordVerdict(errors: errors, warnings: warnings)
            }
        }
    }

    private func checkLine(_ line: LineRecord, file: String, into diagnostics: inout [Diagnostic]) {
        if line.hasByteOrderMark {
            diagnostics.append(
                ByteOrderMark.description.diagnostic(
                    file: file, line: line.number, column: 1,
                    message: "file starts with a UTF-8 byte order mark (EF BB BF)"))
        }
        // Every line counts toward the limits, the oversized too.
        if case .manifest = mode {
            if let record {
                record.count(number: line.number, offset: line.offset, bytes: line.byteCount)
            } else if let (rule, message) = tally.count(lineBytes: line.byteCount) {
                diagnostics.append(rule.diagnostic(file: file, line: line.number, column: 1, message: message))
            }
        }
        if line.isOversized {
            diagnostics.append(
                tooLong(
                    line, characters: line.oversizedScalarCount, file: file,
                    detail: "; it was too long to read further"))
            return
        }
        let bytes = line.bytes
        if Self.isBlank(bytes) {
            diagnostics.append(
                BlankLine.description.diagnostic(
                    file: file, line: line.number, column: 1,
                    message: bytes.isEmpty ? "blank line" : "line holds only whitespace"))
            return
        }
        var lengthFinding: Diagnostic?
        if bytes.count > options.maxLineCharacters {
            let characters = UTF8Validation.scalarCount(bytes, upTo: bytes.count)
            if characters > options.maxLineCharacters {
                lengthFinding = tooLong(line, characters: characters, file: file, detail: "")
            }
        }
        let sourceRef: String?
        do {
            let document = try parser.parse(bytes)
            let isObject = document.root.kind == .object
            violations.removeAll(keepingCapacity: true)
            findings.removeAll(keepingCapacity: true)
            switch mode {
            case .manifest:
                if isObject {
                    manifestLine.load(document)
                    // The duplicate check's slot is fetched while the schemas and rules run.
                    if record == nil, let fingerprint = manifestLine.sourceRefFingerprint {
                        tally.prefetch(fingerprint)
                    }
                    schemaCheck?.check(manifestLine, into: &violations)
                    for rule in Self.lineRules { rule.check(manifestLine, into: &findings) }
                    if !findings.isEmpty || !violations.isEmpty {
                        let errors = lineErrors()
                        if !errors.isEmpty {
                            for rule in Self.verdictRules { rule.check(manifestLine, errors: errors, into: &findings) }
                        }
                    }
                    if let record {
                        record.observe(manifestLine, number: line.number) { column(bytes, $0) }
                    } else {
                        tally.observe(manifestLine, number: line.number, into: &findings)
                    }
                } else {
                    diagnostics.append(
                        JSONLineNotObject.description.diagnostic(
                            file: file, line: line.number, column: column(bytes, Int(document.root.start)),
                            message: "line is a JSON \(Self.kindName(document.root.kind)), not an object"))
                }
            case .schema(let validator, let schema):
                validator.validate(document, node: JSONDocument.rootIndex, against: schema, into: &violations)
            }
            let hasFindings = !document.duplicateKeys.isEmpty || !violations.isEmpty || !findings.isEmpty
            // Most lines have nothing to report.
            guard hasFindings || lengthFinding != nil else { return }
            // Looked up only when the line has a finding to carry it.
            sourceRef =
                isObject
                ? document.member("source-ref", in: JSONDocument.rootIndex).flatMap(document.stringValue(at:)) : nil
            var locator = JSONLocator(document)
            var budget = LineFindingBudget()
            for duplicate in document.duplicateKeys where budget.admit(DuplicateKeyRule.description) {
                let key = document.string(at: duplicate.duplicate)
                let firstColumn = locator.column(Int(document[duplicate.first].start))
                diagnostics.append(
                    DuplicateKeyRule.description.diagnostic(
                        file: file, line: line.number, column: locator.column(Int(document[duplicate.duplicate].start)),
                        message: "key '\(key)' repeats the key at column \(firstColumn) of the same object",
                        pointer: locator.pointer(to: duplicate.duplicate), sourceRef: sourceRef))
            }
            for finding in findings where budget.admit(finding.rule) {
                let pointer = locator.pointer(to: finding.node)
                var diagnostic = finding.rule.diagnostic(
                    file: file, line: line.number, column: locator.column(Int(document[finding.node].start)),
                    message: finding.message, pointer: pointer.isEmpty ? nil : pointer, sourceRef: sourceRef)
                if let severity = finding.severity { diagnostic.severity = severity }
                diagnostics.append(diagnostic)
            }
            for violation in violations where budget.admit(rule(for: violation)) {
                diagnostics.append(
                    diagnostic(for: violation, &locator, line: line.number, file: file, sourceRef: sourceRef))
            }
            diagnostics += budget.summaries(file: file, line: line.number, sourceRef: sourceRef)
        } catch {
            let rule: RuleDescription
            switch error.category {
            case .syntax: rule = InvalidJSON.description
            case .invalidUTF8: rule = InvalidUTF8.description
            case .nulByte: rule = NULByte.description
            case .nestingTooDeep: rule = NestingTooDeep.description
            }
            diagnostics.append(
                rule.diagnostic(
                    file: file, line: line.number, column: column(bytes, error.offset),
                    message: error.message))
            sourceRef = nil
        }
        if var finding = lengthFinding {
            finding.sourceRef = sourceRef
            diagnostics.append(finding)
        }
    }

    /// Where this line's error findings and schema violations so far are.
    private func lineErrors() -> LineErrors {
        let errorFindings = findings.filter { ($0.severity ?? $0.rule.severity) == .error }
        // Violations of the bundled schemas make an attribute unusable; user schemas say nothing about that.
        let violationNodes = violations.filter { $0.severity == .error && $0.serviceCode != nil }.map(\.node)
        return LineErrors(
            attributeLevel: (errorFindings.filter { LineErrors.attributeRules.contains($0.rule.code) }.map(\.node)
                + violationNodes).sorted(),
            boxLevel: errorFindings.filter { LineErrors.boxRules.contains($0.rule.code) }.map(\.node).sorted())
    }

    /// The rule that reports a schema violation: by its service code for the bundled schemas, CL501 otherwise.
    private func rule(for violation: SchemaViolation) -> RuleDescription {
        switch mode {
        case .manifest: SchemaRules.rule(for: violation.serviceCode)
        case .schema: SchemaViolationRule.description
        }
    }

    private func diagnostic(
        for violation: SchemaViolation, _ locator: inout JSONLocator, line: Int, file: String, sourceRef: String?
    ) -> Diagnostic {
        let document = locator.document
        let rule = rule(for: violation)
        let pointer = locator.pointer(to: violation.node)
        var finding = rule.diagnostic(
            file: file, line: line, column: locator.column(Int(document[violation.node].start)),
            message: pointer.isEmpty ? violation.message : "\(pointer): \(violation.message)", pointer: pointer,
            sourceRef: sourceRef)
        finding.serviceCode = violation.serviceCode
        finding.severity = violation.severity
        return finding
    }

    private func tooLong(_ line: LineRecord, characters: Int, file: String, detail: String) -> Diagnostic {
        LineTooLong.description.diagnostic(
            file: file, line: line.number, column: options.maxLineCharacters + 1,
            message: "line is \(characters) characters long, over the service's limit of "
                + "\(options.maxLineCharacters)\(detail)")
    }

    /// The 1-based column, in Unicode scalar values, of byte `offset`.
    private func column(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        UTF8Validation.scalarCount(bytes, upTo: offset) + 1
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }

    private static func kindName(_ kind: JSONNode.Kind) -> String {
        switch kind {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .number: "number"
        case .true, .false: "boolean"
        case .null: "null"
        }
    }
}
