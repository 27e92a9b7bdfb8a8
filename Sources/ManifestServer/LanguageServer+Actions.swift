import Foundation
import ManifestKit

extension LanguageServer {
    /// `textDocument/codeAction`: a quick fix for each fixable finding in the range (safe ones preferred,
    /// unsafe ones labelled), and `source.fixAll.clmanifest` with every safe fix.
    func codeActions(_ params: [String: Any]) throws(ServerError) -> Any {
        let document = try openDocument(params)
        guard let range = params["range"] as? [String: Any], let start = OpenDocument.Position(range["start"]),
            let end = OpenDocument.Position(range["end"])
        else { throw .invalidParams("codeAction without a range") }
        let only = (params["context"] as? [String: Any])?["only"] as? [String]
        let wants = { (kind: String) in only?.contains { kind == $0 || kind.hasPrefix($0 + ".") } ?? true }
        var actions: [[String: Any]] = []
        if wants("quickfix") {
            let policy = configuration.fixPolicy(document.path)
            for diagnostic in document.diagnostics {
                guard let fix = diagnostic.fix, !fix.edits.isEmpty, fix.applicability != .displayOnly,
                    policy.mayFix(diagnostic.code)
                else { continue }
                let found = document.range(of: diagnostic, encoding: encoding)
                guard found.start <= end, start <= found.end || found.start == found.end else { continue }
                let edits = fix.edits.map { edit -> [String: Any] in
                    let from = document.position(line: edit.line, column: edit.column, encoding: encoding)
                    let to = document.position(line: edit.endLine, column: edit.endColumn, encoding: encoding)
                    return ["range": ["start": from.json, "end": to.json], "newText": edit.content]
                }
                let safe = fix.applicability == .safe
                actions.append([
                    "title": "\(diagnostic.code): \(fix.message)\(safe ? "" : " (unsafe: changes the data)")",
                    "kind": "quickfix",
                    "diagnostics": [diagnosticJSON(diagnostic, in: document)],
                    "isPreferred": safe,
                    "edit": ["changes": [document.uri: edits]],
                ])
            }
        }
        if wants(Self.fixAllKind), let fixAll = fixAll(document) { actions.append(fixAll) }
        return actions
    }

    /// Every safe fix of `document` at once, as one edit of the whole text; nil when there is none.
    private func fixAll(_ document: OpenDocument) -> [String: Any]? {
        guard document.diagnostics.contains(where: { $0.fix?.applicability == .safe }) else { return nil }
        var policy = configuration.fixPolicy(document.path)
        policy.unsafeFixes = false
        let text = document.manifest.text
        guard let outcome = try? ManifestFixer(linter: document.linter, policy: policy).fix(text, name: document.path),
            outcome.changed
        else { return nil }
        let lines = document.manifest.lines
        let last = lines[lines.count - 1]
        let end = OpenDocument.Position(
            line: lines.count - 1, character: encoding.character(atByte: last.count, in: last))
        let edit: [String: Any] = [
            "range": ["start": ["line": 0, "character": 0], "end": end.json],
            "newText": String(decoding: outcome.bytes, as: UTF8.self),
        ]
        return [
            "title": "clmanifest: apply every safe fix (\(outcome.fixed))", "kind": Self.fixAllKind,
            "edit": ["changes": [document.uri: [edit]]],
        ]
    }

    /// `textDocument/hover`: a rule code under the cursor, or the findings whose range holds it, explained.
    func hover(_ params: [String: Any]) throws(ServerError) -> Any {
        let document = try openDocument(params)
        guard let position = OpenDocument.Position(params["position"]) else {
            throw .invalidParams("hover without a position")
        }
        let lines = document.manifest.lines
        guard position.line < lines.count else { return NSNull() }
        let line = lines[position.line]
        let byte = encoding.byteOffset(of: position.character, in: line)
        var codes: [String] = []
        if let word = Self.word(in: line, at: byte), RuleDocumentation.rule(named: word) != nil {
            codes = [word]
        } else {
            for diagnostic in document.diagnostics {
                let range = document.range(of: diagnostic, encoding: encoding)
                if range.start <= position, position <= range.end, range.start != range.end,
                    !codes.contains(diagnostic.code), RuleDocumentation.rule(named: diagnostic.code) != nil
                {
                    codes.append(diagnostic.code)
                }
            }
        }
        let text = codes.compactMap(RuleDocumentation.rule(named:)).map(RuleDocumentation.explanation(of:))
        guard !text.isEmpty else { return NSNull() }
        return ["contents": ["kind": "plaintext", "value": text.joined(separator: "\n")]]
    }

    /// A rule code such as `CL301` around byte `offset` of `line`, or nil.
    static func word(in line: [UInt8], at offset: Int) -> String? {
        let isWordByte = { (byte: UInt8) in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var start = min(offset, line.count)
        var end = start
        while start > 0, isWordByte(line[start - 1]) { start -= 1 }
        while end < line.count, isWordByte(line[end]) { end += 1 }
        let word = String(decoding: line[start..<end], as: UTF8.self).uppercased()
        guard word.count == 5, word.hasPrefix("CL"), word.dropFirst(2).allSatisfy(\.isNumber) else { return nil }
        return word
    }

    /// The open document a request names.
    private func openDocument(_ params: [String: Any]) throws(ServerError) -> OpenDocument {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else {
            throw .invalidParams("a request without textDocument.uri")
        }
        guard let document = documents[uri] else { throw .invalidParams("'\(uri)' is not open") }
        // Answered for the text as it is now; the publication still follows when no message waits.
        if document.isStale { document.diagnostics = document.check() }
        return document
    }
}
