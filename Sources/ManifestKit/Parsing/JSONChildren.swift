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
        // Most manifest numbers are integers of a few digits.
        guard node.flags & JSONNode.isInteger != 0, let value = Self.shortInteger(node, in: bytes) else {
            return decimalNumber(at: index)
        }
        return Double(value)
    }

    /// The value of the integer `node` (a number node flagged ``JSONNode/isInteger``) when it has at most
    /// eight digits and the line has eight bytes from its first digit; nil otherwise.
    ///
    /// The digits are converted in one 64-bit word, a few independent multiplications instead of a chain of
    /// one multiply-add per digit.
    @inline(__always)
    static func shortInteger(_ node: JSONNode, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let negative = base[Int(node.start)] == UInt8(ascii: "-")
        let start = Int(node.start) &+ (negative ? 1 : 0)
        let length = Int(node.end) &- start
        guard length <= 8, start &+ 8 <= bytes.count else { return nil }
        // The first digit in the lowest byte; each byte minus "0" is its digit. Shifted up so that the last
        // digit is the highest byte: the bytes below become leading zeros.
        var word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        word = (word &- 0x3030_3030_3030_3030) &<< UInt64((8 &- length) &* 8)
        // Pairs of digits, then groups of four, then all eight: each step multiplies the lower group by its
        // power of ten and adds the higher one, in every lane at once.
        word = (word &* (10 &<< 8 &+ 1)) &>> 8 & 0x00FF_00FF_00FF_00FF
        word = (word &* (100 &<< 16 &+ 1)) &>> 16 & 0x0000_FFFF_0000_FFFF
        word = (word &* (10_000 &<< 32 &+ 1)) &>> 32
        return negative ? -Int(word) : Int(word)
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
