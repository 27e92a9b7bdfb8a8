/// Columns and JSON Pointers of a line's findings, in time linear in the line however many findings it has.
///
/// The first few queries are answered directly (a scan from the start of the line, a walk from the root);
/// after ``directQueries`` the locator builds, once, a table of scalar counts every 64 bytes and each
/// node's parent, so that a line with hundreds of thousands of findings (a hostile object of that many keys)
/// does not take quadratic time.
struct JSONLocator {
    /// Queries answered without tables.
    static let directQueries = 16
    private static let stride = 64

    let document: JSONDocument
    private var queries = 0
    /// The scalar count before byte `k × stride`.
    private var checkpoints: [Int] = []
    /// Each node's parent (-1 for the root), whether it is an object key, and its position in its array.
    private var parents: [Int32] = []
    private var isKey: [Bool] = []
    private var positions: [Int32] = []

    init(_ document: JSONDocument) {
        self.document = document
    }

    /// The 1-based column, in Unicode scalar values, of byte `offset` (the start of a value or key).
    ///
    /// A parsed line is valid UTF-8, so the scalars before a value are the bytes before it that do not
    /// continue a sequence.
    mutating func column(_ offset: Int) -> Int {
        queries += 1
        guard queries > Self.directQueries else { return UTF8Validation.scalarCount(document.bytes, upTo: offset) + 1 }
        if checkpoints.isEmpty { buildCheckpoints() }
        let checkpoint = min(offset / Self.stride, checkpoints.count - 1)
        return checkpoints[checkpoint] + Self.leadBytes(document.bytes, checkpoint * Self.stride, offset) + 1
    }

    /// The JSON Pointer of `node` (a key's pointer is its member's).
    mutating func pointer(to node: Int) -> String {
        queries += 1
        guard queries > Self.directQueries else { return document.pointer(to: node) }
        if parents.isEmpty { buildParents() }
        var segments: [String] = []
        var current = node
        while current > JSONDocument.rootIndex {
            let parent = Int(parents[current])
            if document[parent].kind == .object {
                let key = isKey[current] ? current : current - 1
                segments.append(JSONDocument.escapePointerToken(document.string(at: key)))
            } else {
                segments.append(String(positions[current]))
            }
            current = parent
        }
        return segments.reversed().map { "/" + $0 }.joined()
    }

    private mutating func buildCheckpoints() {
        let bytes = document.bytes
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        var start = 0
        repeat {
            checkpoints.append(scalars)
            let end = min(start + Self.stride, bytes.count)
            scalars += Self.leadBytes(bytes, start, end)
            start = end
        } while start < bytes.count
    }

    /// The bytes in `start..<end` that start a UTF-8 sequence (are not `10xxxxxx`).
    private static func leadBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var count = 0
        for index in start..<min(end, bytes.count) where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private mutating func buildParents() {
        let count = document.nodes.count
        parents = [Int32](repeating: -1, count: count)
        isKey = [Bool](repeating: false, count: count)
        positions = [Int32](repeating: 0, count: count)
        // Open containers: index, end (next), and the count of direct children seen.
        var stack: [(index: Int, end: Int, children: Int32)] = []
        for index in 0..<count {
            while let top = stack.last, index >= top.end { stack.removeLast() }
            if let top = stack.last {
                parents[index] = Int32(top.index)
                let ordinal = top.children
                stack[stack.count - 1].children += 1
                if document[top.index].kind == .object {
                    isKey[index] = ordinal % 2 == 0
                } else {
                    positions[index] = ordinal
                }
            }
            let kind = document[index].kind
            if kind == .object || kind == .array { stack.append((index, Int(document[index].next), 0)) }
        }
    }
}
