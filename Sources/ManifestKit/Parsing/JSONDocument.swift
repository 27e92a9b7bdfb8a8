/// A parsed line: its bytes and the flat node array written by ``JSONParser``.
///
/// A document is a view into the parser's buffers and the line's bytes. It is valid only until the parser
/// parses the next line and while the line's bytes are alive; copy out what you need to keep.
public struct JSONDocument {
    /// The line's bytes.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Every value of the line in document order; index 0 is the root.
    public let nodes: UnsafeBufferPointer<JSONNode>
    /// Keys that repeat an earlier key of the same object, in the order the objects closed.
    public let duplicateKeys: [DuplicateKey]
    /// Keeps the parser, which owns ``nodes``, alive as long as the document.
    let owner: JSONParser?

    init(
        bytes: UnsafeBufferPointer<UInt8>, nodes: UnsafeBufferPointer<JSONNode>, duplicateKeys: [DuplicateKey],
        owner: JSONParser?
    ) {
        self.bytes = bytes
        self.nodes = nodes
        self.duplicateKeys = duplicateKeys
        self.owner = owner
    }

    /// The index of the root value.
    public static let rootIndex = 0

    /// The root value.
    public var root: JSONNode { nodes[Self.rootIndex] }

    /// The node at `index`.
    public subscript(index: Int) -> JSONNode { nodes[index] }

    // MARK: - Navigating

    /// The key and value node indices of each member of the object at `object`, in document order.
    public func members(of object: Int) -> [(key: Int, value: Int)] {
        var result: [(key: Int, value: Int)] = []
        var member = object + 1
        let end = Int(nodes[object].next)
        while member < end {
            result.append((key: member, value: member + 1))
            member = Int(nodes[member + 1].next)
        }
        return result
    }

    /// The node indices of the elements of the array at `array`.
    public func elements(of array: Int) -> [Int] {
        var result: [Int] = []
        var element = array + 1
        let end = Int(nodes[array].next)
        while element < end {
            result.append(element)
            element = Int(nodes[element].next)
        }
        return result
    }

    /// The value of the member named `name` in the object at `object` (the first, if the key repeats).
    public func member(_ name: String, in object: Int) -> Int? {
        guard nodes[object].kind == .object else { return nil }
        return member(utf8: Array(name.utf8), in: object)
    }

    /// The decoded string at `index` if that node is a string.
    public func stringValue(at index: Int) -> String? {
        nodes[index].kind == .string ? string(at: index) : nil
    }

    /// The JSON Pointer (RFC 6901) of the node at `index`, such as `/bounding-box/annotations/0/left`.
    ///
    /// For an object key, the pointer is that of the member's value.
    public func pointer(to index: Int) -> String {
        var path = ""
        var current = Self.rootIndex
        while current != index {
            let node = nodes[current]
            if node.kind == .object {
                var member = current + 1
                while member < Int(node.next) {
                    let valueEnd = Int(nodes[member + 1].next)
                    if index < valueEnd {
                        path += "/" + Self.escapePointerToken(string(at: member))
                        current = member + 1
                        break
                    }
                    member = valueEnd
                }
                if index == current - 1 { return path }  // `index` is the key of the member just entered.
            } else if node.kind == .array {
                var element = current + 1
                var position = 0
                while element < Int(node.next) {
                    let elementEnd = Int(nodes[element].next)
                    if index < elementEnd {
                        path += "/\(position)"
                        current = element
                        break
                    }
                    element = elementEnd
                    position += 1
                }
            } else {
                break
            }
        }
        return path
    }

    static func escapePointerToken(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }

    // MARK: - Text

    /// The value's source text exactly as written, such as a number's spelling `1.50e2`.
    public func rawText(at index: Int) -> String {
        let node = nodes[index]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)]), as: UTF8.self)
    }

    /// The decoded text of the string at `index`, with escapes resolved; lone surrogates become U+FFFD.
    public func string(at index: Int) -> String {
        let node = nodes[index]
        let content = UnsafeBufferPointer(rebasing: bytes[Int(node.start) + 1..<Int(node.end) - 1])
        if node.flags & JSONNode.hasEscapes == 0 {
            return String(decoding: content, as: UTF8.self)
        }
        return String(decoding: Self.unescape(content), as: UTF8.self)
    }

    /// The number at `index` as an integer, if it is written as one and fits in `Int`.
    public func int(at index: Int) -> Int? {
        let node = nodes[index]
        guard node.kind == .number, node.flags & JSONNode.isInteger != 0 else { return nil }
        return Self.shortInteger(node, in: bytes) ?? Int(rawText(at: index))
    }

    /// The number at `index` as a `Double` (nearest value; may be infinite for huge exponents).
    public func double(at index: Int) -> Double? {
        guard nodes[index].kind == .number else { return nil }
        return Double(rawText(at: index))
    }

    // MARK: - Keys

    /// Whether the strings at `first` and `second` decode to the same text.
    public func keysEqual(_ first: Int, _ second: Int) -> Bool {
        let left = nodes[first]
        let right = nodes[second]
        if left.flags & JSONNode.hasEscapes == 0 && right.flags & JSONNode.hasEscapes == 0 {
            let length = Int(left.end - left.start)
            guard length == Int(right.end - right.start), let base = bytes.baseAddress else { return false }
            return Self.bytesEqual(base + Int(left.start), base + Int(right.start), length)
        }
        return Self.unescape(contentBytes(first)) == Self.unescape(contentBytes(second))
    }

    /// Whether the string at `index` decodes to exactly the UTF-8 bytes `wanted`.
    @inline(__always)
    func keyEquals(_ index: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[index]
        if node.flags & JSONNode.hasEscapes == 0 {
            let length = Int(node.end - node.start) - 2
            guard length == wanted.count, let base = bytes.baseAddress, let other = wanted.baseAddress else {
                return length == 0 && wanted.isEmpty
            }
            return Self.bytesEqual(base + Int(node.start) + 1, other, length)
        }
        return Self.unescape(contentBytes(index)).elementsEqual(wanted)
    }

    private func contentBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(node.start) + 1..<Int(node.end) - 1])
    }

    /// Whether `count` bytes at `left` and `right` are equal.
    @inline(__always)
    static func bytesEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        guard count >= 8 else {
            while index < count {
                if left[index] != right[index] { return false }
                index += 1
            }
            return true
        }
        // Eight bytes at a time; the last eight, which may overlap the words before, settle the rest.
        while index + 8 <= count {
            if word(left, index) != word(right, index) { return false }
            index += 8
        }
        return index == count || word(left, count - 8) == word(right, count - 8)
    }

    @inline(__always)
    private static func word(_ bytes: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self)
    }

    /// Resolves the escapes of validated string content into UTF-8 bytes.
    ///
    /// The text between escapes is copied a run at a time; an escape never writes more bytes than it
    /// spans (`\uXXXX` is six bytes for at most three), so the result fits in `content.count`.
    static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let source = content.baseAddress, !content.isEmpty else { return [] }
        let count = content.count
        return [UInt8](unsafeUninitializedCapacity: count) { output, written in
            let target = output.baseAddress.unsafelyUnwrapped
            var index = 0
            var length = 0
            func put(_ byte: UInt8) {
                target[length] = byte
                length += 1
            }
            while index < count {
                var run = index
                while run < count && source[run] != UInt8(ascii: "\\") { run += 1 }
                if run > index {
                    (target + length).update(from: source + index, count: run - index)
                    length += run - index
                    index = run
                }
                guard index < count else { break }
                guard index + 1 < count else {
                    put(UInt8(ascii: "\\"))  // A lone backslash at the end (not valid JSON) is kept.
                    break
                }
                let escaped = source[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "b"): put(0x08)
                case UInt8(ascii: "f"): put(0x0C)
                case UInt8(ascii: "n"): put(0x0A)
                case UInt8(ascii: "r"): put(0x0D)
                case UInt8(ascii: "t"): put(0x09)
                case UInt8(ascii: "u"):
                    var scalar = hexQuad(content, at: index)
                    index += 4
                    if (0xD800...0xDBFF).contains(scalar), index + 6 <= count, source[index] == UInt8(ascii: "\\"),
                        source[index + 1] == UInt8(ascii: "u")
                    {
                        let low = hexQuad(content, at: index + 2)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                        }
                    }
                    for byte in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") ?? UTF8.EncodedScalar() { put(byte) }
                default: put(escaped)
                }
            }
            written = length
        }
    }

    private static func hexQuad(_ content: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 where index + offset < content.count {
            value = value << 4 | (JSONParser.hexValue(content[index + offset]) ?? 0)
        }
        return value
    }
}

/// A key that repeats an earlier key in the same object.
public struct DuplicateKey: Sendable, Hashable {
    /// The node index of the key's first occurrence.
    public var first: Int
    /// The node index of the repeated key.
    public var duplicate: Int
}

extension String {
    /// This string with every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
