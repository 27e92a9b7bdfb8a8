/// How far `lint` foresaw what the service reported: the service's findings lint predicted (a finding of
/// the same service code on the same line), those it missed, and the lint errors the service did not report.
///
/// Lint's findings are compared as the service would have reported them (``ServicePrecedence``: on a line
/// with a precedence-first error, only that one). Terminal codes (a manifest-wide error such as
/// `ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS`) are compared by code alone. A lint error on a line the reports did
/// not cover (an entry missing from a partial listing) is counted as not covered, not as a disagreement.
public struct LintAgreement: Sendable, Codable, Equatable {
    /// One service code's counts.
    public struct Row: Sendable, Codable, Equatable {
        /// The service code.
        public var code: String
        /// Findings of the service with this code.
        public var service: Int
        /// Of those, findings lint predicted.
        public var predicted: Int
        /// Of those, findings lint missed.
        public var missed: Int
        /// Lint errors predicting this code that the service did not report.
        public var lintOnly: Int

        /// Creates a row.
        public init(code: String, service: Int = 0, predicted: Int = 0, missed: Int = 0, lintOnly: Int = 0) {
            self.code = code
            self.service = service
            self.predicted = predicted
            self.missed = missed
            self.lintOnly = lintOnly
        }
    }

    /// One finding in a list of the agreement.
    public struct Entry: Sendable, Codable, Equatable {
        /// The local line; nil for the whole manifest.
        public var line: Int?
        /// The service code.
        public var code: String
        /// The lint rules that predict it here (empty for a missed finding).
        public var rules: [String]
        /// The service's message, or lint's for a lint-only finding.
        public var message: String
    }

    /// The local manifest.
    public var manifest: String
    /// Its lines.
    public var lines: Int
    /// The lines the reports covered.
    public var coveredLines: Int
    /// One row per service code, sorted by code.
    public var codes: [Row]
    /// The service's findings lint predicted.
    public var predicted: [Entry]
    /// The service's findings lint missed.
    public var missed: [Entry]
    /// Lint errors the service did not report (one per line and code).
    public var lintOnly: [Entry]
    /// Lint errors on lines (or about the whole manifest) the reports did not cover.
    public var notCovered: Int
    /// The service's findings on images not in the local manifest.
    public var elsewhere: Int

    /// The agreement of `lint`'s findings with `result`'s.
    public init(result: Reconciliation.Result, lint: [Diagnostic], manifest: String) {
        self.manifest = manifest
        lines = result.localLines
        coveredLines = result.coveredLines.count
        elsewhere = result.unplaced.count
        let lint = ServicePrecedence.apply(to: lint)
        var rulesAt: [Key: [String]] = [:]
        for finding in lint {
            guard let code = finding.serviceCode else { continue }
            rulesAt[Key(code.rawValue, code.isTerminal ? nil : finding.line), default: []].append(finding.code)
        }
        let service = result.placed + result.wholeManifest
        var reported: Set<Key> = []
        var rows: [String: Row] = [:]
        var predicted: [Entry] = []
        var missed: [Entry] = []
        for finding in service {
            let terminal = finding.serviceCode?.isTerminal ?? (finding.line == nil)
            let key = Key(finding.code, terminal ? nil : finding.line)
            reported.insert(key)
            var row = rows[finding.code] ?? Row(code: finding.code)
            row.service += 1
            let entry = Entry(
                line: finding.line, code: finding.code, rules: Self.unique(rulesAt[key] ?? []),
                message: finding.message)
            if entry.rules.isEmpty {
                row.missed += 1
                missed.append(entry)
            } else {
                row.predicted += 1
                predicted.append(entry)
            }
            rows[finding.code] = row
        }
        var lintOnly: [Key: Entry] = [:]
        var notCovered = 0
        for finding in lint where finding.severity == .error {
            guard let code = finding.serviceCode else { continue }
            let key = Key(code.rawValue, code.isTerminal ? nil : finding.line)
            guard !reported.contains(key) else { continue }
            let covered =
                code.isTerminal || finding.line == nil
                ? result.coversWholeManifest : result.coveredLines.contains(finding.line ?? 0)
            guard covered else {
                notCovered += 1
                continue
            }
            if var entry = lintOnly[key] {
                entry.rules = Self.unique(entry.rules + [finding.code])
                lintOnly[key] = entry
                continue
            }
            lintOnly[key] = Entry(
                line: key.line, code: code.rawValue, rules: [finding.code], message: finding.message)
            var row = rows[code.rawValue] ?? Row(code: code.rawValue)
            row.lintOnly += 1
            rows[code.rawValue] = row
        }
        codes = rows.values.sorted { $0.code < $1.code }
        self.predicted = predicted
        self.missed = missed
        self.lintOnly = lintOnly.values.sorted { ($0.line ?? 0, $0.code) < ($1.line ?? 0, $1.code) }
        self.notCovered = notCovered
    }

    /// The agreement as a table and the lists of disagreements (the first `listed` of each), for people.
    public func text(listed: Int = 20) -> String {
        var text = "Agreement with lint on \(manifest): the service's reports cover "
        text += "\(Count.grouped(coveredLines)) of \(Count.phrase(lines, "line"))\n"
        guard !codes.isEmpty else {
            return text + "  no findings from the service or lint to compare\n"
        }
        let width = max(12, codes.map(\.code.count).max() ?? 0)
        func padded(_ text: String, _ count: Int) -> String {
            text + String(repeating: " ", count: max(0, count - text.count))
        }
        func right(_ number: Int, _ count: Int) -> String {
            let text = Count.grouped(number)
            return String(repeating: " ", count: max(0, count - text.count)) + text
        }
        text += "  " + padded("service code", width) + "  service  predicted  missed  lint only\n"
        for row in codes + [total] {
            text += "  " + padded(row.code, width) + "  " + right(row.service, 7) + "  " + right(row.predicted, 9)
            text += "  " + right(row.missed, 6) + "  " + right(row.lintOnly, 9) + "\n"
        }
        let service = total.service
        if service > 0 {
            text += "  lint predicted \(Count.grouped(total.predicted)) of the service's \(Count.grouped(service)) "
            text += "findings (\(total.predicted * 100 / service)%)\n"
        }
        text += list("missed by lint", missed, listed: listed)
        text += list("lint only (the service did not report them)", lintOnly, listed: listed)
        if notCovered > 0 {
            text += "  \(Count.phrase(notCovered, "lint error")) on lines the service's reports do not cover\n"
        }
        if elsewhere > 0 {
            text += "  \(Count.phrase(elsewhere, "service finding")) on images not in \(manifest)\n"
        }
        return text
    }

    /// The sums over every code.
    public var total: Row {
        Row(
            code: "total", service: codes.reduce(0) { $0 + $1.service },
            predicted: codes.reduce(0) { $0 + $1.predicted }, missed: codes.reduce(0) { $0 + $1.missed },
            lintOnly: codes.reduce(0) { $0 + $1.lintOnly })
    }

    private func list(_ title: String, _ entries: [Entry], listed: Int) -> String {
        guard !entries.isEmpty else { return "" }
        var text = "  \(title):\n"
        for entry in entries.prefix(listed) {
            let place = entry.line.map { "line \(Count.grouped($0))" } ?? "whole manifest"
            let rules = entry.rules.isEmpty ? "" : " (\(entry.rules.joined(separator: ", ")))"
            text += "    \(place): \(entry.code)\(rules)\n"
        }
        if entries.count > listed { text += "    … and \(Count.grouped(entries.count - listed)) more\n" }
        return text
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen: Set<String> = []
        return codes.filter { seen.insert($0).inserted }.sorted()
    }

    /// A finding's place for matching: its code, and its line unless the code is compared by code alone.
    private struct Key: Hashable {
        var code: String
        var line: Int?

        init(_ code: String, _ line: Int?) {
            self.code = code
            self.line = line
        }
    }
}
