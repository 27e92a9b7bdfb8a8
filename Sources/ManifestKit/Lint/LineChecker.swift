/// Checks lines: reading and syntax (the `CL0xx` rules), the schemas, the line rules, and what the lines add
/// to the manifest-wide tally.
///
/// Lines are checked in batches, stage by stage: each stage (parsing, the schemas, then each rule in turn)
/// runs over every line of the batch before the next starts. A line's checks run through more code than the
/// processor's instruction cache holds, so checking line by line would fetch that code again for every line;
/// in batches each piece of code is fetched once per batch. Findings come out exactly as line by line: the
/// stages of one line do not depend on other lines, and everything that does (the tally, verdicts, the
/// findings' order) happens in line order at the end of the batch.
final class LineChecker {
    /// What the lines are and which schemas apply.
    enum Mode {
        /// Manifest lines: each must be an object; the bundled (and user) schemas apply.
        case manifest(ManifestSchemas?)
        /// Any JSON value per line, validated against one schema (`clmanifest validate`).
        case schema(SchemaValidator, SchemaReference)
    }

    /// How many lines a batch holds at most.
    static let batchLines = 32
    /// How many bytes a batch holds before it is checked even when it has fewer lines.
    static let batchBytes = 1 << 20

    private let options: LintOptions
    private let mode: Mode
    private let schemaCheck: LineSchemaCheck?
    // One batch at a time, from one thread: no dynamic exclusivity checks needed.
    @exclusivity(unchecked) private var tally: ManifestTally
    /// One per line of a batch; the unmanaged references let the stages' loops reach a slot without
    /// reference counting (`slots` keeps them alive).
    private let slots: [LineBatchSlot]
    private let unmanagedSlots: [Unmanaged<LineBatchSlot>]
    /// The batch's lines; their bytes are copies in `pendingBytes` (a reader's buffer moves on), so each
    /// record's `bytes` is set from `pendingRanges` when the batch is checked.
    @exclusivity(unchecked) private var pending: [LineRecord] = []
    @exclusivity(unchecked) private var pendingRanges: [Range<Int>] = []
    @exclusivity(unchecked) private var pendingBytes: [UInt8] = []
    /// The batch's manifest objects, which the schemas and rules check.
    @exclusivity(unchecked) private var objects: [Unmanaged<LineBatchSlot>] = []
    /// When set, the manifest-wide rules are not applied here but recorded, to be replayed in line order
    /// by whoever merges this part with the others (parallel lint).
    @exclusivity(unchecked) var record: TallyRecord?

    /// The rules that look at each object line of a manifest.
    private static let lineRules: [any LineRule.Type] = RuleRegistry.all.compactMap { $0 as? any LineRule.Type }
    /// The rules that decide on a line from the other findings.
    private static let verdictRules: [any LineVerdictRule.Type] = RuleRegistry.all.compactMap {
        $0 as? any LineVerdictRule.Type
    }

    init(options: LintOptions, mode: Mode) {
        self.options = options
        self.mode = mode
        self.tally = ManifestTally(options: options)
        slots = (0..<Self.batchLines).map { _ in LineBatchSlot(options: options) }
        unmanagedSlots = slots.map { Unmanaged.passUnretained($0) }
        pendingBytes.reserveCapacity(Self.batchBytes)
        if case .manifest(let schemas?) = mode {
            schemaCheck = LineSchemaCheck(schemas: schemas)
        } else {
            schemaCheck = nil
        }
    }

    /// What the current run has seen.
    var statistics: LintStatistics { tally.statistics }

    /// Forgets the previous file, and any lines of it not yet checked: each manifest is checked on its own.
    func reset() {
        tally = ManifestTally(options: options)
        discardPending()
    }

    /// Sizes the manifest-wide tables for a file of `totalBytes` whose first `afterBytes` have been checked.
    func expect(totalBytes: Int, afterBytes: Int) {
        tally.reserveImages(afterBytes: afterBytes, ofBytes: totalBytes)
    }

    /// The findings about the whole manifest, once all its lines were checked (none for `validate`).
    ///
    /// Call ``flush(file:into:)`` first: the lines still in the batch belong before these findings.
    func finish(file: String) -> [Diagnostic] {
        precondition(pending.isEmpty, "LineChecker.finish(file:) with lines not yet checked")
        guard case .manifest = mode else { return [] }
        return tally.finish().map { $0.rule.diagnostic(file: file, line: nil, column: nil, message: $0.message) }
    }

    /// Takes `line` of `file` into the batch, and checks the batch when it is full.
    ///
    /// A checked batch's findings are appended to `diagnostics`; ``flush(file:into:)`` checks the lines still
    /// waiting.
    func check(_ line: LineRecord, file: String, into diagnostics: inout [Diagnostic]) {
        var copy = line
        copy.bytes = UnsafeBufferPointer(start: nil, count: 0)
        pending.append(copy)
        pendingRanges.append(pendingBytes.count..<(pendingBytes.count + line.bytes.count))
        pendingBytes.append(contentsOf: line.bytes)
        if pending.count == Self.batchLines || pendingBytes.count >= Self.batchBytes {
            flush(file: file, into: &diagnostics)
        }
    }

    /// Checks the lines waiting in the batch and appends their findings to `diagnostics`, in line order.
    func flush(file: String, into diagnostics: inout [Diagnostic]) {
        guard !pending.isEmpty else { return }
        pendingBytes.withUnsafeBufferPointer { bytes in
            for slot in pending.indices {
                pending[slot].bytes = UnsafeBufferPointer(rebasing: bytes[pendingRanges[slot]])
            }
            checkBatch(file: file, into: &diagnostics)
        }
        discardPending()
    }

    private func discardPending() {
        pending.removeAll(keepingCapacity: true)
        pendingRanges.removeAll(keepingCapacity: true)
        pendingBytes.removeAll(keepingCapacity: true)
    }

    /// The stages, each over the whole batch; then each line's findings, in order.
    private func checkBatch(file: String, into diagnostics: inout [Diagnostic]) {
        let count = pending.count
        objects.removeAll(keepingCapacity: true)
        for index in 0..<count {
            let slot = slots[index]
            parse(pending[index], into: slot)
            slot.violations.removeAll(keepingCapacity: true)
            slot.findings.removeAll(keepingCapacity: true)
            if case .manifest = mode, case .document(let document) = slot.parsed, document.root.kind == .object {
                objects.append(unmanagedSlots[index])
            }
        }
        switch mode {
        case .manifest:
            if let schemaCheck {
                for slot in objects {
                    slot._withUnsafeGuaranteedRef { schemaCheck.check($0.model, into: &$0.violations) }
                }
            }
            for rule in Self.lineRules {
                for slot in objects { slot._withUnsafeGuaranteedRef { rule.check($0.model, into: &$0.findings) } }
            }
        case .schema(let validator, let schema):
            for slot in slots.prefix(count) {
                guard case .document(let document) = slot.parsed else { continue }
                validator.validate(document, node: JSONDocument.rootIndex, against: schema, into: &slot.violations)
            }
        }
        for index in 0..<count { finishLine(index, file: file, into: &diagnostics) }
    }

    /// Parses `line` and, for a manifest object, loads its line model.
    private func parse(_ line: LineRecord, into slot: LineBatchSlot) {
        guard !line.isOversized, !Self.isBlank(line.bytes) else {
            slot.parsed = .skipped
            return
        }
        do {
            let document = try slot.parser.parse(line.bytes)
            slot.parsed = .document(document)
            if case .manifest = mode, document.root.kind == .object {
                slot.model.load(document)
                // The duplicate check's slot is fetched while the schemas and rules run.
                if record == nil, let fingerprint = slot.model.sourceRefFingerprint { tally.prefetch(fingerprint) }
            }
        } catch {
            slot.parsed = .failed(error)
        }
    }

    /// Appends the findings of the batch's line `index` to `diagnostics`, and what it adds to the tally.
    private func finishLine(_ index: Int, file: String, into diagnostics: inout [Diagnostic]) {
        let line = pending[index]
        let before = diagnostics.count
        checkLine(index, file: file, into: &diagnostics)
        if options.excerpts, !line.isOversized {
            for added in before..<diagnostics.count {
                guard diagnostics[added].line == line.number, let column = diagnostics[added].column else { continue }
                diagnostics[added].excerpt = Diagnostic.Excerpt(line: line.bytes, column: column)
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

    /// The findings of the batch's line `index`, from the stages' results, in the order line-by-line checking gave.
    private func checkLine(_ index: Int, file: String, into diagnostics: inout [Diagnostic]) {
        let line = pending[index]
        let slot = slots[index]
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
        // The parse stage skips only oversized lines (done above) and blank ones.
        if case .skipped = slot.parsed {
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
        switch slot.parsed {
        case .skipped:
            return  // Blank: reported above.
        case .document(let document):
            let isObject = document.root.kind == .object
            if case .manifest = mode {
                if isObject {
                    let manifestLine = slot.model
                    if !slot.findings.isEmpty || !slot.violations.isEmpty {
                        let errors = lineErrors(slot.findings, slot.violations)
                        if !errors.isEmpty {
                            for rule in Self.verdictRules {
                                rule.check(manifestLine, errors: errors, into: &slot.findings)
                            }
                        }
                    }
                    if let record {
                        record.observe(manifestLine, number: line.number) { column(bytes, $0) }
                    } else {
                        tally.observe(manifestLine, number: line.number, into: &slot.findings)
                    }
                } else {
                    diagnostics.append(
                        JSONLineNotObject.description.diagnostic(
                            file: file, line: line.number, column: column(bytes, Int(document.root.start)),
                            message: "line is a JSON \(Self.kindName(document.root.kind)), not an object"))
                }
            }
            let violations = slot.violations
            let findings = slot.findings
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
        case .failed(let error):
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

    /// Where a line's error findings and schema violations so far are.
    private func lineErrors(_ findings: [LineFinding], _ violations: [SchemaViolation]) -> LineErrors {
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
            message: "line is \(Count.phrase(characters, "character")) long, over the service's limit of "
                + "\(Count.grouped(options.maxLineCharacters))\(detail)")
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
