#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Applies `fixes` to `input`, in the order of their first edits (the earlier first when two clash).
    init(_ fixes: [Fix], to input: [UInt8]) {
        let table = LineTable(input)
        var candidates: [[Edit]] = []
        candidates.reserveCapacity(fixes.count)
        for fix in fixes where !fix.edits.isEmpty {
            var edits: [Edit] = []
            for edit in fix.edits {
                guard let range = table.range(of: edit), !edit.content.utf8.contains(0x0A) else { break }
                edits.append(Edit(range: range, content: Array(edit.content.utf8)))
            }
            if edits.count == fix.edits.count { candidates.append(edits) }
        }
        candidates.sort { $0[0].range.lowerBound < $1[0].range.lowerBound }
        // Sorted by start, none overlapping: most fixes come after every edit taken, so they are appended.
        var taken: [Edit] = []
        taken.reserveCapacity(candidates.count)
        for edits in candidates {
            var places: [(index: Int, edit: Edit)] = []
            var fits = true
            for edit in edits {
                let index = Self.insertionIndex(of: edit, in: taken)
                if index > 0, taken[index - 1] == edit { continue }
                if index < taken.count, taken[index] == edit { continue }
                let clashesBefore = index > 0 && Self.clash(taken[index - 1], edit)
                let clashesAfter = index < taken.count && Self.clash(taken[index], edit)
                let clashesNew = places.contains { Self.clash($0.edit, edit) }
                if clashesBefore || clashesAfter || clashesNew {
                    fits = false
                    break
                }
                places.append((index, edit))
            }
            guard fits else { continue }
            // Inserted from the last place back, so that the earlier places stay right.
            for place in places.sorted(by: {
                ($0.index, $0.edit.range.lowerBound) > ($1.index, $1.edit.range.lowerBound)
            }) {
                taken.insert(place.edit, at: place.index)
            }
            applied += 1
        }
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

    /// A replacement of a byte range.
    private struct Edit: Equatable {
        var range: Range<Int>
        var content: [UInt8]
    }

    /// Where `edit` goes among `taken` (sorted by start): the first index whose start is after its start.
    private static func insertionIndex(of edit: Edit, in taken: [Edit]) -> Int {
        if let last = taken.last, last.range.lowerBound <= edit.range.lowerBound {
            return taken.count
        }
        var low = 0
        var high = taken.count
        while low < high {
            let middle = (low + high) / 2
            if taken[middle].range.lowerBound <= edit.range.lowerBound {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Whether two edits touch the same bytes, or insert at the same place (their order would be a guess).
    private static func clash(_ first: Edit, _ second: Edit) -> Bool {
        first.range.overlaps(second.range)
            || (first.range.lowerBound == second.range.lowerBound && (first.range.isEmpty || second.range.isEmpty))
            || (second.range.isEmpty && first.range.contains(second.range.lowerBound))
            || (first.range.isEmpty && second.range.contains(first.range.lowerBound))
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
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var lineStarts: [Int] = []
        var starts: [Int] = []
        var contentEnds: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let end =
                    memchr(base + start, 0x0A, buffer.count - start).map {
                        UnsafeRawPointer($0) - UnsafeRawPointer(base)
                    } ?? buffer.count
                let first = start == 0 && hasMark ? 3 : start
                lineStarts.append(start)
                starts.append(first)
                contentEnds.append(end > first && buffer[end - 1] == 0x0D ? end - 1 : end)
                start = end + 1
            }
        }
        self.lineStarts = lineStarts
        self.starts = starts
        self.contentEnds = contentEnds
        self.lineStarts.append(bytes.count)
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
