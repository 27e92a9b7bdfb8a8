extension JSONDocument {
    /// The decoded UTF-8 bytes of the string at `index` (escapes resolved).
    func stringBytes(at index: Int) -> [UInt8] {
        let node = nodes[index]
        let content = UnsafeBufferPointer(rebasing: bytes[Int(node.start) + 1..<Int(node.end) - 1])
        return node.flags & JSONNode.hasEscapes == 0 ? Array(content) : Self.unescape(content)
    }

    /// Calls `body` with the decoded bytes of the string at `index`: in place when it has no escapes.
    func withStringBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let node = nodes[index]
        if node.flags & JSONNode.hasEscapes == 0 {
            return body(UnsafeBufferPointer(rebasing: bytes[Int(node.start) + 1..<Int(node.end) - 1]))
        }
        return stringBytes(at: index).withUnsafeBufferPointer(body)
    }

    /// The value of the member whose key decodes to `utf8` in the object at `object`.
    func member(utf8 wanted: [UInt8], in object: Int) -> Int? {
        wanted.withUnsafeBufferPointer { member(bytes: $0, in: object) }
    }

    /// The value of the member whose key decodes to `wanted` in the object at `object`.
    func member(bytes wanted: UnsafeBufferPointer<UInt8>, in object: Int) -> Int? {
        var member = object + 1
        let end = Int(nodes[object].next)
        while member < end {
            if keyEquals(member, wanted) { return member + 1 }
            member = Int(nodes[member + 1].next)
        }
        return nil
    }

    /// JSON equality of the node at `index` and a schema value: numbers by value, objects in any order.
    func equals(_ index: Int, _ value: SchemaValue) -> Bool {
        let node = nodes[index]
        switch (node.kind, value) {
        case (.null, .null): return true
        case (.true, .bool(let flag)): return flag
        case (.false, .bool(let flag)): return !flag
        case (.number, .number(let number)): return ExactNumber(rawText(at: index)) == number
        case (.string, .string(let text)): return stringBytes(at: index).elementsEqual(text.utf8)
        case (.array, .array(let values)):
            let elements = self.elements(of: index)
            return elements.count == values.count && zip(elements, values).allSatisfy { equals($0, $1) }
        case (.object, .object(let members)):
            guard Int(node.count) == members.count else { return false }
            return members.allSatisfy { member in
                self.member(utf8: Array(member.key.utf8), in: index).map { equals($0, member.value) } ?? false
            }
        default: return false
        }
    }

    /// JSON equality of two nodes of this document.
    func equals(_ first: Int, _ second: Int) -> Bool {
        let left = nodes[first]
        let right = nodes[second]
        switch (left.kind, right.kind) {
        case (.null, .null), (.true, .true), (.false, .false): return true
        case (.number, .number): return ExactNumber(rawText(at: first)) == ExactNumber(rawText(at: second))
        case (.string, .string): return stringBytes(at: first) == stringBytes(at: second)
        case (.array, .array):
            let leftElements = elements(of: first)
            let rightElements = elements(of: second)
            return leftElements.count == rightElements.count
                && zip(leftElements, rightElements).allSatisfy { equals($0, $1) }
        case (.object, .object):
            guard left.count == right.count else { return false }
            return members(of: first).allSatisfy { member in
                self.member(utf8: stringBytes(at: member.key), in: second).map { equals(member.value, $0) } ?? false
            }
        default: return false
        }
    }
}

extension JSONDocument {
    /// The number at `index` as `floor + f` with `0 ≤ f < 1`: its floor and whether `f > 0`.
    ///
    /// Nil for numbers with an exponent or more than 18 integer digits, which need exact arithmetic.
    func floorAndFraction(at index: Int) -> (floor: Int, hasFraction: Bool)? {
        Self.floorAndFraction(of: nodes[index], in: bytes)
    }

    /// ``floorAndFraction(at:)`` for the number `node` of `bytes`.
    @inline(__always)
    static func floorAndFraction(of node: JSONNode, in bytes: UnsafeBufferPointer<UInt8>) -> (
        floor: Int, hasFraction: Bool
    )? {
        if node.flags & JSONNode.isInteger != 0, let value = shortInteger(node, in: bytes) { return (value, false) }
        var position = Int(node.start)
        let end = Int(node.end)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var integer = 0
        var digits = 0
        while position < end, bytes[position] &- UInt8(ascii: "0") < 10 {
            integer = integer &* 10 &+ Int(bytes[position] &- UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        guard digits <= 18 else { return nil }
        var fraction = false
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < end, bytes[position] &- UInt8(ascii: "0") < 10 {
                if bytes[position] != UInt8(ascii: "0") { fraction = true }
                position += 1
            }
        }
        guard position == end else { return nil }  // An exponent follows.
        if negative { return fraction ? (-integer - 1, true) : (-integer, false) }
        return (integer, fraction)
    }
}

extension JSONDocument {
    /// The node a JSON Pointer (RFC 6901) names, or nil when there is none; `""` is the root.
    ///
    /// A member whose key repeats is the first one, as ``member(_:in:)`` has it.
    public func node(at pointer: String) -> Int? {
        guard !pointer.isEmpty else { return Self.rootIndex }
        guard pointer.hasPrefix("/") else { return nil }
        var current = Self.rootIndex
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let name = Self.unescapePointerToken(token)
            switch nodes[current].kind {
            case .object:
                guard let value = member(name, in: current) else { return nil }
                current = value
            case .array:
                let elements = elements(of: current)
                guard let position = Int(name), name == String(position), elements.indices.contains(position)
                else { return nil }
                current = elements[position]
            default:
                return nil
            }
        }
        return current
    }

}

extension JSONDocument {
    /// A JSON Pointer token with `~1` and `~0` made `/` and `~` again.
    static func unescapePointerToken(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        var result = ""
        var index = token.startIndex
        while index < token.endIndex {
            let next = token.index(after: index)
            if token[index] == "~", next < token.endIndex, token[next] == "1" || token[next] == "0" {
                result.append(token[next] == "1" ? "/" : "~")
                index = token.index(after: next)
            } else {
                result.append(token[index])
                index = next
            }
        }
        return result
    }
}
