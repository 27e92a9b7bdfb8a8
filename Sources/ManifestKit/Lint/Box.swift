/// One `annotations` entry of a bounding-box attribute: where its members are and their numbers, read in
/// one pass over its keys so that every box rule can use them.
struct Box {
    /// The `annotations` element.
    let annotation: Int
    /// The position of its attribute in ``ManifestLine/pairs``.
    let pair: Int
    /// The value nodes of the members, or -1 for each that is missing.
    private(set) var classID = -1
    private(set) var left = -1
    private(set) var top = -1
    private(set) var width = -1
    private(set) var height = -1
    /// The numbers of `left`, `top`, `width` and `height`; nil for each that is missing or not a number.
    private(set) var leftValue: Double?
    private(set) var topValue: Double?
    private(set) var widthValue: Double?
    private(set) var heightValue: Double?
    /// Whether one of the four is a number not written as an integer (such as `19.5` or `2e1`).
    private(set) var hasNonIntegerNumber = false

    // The member names as little-endian words (the bytes of "class_id", "left", "top", "width", "height"),
    // compared with the first bytes of each key; BoxTests checks them against the names.
    static let classIDWord: UInt64 = 0x6469_5f73_7361_6c63
    static let leftWord: UInt64 = 0x7466_656c
    static let topWord: UInt64 = 0x706f_74
    static let widthWord: UInt64 = 0x68_7464_6977
    static let heightWord: UInt64 = 0x7468_6769_6568

    init(annotation: Int, pair: Int, in document: JSONDocument) {
        self.annotation = annotation
        self.pair = pair
        guard document[annotation].kind == .object else { return }
        var key = annotation + 1
        let end = Int(document[annotation].next)
        while key < end {
            let node = document[key]
            let length = Int(node.end &- node.start) &- 2
            // Keys with escapes are left to the schema, which decodes them.
            if node.flags & JSONNode.hasEscapes == 0, length <= 8 {
                switch Self.word(document, at: Int(node.start) &+ 1, length: length) {
                case Self.classIDWord: classID = key + 1
                case Self.leftWord: left = key + 1
                case Self.topWord: top = key + 1
                case Self.widthWord: width = key + 1
                case Self.heightWord: height = key + 1
                default: break
                }
            }
            key = Int(document[key + 1].next)
        }
        hasNonIntegerNumber =
            Self.isNonInteger(left, document) || Self.isNonInteger(top, document)
            || Self.isNonInteger(width, document) || Self.isNonInteger(height, document)
        if left >= 0 { leftValue = document.number(at: left) }
        if top >= 0 { topValue = document.number(at: top) }
        if width >= 0 { widthValue = document.number(at: width) }
        if height >= 0 { heightValue = document.number(at: height) }
    }

    /// The numbers of `left`, `top`, `width` and `height`, when all four are numbers.
    var geometry: (left: Double, top: Double, width: Double, height: Double)? {
        guard let leftValue, let topValue, let widthValue, let heightValue else { return nil }
        return (leftValue, topValue, widthValue, heightValue)
    }

    /// Whether `node` is a number not written as an integer.
    @inline(__always)
    private static func isNonInteger(_ node: Int, _ document: JSONDocument) -> Bool {
        node >= 0 && document[node].kind == .number && document[node].flags & JSONNode.isInteger == 0
    }

    /// The `length` (at most 8) bytes at `start` as a little-endian word, zero-padded.
    @inline(__always)
    static func word(_ document: JSONDocument, at start: Int, length: Int) -> UInt64 {
        guard let base = document.bytes.baseAddress, start + 8 <= document.bytes.count else {
            var word: UInt64 = 0
            for offset in 0..<length { word |= UInt64(document.bytes[start + offset]) << UInt64(offset * 8) }
            return word
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        return length == 8 ? word : word & ((1 << UInt64(length * 8)) - 1)
    }
}
