#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The unified diff between a manifest and its fixed version, as `patch -p1` applies it.
///
/// `--- a/FILE`, `+++ b/FILE`, hunks with three lines of context. Fixes only change or remove lines, so which line became
/// which is known (``ManifestFixer/Outcome/origins``) and no diff search is needed.
///
/// ```swift
/// let text = UnifiedDiff(old: input, new: outcome.bytes, origins: outcome.origins, name: "train.manifest").bytes
/// ```
public struct UnifiedDiff {
    /// The diff, empty when nothing changed.
    public private(set) var bytes: [UInt8] = []

    /// A line: its bytes' range in its file, without the line feed.
    private struct Line {
        var content: Range<Int>
        var endsWithNewline: Bool
    }

    private enum Operation {
        case same(old: Int, new: Int)
        case changed(old: Int, new: Int)
        case removed(old: Int)

        var isSame: Bool {
            if case .same = self { return true }
            return false
        }
    }

    /// Lines of context around each change.
    public static let context = 3

    /// The diff of `old` and `new`, where line `j` of `new` came from line `origins[j - 1]` of `old`, for a
    /// file shown as `name`.
    public init(old: [UInt8], new: [UInt8], origins: [Int], name: String) {
        guard old != new else { return }
        let before = Self.lines(old)
        let after = Self.lines(new)
        var operations: [Operation] = []
        operations.reserveCapacity(before.count)
        var next = 0
        for index in before.indices {
            if next < after.count, next < origins.count, origins[next] == index + 1 {
                let same =
                    before[index].endsWithNewline == after[next].endsWithNewline
                    && old[before[index].content] == new[after[next].content]
                operations.append(same ? .same(old: index, new: next) : .changed(old: index, new: next))
                next += 1
            } else {
                operations.append(.removed(old: index))
            }
        }
        bytes = Array("--- a/\(name)\n+++ b/\(name)\n".utf8)
        var start = 0
        var newBefore = 0  // New lines before operations[counted].
        var counted = 0
        while let first = operations[start...].firstIndex(where: { !$0.isSame }) {
            // The hunk runs to the last change followed by fewer than 2 × context unchanged lines.
            var last = first
            var scan = first + 1
            while scan < operations.count {
                if !operations[scan].isSame {
                    last = scan
                } else if scan - last > 2 * Self.context {
                    break
                }
                scan += 1
            }
            let lower = max(start, first - Self.context)
            let upper = min(operations.count, last + Self.context + 1)
            newBefore += operations[counted..<lower].count { if case .removed = $0 { false } else { true } }
            counted = lower
            appendHunk(operations[lower..<upper], newBefore: newBefore, (old, before), (new, after))
            start = upper
            if start >= operations.count { break }
        }
    }

    /// Appends the hunk of `operations`; `newBefore` new lines come before it.
    private mutating func appendHunk(
        _ operations: ArraySlice<Operation>, newBefore: Int, _ before: (bytes: [UInt8], lines: [Line]),
        _ after: (bytes: [UInt8], lines: [Line])
    ) {
        var oldStart = 0
        var oldCount = 0
        var newCount = 0
        var body: [UInt8] = []
        for operation in operations {
            switch operation {
            case .same(let old, _):
                if oldCount == 0 { oldStart = old + 1 }
                oldCount += 1
                newCount += 1
                append(" ", before.lines[old], of: before.bytes, to: &body)
            case .changed(let old, let new):
                if oldCount == 0 { oldStart = old + 1 }
                oldCount += 1
                newCount += 1
                append("-", before.lines[old], of: before.bytes, to: &body)
                append("+", after.lines[new], of: after.bytes, to: &body)
            case .removed(let old):
                if oldCount == 0 { oldStart = old + 1 }
                oldCount += 1
                append("-", before.lines[old], of: before.bytes, to: &body)
            }
        }
        // A hunk that leaves no line names the line before it (0 at the start of the file).
        let newStart = newCount == 0 ? newBefore : newBefore + 1
        bytes += Array("@@ -\(Self.range(oldStart, oldCount)) +\(Self.range(newStart, newCount)) @@\n".utf8)
        bytes += body
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    private func append(_ prefix: String, _ line: Line, of bytes: [UInt8], to body: inout [UInt8]) {
        body += Array(prefix.utf8)
        body += bytes[line.content]
        body.append(0x0A)
        if !line.endsWithNewline { body += Array("\\ No newline at end of file\n".utf8) }
    }

    private static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                if let found = memchr(base + start, 0x0A, buffer.count - start) {
                    let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    result.append(Line(content: start..<end, endsWithNewline: true))
                    start = end + 1
                } else {
                    result.append(Line(content: start..<buffer.count, endsWithNewline: false))
                    start = buffer.count
                }
            }
        }
        return result
    }
}
