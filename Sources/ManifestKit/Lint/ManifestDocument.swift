/// A manifest being edited: the language server's view of an open file.
///
/// Its lines are checked in blocks of ``blockLines``. An edit marks the blocks it touches; ``diagnostics()``
/// checks those again and then runs the manifest-wide rules once more over the facts every block kept (its ``ManifestIndex/Part``: `source-ref`s,
/// labels, counts, the rules' states), starting from the index kept before the block the last edits
/// touched when nothing before it changed: a keystroke costs one block and the merge of the blocks after it.
///
/// The findings are those `lint` gives for the same text (a test checks it after random edits), image
/// checks aside: those are run on request (``checkImages()``) and kept, moved with the lines, until the
/// next request.
///
/// ```swift
/// let document = ManifestDocument(linter: ManifestLinter(), name: "train.manifest", text: bytes)
/// document.replace(lines: 41..<42, with: [Array(#"{"source-ref": "s3://b/a.jpg"}"#.utf8)])
/// let findings = document.diagnostics()
/// ```
public final class ManifestDocument {
    /// Lines per block.
    public static let blockLines = 512

    /// The name findings carry.
    public let name: String
    private let linter: ManifestLinter
    /// The editor's lines: the text split at each LF (a CR before it kept); a text ending with LF has an
    /// empty last line, which is not a manifest line.
    public private(set) var lines: [[UInt8]]
    private var blocks: [Block] = []
    private lazy var checker = LineChecker(options: linter.options, rules: linter.rules, schema: linter.schema)
    private lazy var partMaker = ManifestIndex(options: linter.options, rules: linter.rules)
    /// The file rules' runner (no line is checked through it).
    private lazy var driver = LintDriver(options: linter.options, rules: linter.rules, schema: nil)
    /// The index of the last ``diagnostics()``: where each `source-ref` first appeared.
    private var lastIndex: ManifestIndex?
    /// The image checks' findings, at their lines as edits moved them.
    private var imageFindings: [Diagnostic] = []
    /// The index as it was after merging the blocks before `block` in the last check, and the findings so far.
    ///
    /// A check whose first changed block is `block` or later starts from there. It is taken at the first
    /// block the last edits changed, where typing goes on.
    private var kept: (index: ManifestIndex, block: Int, findings: [Diagnostic])?
    /// The first block changed since the last check (nil: none).
    private var firstChanged: Int?

    /// A run of lines and what checking them found, or nil for lines to check again.
    private struct Block {
        var count: Int
        var checked: (diagnostics: [Diagnostic], part: ManifestIndex.Part)?
    }

    /// The document `text`, named `name`, checked with `linter`'s rules and options.
    public init(linter: ManifestLinter, name: String, text: [UInt8]) {
        self.linter = linter
        self.name = name
        lines = Self.split(text)
        blocks = Self.blocks(count: lines.count)
    }

    /// The text, lines joined with LF.
    public var text: [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (index, line) in lines.enumerated() {
            if index > 0 { text.append(0x0A) }
            text += line
        }
        return text
    }

    /// Replaces the whole text.
    public func replaceAll(_ text: [UInt8]) {
        lines = Self.split(text)
        blocks = Self.blocks(count: lines.count)
        imageFindings.removeAll()
        kept = nil
    }

    /// Replaces the editor lines `range` (0-based) with `newLines`; the blocks they were in are checked again.
    public func replace(lines range: Range<Int>, with newLines: [[UInt8]]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= lines.count, "edit outside the document")
        let first = block(holding: range.lowerBound)
        let last = block(holding: max(range.lowerBound, range.upperBound - 1))
        let count = blocks[first...last].reduce(0) { $0 + $1.count } - range.count + newLines.count
        lines.replaceSubrange(range, with: newLines)
        blocks.replaceSubrange(first...last, with: Self.blocks(count: count))
        firstChanged = min(firstChanged ?? first, first)
        if lines.isEmpty { lines = [[]] }
        if blocks.isEmpty {
            blocks = Self.blocks(count: lines.count)
            firstChanged = 0
        }
        moveImageFindings(replacing: range, with: newLines.count)
    }

    /// The block holding editor line `line` (0-based); the last block for a line past the end.
    private func block(holding line: Int) -> Int {
        var start = 0
        for (index, block) in blocks.enumerated() {
            start += block.count
            if line < start { return index }
        }
        return blocks.count - 1
    }

    /// The findings for the text as it is now, sorted as `lint` sorts them.
    public func diagnostics() -> [Diagnostic] {
        if let finding = fileFinding() {
            lastIndex = nil
            kept = nil
            return [finding]
        }
        // Where to start merging: from the kept index when no block before it changed.
        let changed = firstChanged ?? blocks.count
        firstChanged = nil
        let index: ManifestIndex
        var merged: [Diagnostic]
        var start = 0
        if let kept, kept.block <= changed, kept.block < blocks.count {
            index = kept.index.copy()
            merged = kept.findings
            start = kept.block
        } else {
            index = ManifestIndex(options: linter.options, rules: linter.rules)
            // Sized for the images the last check saw, so that the table does not grow on every keystroke.
            if let images = lastIndex?.statistics.images { index.reserveImages(images) }
            merged = []
        }
        var diagnostics: [Diagnostic] = []
        var offset = 0
        for position in blocks.indices {
            if position == min(changed, blocks.count - 1), kept?.block != position || start != position {
                kept = (index.copy(), position, merged)
            }
            let checked = blocks[position].checked ?? check(block: position, from: offset)
            blocks[position].checked = checked
            for var diagnostic in checked.diagnostics {
                diagnostic.shiftLines(by: offset)
                diagnostics.append(diagnostic)
            }
            if position >= start {
                merged += index.merge(
                    checked.part, lineOffset: offset, isComplete: true, file: name, excerpt: nil, drains: false)
            }
            offset += blocks[position].count
        }
        diagnostics += merged
        if !imageFindings.isEmpty {
            let verdicts = ImageVerdicts(lineFindings: diagnostics, imageFindings: imageFindings)
            index.addImageVerdicts(errors: verdicts.errors, warningsOnly: verdicts.warningsOnly)
            diagnostics += imageFindings
        }
        diagnostics += index.finish(file: name)
        lastIndex = index
        diagnostics.sort(by: Diagnostic.sortOrder)
        return linter.options.servicePrecedence ? ServicePrecedence.apply(to: diagnostics) : diagnostics
    }

    /// The line (1-based) where `sourceRef` first appears, as of the last ``diagnostics()``.
    public func firstLine(ofSourceRef sourceRef: String) -> Int? {
        guard let lastIndex else { return nil }
        return Array(sourceRef.utf8).withUnsafeBufferPointer { lastIndex.firstLine(of: $0) }
    }

    /// Checks the images of the lines as they are now (the linter's image mappings), keeping the findings
    /// until the next call; edits move them with their lines and drop those of edited lines.
    public func checkImages() throws(ManifestError) {
        imageFindings = try linter.imageFindings(bytes: manifestText, name: name)
    }

    // MARK: - Checking

    /// The lines that are manifest lines: all but the empty line after a final LF (none for an empty text).
    private var manifestLineCount: Int {
        lines.last?.isEmpty == true ? lines.count - 1 : lines.count
    }

    /// The manifest's text: each manifest line with its LF.
    private var manifestText: [UInt8] {
        var text: [UInt8] = []
        for line in lines[..<manifestLineCount] {
            text += line
            text.append(0x0A)
        }
        return text
    }

    /// The finding of a file rule (not JSON Lines at all), from the text's first bytes.
    private func fileFinding() -> Diagnostic? {
        guard !linter.rules.fileRules.isEmpty else { return nil }
        var prefix: [UInt8] = []
        for line in lines {
            if !prefix.isEmpty { prefix.append(0x0A) }
            prefix += line
            if prefix.count > FileStart.sampleBytes { break }
        }
        guard (try? driver.fileFinding(JSONLinesReader(bytes: prefix, name: name))) != nil else { return nil }
        // A rule that describes the whole file reads all of it.
        return try? driver.fileFinding(JSONLinesReader(bytes: manifestText, name: name))
    }

    /// Checks block `position`, whose first line is line `offset + 1`, into a fresh part.
    private func check(block position: Int, from offset: Int) -> (diagnostics: [Diagnostic], part: ManifestIndex.Part) {
        // The empty line after a final LF is not a line of the manifest.
        let count = max(0, min(blocks[position].count, manifestLineCount - offset))
        var bytes: [UInt8] = []
        for line in lines[offset..<(offset + count)] {
            bytes += line
            bytes.append(0x0A)
        }
        let part = partMaker.makePart(partBytes: bytes.count)
        checker.begin(part, mergingInto: nil)
        var diagnostics: [Diagnostic] = []
        let reader = JSONLinesReader(bytes: bytes, name: name, maxLineBytes: linter.options.maxLineBytes)
        try? reader.forEachLine { line in checker.check(line, file: name, into: &diagnostics) }
        checker.flush(file: name, into: &diagnostics)
        return (diagnostics, part)
    }

    // MARK: - Lines and blocks

    private static func split(_ text: [UInt8]) -> [[UInt8]] {
        text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    /// Blocks of ``blockLines`` for `count` lines, all to be checked.
    private static func blocks(count: Int) -> [Block] {
        stride(from: 0, to: count, by: blockLines).map { Block(count: min(blockLines, count - $0), checked: nil) }
    }

    /// Moves the kept image findings past an edit of `range` into `count` lines; those of edited lines go.
    private func moveImageFindings(replacing range: Range<Int>, with count: Int) {
        guard !imageFindings.isEmpty else { return }
        let shift = count - range.count
        imageFindings = imageFindings.compactMap { finding in
            guard let line = finding.line else { return finding }
            if range.contains(line - 1) { return nil }
            var moved = finding
            if line - 1 >= range.upperBound { moved.shiftLines(by: shift) }
            return moved
        }
    }
}
