/// A finding on a line, as a ``FixableRule`` sees it when it makes a fix: the line's bytes, what the parser
/// made of them, and the node the finding points at; with the means to turn byte ranges into ``Fix/Edit``s.
///
/// Valid only during the call to ``FixableRule/fix(_:)``.
struct FixSite {
    /// The finding.
    let diagnostic: Diagnostic
    /// The line's number.
    let line: Int
    /// The line's bytes, a byte order mark not included, nor the line break.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The parsed line, when it is JSON.
    let document: JSONDocument?
    /// The line model, when the line is a manifest object.
    let model: ManifestLine?

    /// The node at the finding's JSON Pointer, when the line parsed and the pointer names one.
    ///
    /// Nil on a line with a repeated key (CL008): a pointer through it could name either member, and a fix
    /// must not guess which one its finding meant.
    var node: Int? {
        guard let document, let pointer = diagnostic.pointer, document.duplicateKeys.isEmpty else { return nil }
        return document.node(at: pointer)
    }

    /// The box whose `annotations` element holds `node`, when there is one.
    func box(holding node: Int) -> Box? {
        guard let model, let document else { return nil }
        return model.boxes.first { node >= $0.annotation && node < Int(document[$0.annotation].next) }
    }

    /// The text of the line.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The exact text of `node` as written on the line.
    func text(of node: Int) -> String {
        guard let document else { return "" }
        return document.rawText(at: node)
    }

    /// The byte range of `node` on the line.
    func range(of node: Int) -> Range<Int> {
        guard let document else { return 0..<0 }
        return Int(document[node].start)..<Int(document[node].end)
    }

    /// The edit that replaces the bytes `range` of the line with `content`.
    func replacing(_ range: Range<Int>, with content: String) -> Fix.Edit {
        Fix.Edit(
            line: line, column: column(range.lowerBound), endLine: line, endColumn: column(range.upperBound),
            content: content)
    }

    /// The edit that replaces `node`, as written, with `content`.
    func replacing(_ node: Int, with content: String) -> Fix.Edit {
        replacing(range(of: node), with: content)
    }

    /// The 1-based column of byte `offset`.
    func column(_ offset: Int) -> Int {
        UTF8Validation.scalarCount(bytes, upTo: offset) + 1
    }
}

extension FixSite {
    /// The tokens of the finding's JSON Pointer, unescaped (`/bb/annotations/0/left` is `bb`, `annotations`,
    /// `0`, `left`).
    var pointerTokens: [String] {
        guard let pointer = diagnostic.pointer, pointer.hasPrefix("/") else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(
            JSONDocument.unescapePointerToken)
    }

    /// The edits that give `box` the `left`, `top`, `width` and `height` of `geometry`: each member whose
    /// number changes is written anew (as a whole number when `wholePixels`, which also rewrites a whole
    /// number written with a fraction, such as `9.0`).
    func edits(
        moving box: Box, to geometry: (left: Double, top: Double, width: Double, height: Double), wholePixels: Bool
    ) -> [Fix.Edit] {
        guard let document else { return [] }
        var edits: [Fix.Edit] = []
        for (node, new) in [
            (box.left, geometry.left), (box.top, geometry.top), (box.width, geometry.width),
            (box.height, geometry.height),
        ] where node >= 0 {
            let spelledWithFraction = document[node].flags & JSONNode.isInteger == 0
            guard document.number(at: node) != new || (wholePixels && spelledWithFraction) else { continue }
            edits.append(replacing(node, with: wholePixels ? JSONValueText.integer(new) : new.clean))
        }
        return edits
    }

    /// The edit that writes the string `node` as the number it holds, when it holds only a JSON number.
    func numberInsteadOfString(_ node: Int) -> Fix.Edit? {
        guard let document, let text = document.stringValue(at: node), let number = JSONValueText.number(text)
        else { return nil }
        return replacing(node, with: number)
    }
}
