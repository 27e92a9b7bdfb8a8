/// Applies fixes to a manifest's bytes: each fix whole or not at all, none over another's bytes.
///
/// A fix whose edits overlap those of a fix already taken waits for the next pass (``ManifestFixer``
/// lints again and asks anew), so two fixes are never merged into something neither meant. An edit equal
/// to one already taken (two findings removing the same line) is taken once.
struct FixApplication {
    /// The bytes after the fixes.
    private(set) var bytes: [UInt8]
    /// How many fixes were applied.
    private(set) var applied = 0
    /// For each line of the result, the number of the line of the input it comes from.
    private(set) var origins: [Int] = []

    /// Applies `fixes`, in order, to `input`.
    init(_ fixes: [Fix], to input: [UInt8]) {
        let table = LineTable(input)
        var taken: [(range: Range<Int>, content: [UInt8])] = []
        for fix in fixes {
            guard
                let ranges = fix.edits.map({ edit in table.range(of: edit).map { ($0, Array(edit.content.utf8)) } })
                    as [(Range<Int>, [UInt8])?]?,
                !ranges.isEmpty
            else { continue }
            let edits = ranges.compactMap { $0 }
            guard edits.count == ranges.count, edits.allSatisfy({ !$0.1.contains(0x0A) }) else { continue }
            var new: [(range: Range<Int>, content: [UInt8])] = []
            var fits = true
            for edit in edits {
                if taken.contains(where: { $0.range == edit.0 && $0.content == edit.1 }) { continue }
                let clashes = (taken + new).contains { other in
                    other.range.overlaps(edit.0)
                        || (other.range.lowerBound == edit.0.lowerBound
                            && (other.range.isEmpty || edit.0.isEmpty))
                        || (edit.0.isEmpty && other.range.contains(edit.0.lowerBound))
                        || (other.range.isEmpty && edit.0.contains(other.range.lowerBound))
                }
                if clashes {
                    fits = false
                    break
                }
                new.append((edit.0, edit.1))
            }
            guard fits else { continue }
            taken += new
            applied += 1
        }
        taken.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var position = 0
        for edit in taken {
            output += input[position..<edit.range.lowerBound]
            output += edit.content
            position = edit.range.upperBound
        }
        output += input[position...]
        bytes = output
        origins = table.survivingLines(after: taken.map(\.range))
    }
}

/// Where each line of a manifest starts and where its content (without the byte order mark, the carriage
/// return and the line feed) ends, to turn an edit's lines and columns into byte offsets.
struct LineTable {
    private let bytes: [UInt8]
    /// Each line's first byte (after a byte order mark on line 1); one more entry, the end of the bytes.
    private var starts: [Int] = []
    /// Each line's first byte including the byte order mark.
    private var lineStarts: [Int] = []
    private var contentEnds: [Int] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineStarts.append(start)
            let hasMark = start == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF])
            starts.append(hasMark ? 3 : start)
            contentEnds.append(
                end > start && bytes[end - 1] == 0x0D && end - 1 >= (hasMark ? 3 : start) ? end - 1 : end)
            start = end + 1
        }
        lineStarts.append(bytes.count)
    }

    /// The number of lines.
    var count: Int { starts.count }

    /// The byte range an edit replaces, or nil when it names a place the bytes do not have.
    func range(of edit: Fix.Edit) -> Range<Int>? {
        guard let lower = offset(line: edit.line, column: edit.column),
            let upper = offset(line: edit.endLine, column: edit.endColumn), lower <= upper
        else { return nil }
        return lower..<upper
    }

    /// The byte offset of a line and column; line `count + 1`, column 1 is the end of the bytes.
    func offset(line: Int, column: Int) -> Int? {
        if line == count + 1, column == 1 { return bytes.count }
        guard line >= 1, line <= count else { return nil }
        if column == 0 {
            return line == 1 && starts[0] == 3 ? 0 : nil
        }
        var position = starts[line - 1]
        let end = contentEnds[line - 1]
        var remaining = column - 1
        while remaining > 0 {
            guard position < end else { return nil }
            position += 1
            while position < end, bytes[position] & 0xC0 == 0x80 { position += 1 }
            remaining -= 1
        }
        return position
    }

    /// The numbers of the lines none of `removed` (sorted, not overlapping byte ranges) takes whole.
    func survivingLines(after removed: [Range<Int>]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        var next = 0
        for line in 0..<count {
            let whole = starts[line]..<lineStarts[line + 1]
            while next < removed.count, removed[next].upperBound <= whole.lowerBound { next += 1 }
            let gone =
                next < removed.count && removed[next].lowerBound <= whole.lowerBound
                && removed[next].upperBound >= whole.upperBound
            if !gone { result.append(line + 1) }
        }
        return result
    }
}
