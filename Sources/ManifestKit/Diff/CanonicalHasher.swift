/// Hashes a JSON value by its meaning, not its spelling.
///
/// Object members in key order, strings decoded, numbers by value (`1`, `1.0` and `1e0` are one number),
/// whitespace irrelevant; members matching a ``FieldPattern`` left out. Every container is delimited (an array by its length, an object by an end
/// mark), so that values nested differently never hash alike.
///
/// One hasher serves a whole run; its scratch space for sorting keys is reused from value to value.
package final class CanonicalHasher {
    private let patterns: [FieldPattern]
    // One thread, one value at a time: no dynamic exclusivity checks needed.
    @exclusivity(unchecked) private var scratch: [Int] = []
    @exclusivity(unchecked) private var live: [Int] = []

    /// Keys left out wherever they are, at any depth (the service's `errors` inside an annotation).
    private let ignoredEverywhere: [[UInt8]]

    /// A hasher that leaves out the fields matching `patterns`, and members named `ignoredEverywhere` at
    /// any depth.
    package init(ignoring patterns: [FieldPattern], ignoredEverywhere: [String] = []) {
        self.patterns = patterns
        self.ignoredEverywhere = ignoredEverywhere.map { Array($0.utf8) }
    }

    /// The canonical hash of the value at `node` of `document` (the whole line for the root).
    package func hash(_ document: JSONDocument, node: Int = JSONDocument.rootIndex) -> Hash128 {
        var hasher = ValueHasher()
        live.removeAll(keepingCapacity: true)
        live.append(contentsOf: patterns.indices)
        add(document, node, &hasher, depth: 0, liveStart: 0)
        return hasher.finalize()
    }

    /// Adds the value at `node`; `live[liveStart...]` are the patterns whose segments matched the path so far.
    private func add(_ document: JSONDocument, _ node: Int, _ hasher: inout ValueHasher, depth: Int, liveStart: Int) {
        let value = document[node]
        switch value.kind {
        case .null: hasher.combine(1)
        case .false: hasher.combine(2)
        case .true: hasher.combine(3)
        case .string:
            hasher.combine(4)
            addString(document, node, &hasher)
        case .number:
            hasher.combine(5)
            addNumber(document, node, &hasher)
        case .array:
            hasher.combine(6)
            hasher.combine(UInt64(value.count))
            // Patterns name object keys only; they do not reach into arrays.
            for element in document.children(of: node) {
                add(document, element, &hasher, depth: 0, liveStart: live.count)
            }
        case .object:
            hasher.combine(7)
            addObject(document, node, &hasher, depth: depth, liveStart: liveStart)
            // Where the object ends: without it, {"a": {"b": 1}, "c": 2} and {"a": {"b": 1, "c": 2}} hash alike.
            hasher.combine(9)
        }
    }

    private func addObject(
        _ document: JSONDocument, _ node: Int, _ hasher: inout ValueHasher, depth: Int, liveStart: Int
    ) {
        // The members' keys, sorted by their decoded bytes, in this object's stretch of the scratch space.
        let start = scratch.count
        for key in document.children(of: node) { scratch.append(key) }
        let end = scratch.count
        for index in (start + 1)..<max(start + 1, end) {
            let key = scratch[index]
            var position = index
            while position > start && Self.keyOrder(document, key, scratch[position - 1]) {
                scratch[position] = scratch[position - 1]
                position -= 1
            }
            scratch[position] = key
        }
        let liveEnd = live.count
        for index in start..<end {
            let key = scratch[index]
            // Which patterns go on below this key, and whether one ends here (the member is left out).
            var ignored = false
            let nextStart = live.count
            if !ignoredEverywhere.isEmpty {
                Self.withKey(document, key) { name in
                    ignored = ignoredEverywhere.contains { $0.elementsEqual(name) }
                }
            }
            if liveStart < liveEnd {
                Self.withKey(document, key) { name in
                    for position in liveStart..<liveEnd {
                        let pattern = live[position]
                        guard patterns[pattern].matches(name, depth: depth) else { continue }
                        if patterns[pattern].depth == depth + 1 { ignored = true } else { live.append(pattern) }
                    }
                }
            }
            if !ignored {
                hasher.combine(8)
                addString(document, key, &hasher)
                add(document, key + 1, &hasher, depth: depth + 1, liveStart: nextStart)
            }
            live.removeLast(live.count - nextStart)
        }
        scratch.removeLast(scratch.count - start)
    }

    /// Calls `body` with the decoded bytes of the key at `key` (in place when it has no escapes).
    private static func withKey(_ document: JSONDocument, _ key: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let node = document[key]
        if node.flags & JSONNode.hasEscapes == 0 {
            body(UnsafeBufferPointer(rebasing: document.bytes[Int(node.start) + 1..<Int(node.end) - 1]))
        } else {
            document.stringBytes(at: key).withUnsafeBufferPointer(body)
        }
    }

    /// Whether key `left` sorts before key `right` (decoded bytes, lexicographically).
    private static func keyOrder(_ document: JSONDocument, _ left: Int, _ right: Int) -> Bool {
        let leftNode = document[left]
        let rightNode = document[right]
        guard leftNode.flags & JSONNode.hasEscapes == 0 && rightNode.flags & JSONNode.hasEscapes == 0,
            let base = document.bytes.baseAddress
        else {
            return document.stringBytes(at: left).lexicographicallyPrecedes(document.stringBytes(at: right))
        }
        let leftStart = base + Int(leftNode.start) + 1
        let rightStart = base + Int(rightNode.start) + 1
        let leftCount = Int(leftNode.end - leftNode.start) - 2
        let rightCount = Int(rightNode.end - rightNode.start) - 2
        let common = min(leftCount, rightCount)
        var index = 0
        while index < common {
            if leftStart[index] != rightStart[index] { return leftStart[index] < rightStart[index] }
            index += 1
        }
        return leftCount < rightCount
    }

    private func addString(_ document: JSONDocument, _ node: Int, _ hasher: inout ValueHasher) {
        let string = document[node]
        if string.flags & JSONNode.hasEscapes == 0 {
            let content = UnsafeBufferPointer(rebasing: document.bytes[Int(string.start) + 1..<Int(string.end) - 1])
            hasher.combine(UInt64(content.count))
            hasher.combine(bytes: content)
        } else {
            let decoded = document.stringBytes(at: node)
            hasher.combine(UInt64(decoded.count))
            decoded.withUnsafeBufferPointer { hasher.combine(bytes: $0) }
        }
    }

    /// A number as sign, significant digits and power of ten, so that every spelling of a value agrees.
    private func addNumber(_ document: JSONDocument, _ node: Int, _ hasher: inout ValueHasher) {
        let number = document[node]
        if number.flags & JSONNode.isInteger != 0 {
            // An integer's digits, without the trailing zeros, which become the exponent.
            var start = Int(number.start)
            let negative = document.bytes[start] == UInt8(ascii: "-")
            if negative { start += 1 }
            var end = Int(number.end)
            while end > start + 1, document.bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
            let isZero = end == start + 1 && document.bytes[start] == UInt8(ascii: "0")
            hasher.combine(negative && !isZero ? 1 : 0)
            hasher.combine(isZero ? 0 : UInt64(end - start))
            if !isZero { for byte in document.bytes[start..<end] { hasher.combine(byte: byte &- UInt8(ascii: "0")) } }
            hasher.combine(UInt64(bitPattern: Int64(isZero ? 0 : Int(number.end) - end)))
            return
        }
        guard let exact = ExactNumber(document.rawText(at: node)) else { return }
        if exact.isZero {
            // The same three tokens as the integer path for 0.
            hasher.combine(0)
            hasher.combine(0)
            hasher.combine(0)
            return
        }
        hasher.combine(exact.isNegative ? 1 : 0)
        hasher.combine(UInt64(exact.digits.count))
        for digit in exact.digits { hasher.combine(byte: digit) }
        hasher.combine(UInt64(bitPattern: Int64(exact.exponent)))
    }
}
