/// Checks lines with the rules of a ``RuleSet``: the record rules (reading and syntax), the schemas, the
/// line rules and the verdict rules; and hands each line's facts to a part of the ``ManifestIndex``.
///
/// Lines are checked in batches, stage by stage: each stage (parsing, the schemas, then each line rule in
/// turn) runs over every line of the batch before the next starts. A line's checks run through more code
/// than the processor's instruction cache holds, so checking line by line would fetch that code again for
/// every line; in batches each piece of code is fetched once per batch. Findings come out exactly as line by
/// line: the stages of one line do not depend on other lines, and everything that does (the index, the
/// verdicts, the findings' order) happens in line order at the end of the batch.
final class LineChecker {
    /// How many lines a batch holds at most.
    static let batchLines = 32
    /// How many bytes a batch holds before it is checked even when it has fewer lines.
    static let batchBytes = 1 << 20

    private let options: LintOptions
    private let rules: RuleSet
    /// The schemas, when one of the rules that report their violations is enabled.
    private let schema: (any LineSchema)?
    /// Whether some of those rules are not, so that their violations are dropped.
    private let dropsViolations: Bool
    /// One per line of a batch; the unmanaged references let the stages' loops reach a slot without
    /// reference counting (`slots` keeps them alive).
    private let slots: [LineBatchSlot]
    private let unmanagedSlots: [Unmanaged<LineBatchSlot>]
    // One batch at a time, from one thread: no dynamic exclusivity checks needed.
    /// The batch's lines; their bytes are copies in `pendingBytes` (a reader's buffer moves on), so each
    /// record's `bytes` is set from `pendingRanges` when the batch is checked.
    @exclusivity(unchecked) private var pending: [LineRecord] = []
    @exclusivity(unchecked) private var pendingRanges: [Range<Int>] = []
    @exclusivity(unchecked) private var pendingBytes: [UInt8] = []
    /// The batch's lines that the schemas and line rules check: manifest objects, or for `validate` every
    /// parsed line.
    @exclusivity(unchecked) private var checked: [Unmanaged<LineBatchSlot>] = []
    /// The record rules' findings, a buffer reused from line to line.
    @exclusivity(unchecked) private var recordFindings: [RecordFinding] = []
    /// Where the lines' facts go.
    @exclusivity(unchecked) private var part: ManifestIndex.Part?
    /// The index the part is merged into after every batch, when one thread reads the whole file.
    @exclusivity(unchecked) private var index: ManifestIndex?

    /// A checker with the rules of `rules` and the schemas `schema`.
    init(options: LintOptions, rules: RuleSet, schema: (any LineSchema)?) {
        self.options = options
        self.rules = rules
        let schemaRules = schema?.rules ?? []
        self.schema = schemaRules.contains(where: rules.isEnabled) ? schema : nil
        dropsViolations = !schemaRules.allSatisfy(rules.isEnabled)
        slots = (0..<Self.batchLines).map { _ in LineBatchSlot(options: options) }
        unmanagedSlots = slots.map { Unmanaged.passUnretained($0) }
        pendingBytes.reserveCapacity(Self.batchBytes)
    }

    /// Starts a file, or a part of one: the lines' facts go to `part`; when `index` is given, the part is
    /// merged into it after every batch (one thread reading the whole file), else whoever made the part
    /// merges it once its lines are checked.
    func begin(_ part: ManifestIndex.Part, mergingInto index: ManifestIndex?) {
        self.part = part
        self.index = index
        discardPending()
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
            if let index, let part {
                let ranges = pendingRanges
                let excerpt = { (line: Int) in Array(UnsafeBufferPointer(rebasing: bytes[ranges[line]])) }
                diagnostics += index.merge(
                    part, lineOffset: 0, isComplete: false, file: file, excerpt: options.excerpts ? excerpt : nil)
            }
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
        checked.removeAll(keepingCapacity: true)
        for index in 0..<count {
            let isChecked = unmanagedSlots[index]._withUnsafeGuaranteedRef { slot in
                parse(pending[index], into: slot)
                slot.violations.removeAll(keepingCapacity: true)
                slot.findings.removeAll(keepingCapacity: true)
                return slot.isManifestObject || (!rules.readsManifestLines && slot.parsed.isDocument)
            }
            if isChecked { checked.append(unmanagedSlots[index]) }
        }
        if let schema {
            let model = rules.readsManifestLines
            for slot in checked {
                slot._withUnsafeGuaranteedRef {
                    guard case .document(let document) = $0.parsed else { return }
                    schema.check(document, line: model ? $0.model : nil, into: &$0.violations)
                    if dropsViolations { $0.violations.removeAll { !rules.isEnabled(schema.rule(for: $0)) } }
                }
            }
        }
        for rule in rules.lineRules {
            for slot in checked { slot._withUnsafeGuaranteedRef { rule.check($0.model, into: &$0.findings) } }
        }
        for index in 0..<count { finishLine(index, file: file, into: &diagnostics) }
    }

    /// Parses `line` and, for a manifest object, loads its line model.
    private func parse(_ line: LineRecord, into slot: LineBatchSlot) {
        slot.isManifestObject = false
        guard !line.isOversized, !Self.isBlank(line.bytes) else {
            slot.parsed = .notParsed
            return
        }
        do {
            let document = try slot.parser.parse(line.bytes)
            slot.parsed = .document(document)
            slot.isManifestObject = rules.readsManifestLines && document.root.kind == .object
            if slot.isManifestObject {
                slot.model.load(document)
                // The duplicate check's slot is fetched while the schemas and rules run.
                if let index, let fingerprint = slot.model.sourceRefFingerprint { index.prefetch(fingerprint) }
            }
        } catch {
            slot.parsed = .failed(error)
        }
    }

    /// Appends the findings of the batch's line `index` to `diagnostics`, and hands its facts and its verdict
    /// to the part.
    private func finishLine(_ index: Int, file: String, into diagnostics: inout [Diagnostic]) {
        unmanagedSlots[index]._withUnsafeGuaranteedRef { finishLine(index, slot: $0, file: file, into: &diagnostics) }
    }

    private func finishLine(_ index: Int, slot: LineBatchSlot, file: String, into diagnostics: inout [Diagnostic]) {
        let line = pending[index]
        // Every line counts toward the limits, the oversized too.
        part?.count(line)
        var check = RecordCheck(
            record: line, parsed: slot.parsed, maxLineCharacters: options.maxLineCharacters, findings: recordFindings)
        recordFindings = []  // Moved into the check, so that appending does not copy it.
        defer {
            recordFindings = check.findings
            recordFindings.removeAll(keepingCapacity: true)
        }
        for rule in rules.recordRules(for: check.parsed) { rule.check(&check) }
        let isObject = slot.isManifestObject
        if isObject {
            if !slot.findings.isEmpty || !slot.violations.isEmpty, !rules.verdictRules.isEmpty {
                let errors = lineErrors(slot)
                if !errors.isEmpty {
                    for rule in rules.verdictRules { rule.check(slot.model, errors: errors, into: &slot.findings) }
                }
            }
            part?.observe(slot.model, number: line.number) { Self.column(line.bytes, $0) }
        }
        // Most lines have nothing to report.
        guard !check.findings.isEmpty || !slot.findings.isEmpty || !slot.violations.isEmpty else { return }
        let before = diagnostics.count
        // Looked up only when the line has a finding to carry it.
        let sourceRef =
            isObject
            ? slot.model.document.member("source-ref", in: JSONDocument.rootIndex).flatMap(
                slot.model.document.stringValue(at:)) : nil
        for finding in check.findings {
            let lineSourceRef = finding.withSourceRef ? sourceRef : nil
            switch finding.place {
            case .column(let column):
                diagnostics.append(
                    rules.diagnostic(
                        finding.rule, file: file, line: line.number, column: column, message: finding.message,
                        sourceRef: lineSourceRef))
            case .byte(let offset):
                diagnostics.append(
                    rules.diagnostic(
                        finding.rule, file: file, line: line.number, column: Self.column(line.bytes, offset),
                        message: finding.message, sourceRef: lineSourceRef))
            case .node(let node):
                let (column, pointer) = check.withLocator {
                    ($0.column(Int($0.document[node].start)), $0.pointer(to: node))
                }
                diagnostics.append(
                    rules.diagnostic(
                        finding.rule, file: file, line: line.number, column: column, message: finding.message,
                        pointer: pointer.isEmpty ? nil : pointer, sourceRef: lineSourceRef))
            }
        }
        var budget = check.budget
        if !slot.findings.isEmpty || !slot.violations.isEmpty {
            check.withLocator { locator in
                addLineFindings(
                    slot, &locator, &budget, line: line.number, file: file, sourceRef: sourceRef, into: &diagnostics)
            }
        }
        diagnostics += budget.summaries(rules: rules, file: file, line: line.number, sourceRef: sourceRef)
        if !line.isOversized {
            rules.addFixes(
                to: &diagnostics[before...], line: line.number, bytes: line.bytes, document: check.document,
                model: isObject ? slot.model : nil)
        }
        if options.excerpts, !line.isOversized {
            for added in before..<diagnostics.count {
                guard let column = diagnostics[added].column else { continue }
                diagnostics[added].excerpt = Diagnostic.Excerpt(line: line.bytes, column: column)
            }
        }
        let added = diagnostics[before...]
        part?.recordVerdict(
            errors: added.contains(where: TooManyInvalidLines.makesLineInvalid),
            warnings: added.contains { $0.severity == .warning })
    }

    /// Appends the line rules' findings and the schema violations of a parsed line, as many as `budget` admits.
    private func addLineFindings(
        _ slot: LineBatchSlot, _ locator: inout JSONLocator, _ budget: inout LineFindingBudget, line: Int,
        file: String, sourceRef: String?, into diagnostics: inout [Diagnostic]
    ) {
        let document = locator.document
        for finding in slot.findings where budget.admit(finding.rule) {
            let pointer = locator.pointer(to: finding.node)
            diagnostics.append(
                rules.diagnostic(
                    finding.rule, severity: finding.severity, file: file, line: line,
                    column: locator.column(Int(document[finding.node].start)), message: finding.message,
                    pointer: pointer.isEmpty ? nil : pointer, sourceRef: sourceRef))
        }
        guard let schema else { return }
        for violation in slot.violations {
            let rule = schema.rule(for: violation)
            guard budget.admit(rule) else { continue }
            let pointer = locator.pointer(to: violation.node)
            var diagnostic = rules.diagnostic(
                rule, severity: violation.severity, file: file, line: line,
                column: locator.column(Int(document[violation.node].start)),
                message: pointer.isEmpty ? violation.message : "\(pointer): \(violation.message)", pointer: pointer,
                sourceRef: sourceRef)
            diagnostic.serviceCode = violation.serviceCode
            diagnostics.append(diagnostic)
        }
    }

    /// Where a line's error findings and schema violations so far are.
    private func lineErrors(_ slot: LineBatchSlot) -> LineErrors {
        var attributeLevel: [Int] = []
        var boxLevel: [Int] = []
        for finding in slot.findings where rules.severity(of: finding.rule, own: finding.severity) == .error {
            switch finding.rule.errorScope {
            case .labelAttribute: attributeLevel.append(finding.node)
            case .box: boxLevel.append(finding.node)
            case .line: continue
            }
        }
        // Violations of the bundled schemas (those with a service code) make an attribute unusable; user
        // schemas say nothing about that.
        for violation in slot.violations where violation.serviceCode != nil {
            guard let schema, rules.severity(of: schema.rule(for: violation), own: violation.severity) == .error
            else { continue }
            attributeLevel.append(violation.node)
        }
        return LineErrors(attributeLevel: attributeLevel.sorted(), boxLevel: boxLevel.sorted())
    }

    /// The 1-based column, in Unicode scalar values, of byte `offset`.
    private static func column(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        UTF8Validation.scalarCount(bytes, upTo: offset) + 1
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }
}
