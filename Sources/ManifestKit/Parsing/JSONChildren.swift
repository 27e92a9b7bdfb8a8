/// The children of an array (its elements) or of an object (its keys; each key's value is the next node),
/// in document order, without building an array.
public struct JSONChildren: Sequence, IteratorProtocol {
    private let nodes: UnsafeBufferPointer<JSONNode>
    private var position: Int
    private let end: Int
    private let stride: Int

    /// The children of the container at `container` of `document`; none for a scalar.
    init(of container: Int, in document: JSONDocument) {
        nodes = document.nodes
        position = container + 1
        end = Int(document.nodes[container].next)
        stride = document.nodes[container].kind == .object ? 1 : 0
    }

    /// The next element (arrays) or key (objects).
    public mutating func next() -> Int? {
        guard position < end else { return nil }
        let child = position
        // An object member is a key and a value: the next member starts after the value's subtree.
        position = Int(nodes[child + stride].next)
        return child
    }
}

extension JSONDocument {
    /// The elements of the array at `index`, or the keys of the object at `index` (each value is key + 1).
    public func children(of index: Int) -> JSONChildren {
        JSONChildren(of: index, in: self)
    }

    /// The number at `index` as a `Double`, read from its bytes without building a string when it has at
    /// most 15 significant digits and no exponent (then exact or correctly rounded); nil if not a number.
    @inline(__always)
    public func number(at index: Int) -> Double? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        guard node.flags & JSONNode.isInteger != 0, node.end - node.start <= 15, let base = bytes.baseAddress else {
            return decimalNumber(at: index)
        }
        // Most manifest numbers are small integers.
        var position = Int(node.start)
        let end = Int(node.end)
        let negative = base[position] == UInt8(ascii: "-")
        if negative { position &+= 1 }
        var value: Int64 = 0
        while position < end {
            value = value &* 10 &+ Int64(base[position] &- UInt8(ascii: "0"))
            position &+= 1
        }
        return Double(negative ? -value : value)
    }

    /// ``number(at:)`` for numbers with a fraction, an exponent or many digits.
    @inline(never)
    private func decimalNumber(at index: Int) -> Double? {
        let node = nodes[index]
        var position = Int(node.start)
        let end = Int(node.end)
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var decimals = 0
        var seenPoint = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                mantissa = mantissa &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
                if seenPoint { decimals += 1 }
                guard decimals <= 22 else { return double(at: index) }
            } else {
                return double(at: index)  // An exponent.
            }
            guard digits <= 15 else { return double(at: index) }
            position += 1
        }
        // Both are exact doubles, so one division rounds correctly.
        let value = decimals == 0 ? Double(mantissa) : Double(mantissa) / Self.powersOfTen[decimals]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
