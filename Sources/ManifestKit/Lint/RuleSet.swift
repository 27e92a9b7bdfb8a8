/// The rules a run uses, by kind, with their severities.
///
/// Built once from the registry and a ``RuleSelection`` before any line is read: a rule the selection leaves
/// out is not here, so it never runs.
final class RuleSet: Sendable {
    /// The selection the set was built from.
    let selection: RuleSelection
    let fileRules: [any FileRule.Type]
    let recordRules: [any RecordRule.Type]
    /// The record rules for each kind of line (``RecordRule/lines``): not parsed, not JSON, JSON.
    private let recordRulesByLines:
        (notParsed: [any RecordRule.Type], failed: [any RecordRule.Type], parsed: [any RecordRule.Type])
    let lineRules: [any LineRule.Type]
    let verdictRules: [any LineVerdictRule.Type]
    let manifestRules: [any ManifestRule.Type]
    let imageRules: [any ImageRule.Type]
    let datasetRules: [any DatasetRule.Type]
    /// Whether lines are manifest lines, objects loaded into the line model and counted into the manifest
    /// index (`lint`), rather than any JSON value checked against one schema (`validate`).
    let readsManifestLines: Bool
    /// The codes of the enabled rules.
    private let enabled: Set<String>
    /// The severities the selection sets, by code, for the enabled rules it changes.
    private let severities: [String: Severity]
    /// The enabled rules that fix the findings they make on lines, by code.
    private let fixers: [String: any FixableRule.Type]

    /// The rules of the registry's kind lists that `selection` enables; `manifestRules` replaces the
    /// registry's manifest rules (the tests add rules of their own).
    init(
        selection: RuleSelection, readsManifestLines: Bool, fileRules: [any FileRule.Type] = RuleRegistry.fileRules,
        recordRules: [any RecordRule.Type] = RuleRegistry.recordRules,
        lineRules: [any LineRule.Type] = RuleRegistry.lineRules,
        verdictRules: [any LineVerdictRule.Type] = RuleRegistry.verdictRules,
        schemaRules: [any SchemaRule.Type] = RuleRegistry.schemaRules,
        manifestRules: [any ManifestRule.Type] = RuleRegistry.manifestRules,
        imageRules: [any ImageRule.Type] = RuleRegistry.imageRules,
        datasetRules: [any DatasetRule.Type] = RuleRegistry.datasetRules,
        fixableRules: [any FixableRule.Type] = RuleRegistry.fixableRules
    ) {
        self.selection = selection
        self.readsManifestLines = readsManifestLines
        self.fileRules = fileRules.filter { selection.isEnabled($0.description.code) }
        let enabledRecordRules = recordRules.filter { selection.isEnabled($0.description.code) }
        self.recordRules = enabledRecordRules
        recordRulesByLines = (
            enabledRecordRules.filter { $0.lines.contains(.notParsed) },
            enabledRecordRules.filter { $0.lines.contains(.failed) },
            enabledRecordRules.filter { $0.lines.contains(.parsed) }
        )
        self.lineRules = lineRules.filter { selection.isEnabled($0.description.code) }
        self.verdictRules = verdictRules.filter { selection.isEnabled($0.description.code) }
        self.manifestRules = manifestRules.filter { selection.isEnabled($0.description.code) }
        self.imageRules = imageRules.filter { selection.isEnabled($0.description.code) }
        self.datasetRules = datasetRules.filter { selection.isEnabled($0.description.code) }
        // Each list on its own: joining them into one array of `any Rule.Type` would cast every element.
        let codes: [[String]] = [
            fileRules.map { $0.description.code }, recordRules.map { $0.description.code },
            lineRules.map { $0.description.code }, verdictRules.map { $0.description.code },
            schemaRules.map { $0.description.code }, manifestRules.map { $0.description.code },
            imageRules.map { $0.description.code }, datasetRules.map { $0.description.code },
        ]
        let enabled = codes.joined().filter(selection.isEnabled)
        self.enabled = Set(enabled)
        var severities: [String: Severity] = [:]
        for code in enabled {
            if let severity = selection.severity(for: code) { severities[code] = severity }
        }
        self.severities = severities
        var fixers: [String: any FixableRule.Type] = [:]
        for rule in fixableRules where self.enabled.contains(rule.description.code) {
            fixers[rule.description.code] = rule
        }
        self.fixers = fixers
    }

    /// The rules of `lint`: every rule of the registry that `selection` enables.
    static func manifest(_ selection: RuleSelection = .all) -> RuleSet {
        RuleSet(selection: selection, readsManifestLines: true)
    }

    /// The rules of `validate`: the file and record rules but the one that wants objects, and the schema
    /// rule CL501, which `selection` may leave out.
    static func validation(_ selection: RuleSelection = .all) -> RuleSet {
        RuleSet(
            selection: selection, readsManifestLines: false,
            recordRules: RuleRegistry.recordRules.filter { $0 != JSONLineNotObject.self }, lineRules: [],
            verdictRules: [], schemaRules: [SchemaViolationRule.self], manifestRules: [], imageRules: [],
            datasetRules: [], fixableRules: [])
    }

    /// The record rules that look at a line the parser left as `parsed`.
    func recordRules(for parsed: ParsedLine) -> [any RecordRule.Type] {
        switch parsed {
        case .notParsed: recordRulesByLines.notParsed
        case .failed: recordRulesByLines.failed
        case .document: recordRulesByLines.parsed
        }
    }

    /// Whether `rule` runs.
    func isEnabled(_ rule: RuleDescription) -> Bool {
        enabled.contains(rule.code)
    }

    /// The severity of a finding of `rule` that has its own severity `own` (nil for the rule's): the
    /// selection's, when it sets one.
    func severity(of rule: RuleDescription, own: Severity? = nil) -> Severity {
        if !severities.isEmpty, let chosen = severities[rule.code] { return chosen }
        return own ?? rule.severity
    }

    /// A finding of `rule` as a diagnostic, at its severity in this set.
    func diagnostic(
        _ rule: RuleDescription, severity own: Severity? = nil, file: String, line: Int?, column: Int?,
        message: String, pointer: String? = nil, sourceRef: String? = nil
    ) -> Diagnostic {
        var diagnostic = rule.diagnostic(
            file: file, line: line, column: column, message: message, pointer: pointer, sourceRef: sourceRef)
        diagnostic.severity = severity(of: rule, own: own)
        return diagnostic
    }

    /// Adds to each of `diagnostics` (the findings on one line) the fix its rule makes, when the rule fixes.
    func addFixes(
        to diagnostics: inout ArraySlice<Diagnostic>, line: Int, bytes: UnsafeBufferPointer<UInt8>,
        document: JSONDocument?, model: ManifestLine?
    ) {
        guard !fixers.isEmpty else { return }
        for index in diagnostics.indices {
            guard diagnostics[index].fix == nil, let rule = fixers[diagnostics[index].code] else { continue }
            diagnostics[index].fix = rule.fix(
                FixSite(diagnostic: diagnostics[index], line: line, bytes: bytes, document: document, model: model))
        }
    }
}
