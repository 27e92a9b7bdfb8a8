internal import CManifestSupport

/// A strict RFC 8259 parser for one JSON Lines line that records where every key and value is.
///
/// The parser writes a flat array of ``JSONNode`` values in document order and reuses its storage from
/// one line to the next, so parsing a manifest allocates only while its largest line grows the buffers.
/// Strings are validated (UTF-8, escapes) but not decoded; ``JSONDocument`` decodes them on demand.
///
/// ```swift
/// let parser = JSONParser()
/// try bytes.withUnsafeBufferPointer { buffer in
///     let document = try parser.parse(buffer)
///     print(document.root.kind)   // .object
/// }
/// ```
public final class JSONParser {
    /// The deepest nesting of arrays and objects accepted; deeper input is a ``JSONSyntaxError``.
    public let maxDepth: Int

    // The parser is used by one thread at a time; dynamic exclusivity checks on these hot fields would cost
    // about a tenth of the parse time.
    @exclusivity(unchecked) private var nodes: UnsafeMutablePointer<JSONNode>
    @exclusivity(unchecked) private var nodeCount = 0
    @exclusivity(unchecked) private var nodeCapacity: Int
    @exclusivity(unchecked) private var stack: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var stackCapacity: Int
    @exclusivity(unchecked) private var duplicates: [DuplicateKey] = []
    /// The fast path's list of structural positions (see ``parseIndexed(_:_:)``).
    @exclusivity(unchecked) private var positions: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var positionCapacity: Int
    /// Whether ``parse(_:)`` tries the structural-index fast path first (tests turn it off to compare).
    var usesStructuralIndex = true
    /// Whether the last line parsed was accepted by the fast path.
    private(set) var lastLineWasIndexed = false
    /// 1 for bytes that end the fast scan of a string: `"`, `\`, controls and non-ASCII.
    private let stringStops: UnsafeMutablePointer<UInt8>

    /// Creates a parser.
    /// - Parameter maxDepth: the deepest nesting accepted (default 512).
    public init(maxDepth: Int = 512) {
        self.maxDepth = max(1, maxDepth)
        nodeCapacity = 256
        nodes = .allocate(capacity: nodeCapacity)
        stackCapacity = 64
        stack = .allocate(capacity: stackCapacity)
        positionCapacity = 1024
        positions = .allocate(capacity: positionCapacity)
        stringStops = .allocate(capacity: 256)
        for byte in 0..<256 {
            stringStops[byte] = (byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x80) ? 1 : 0
        }
    }

    deinit {
        nodes.deallocate()
        stack.deallocate()
        positions.deallocate()
        stringStops.deallocate()
    }

    /// Parses one line (without its line terminator).
    ///
    /// - Parameter bytes: the line's bytes; they must stay valid while the returned document is used.
    /// - Returns: a view of the parsed value, valid until the next call to `parse`.
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the first problem.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONDocument {
        nodeCount = 0
        duplicates.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else {
            throw JSONSyntaxError(.syntax, "expected a JSON value, found end of line", at: 0)
        }
        lastLineWasIndexed = usesStructuralIndex && parseIndexed(base, count)
        if !lastLineWasIndexed {
            // The byte-by-byte parser decides every line the fast path declines, and names the error; a declined
            // line leaves no nodes or duplicates behind.
            try parseValues(base, count)
        }
        return JSONDocument(
            bytes: bytes, nodes: UnsafeBufferPointer(start: nodes, count: nodeCount),
            duplicateKeys: duplicates, owner: self)
    }

    // MARK: - The main loop

    private enum State {
        case value
        case key
        case afterValue
    }

    private func parseValues(_ base: UnsafePointer<UInt8>, _ count: Int) throws(JSONSyntaxError) {
        var position = skipWhitespace(base, 0, count)
        var depth = 0
        var state = State.value
        // The innermost open container, kept in registers: its node, kind and members so far. Its count is
        // written to its node when a child container opens and when it closes, not once per member.
        var container = -1
        var isObject = false
        var members: UInt32 = 0
        while true {
            switch state {
            case .value:
                guard position < count else {
                    throw error(base, count, position, expected: "a JSON value")
                }
                let byte = base[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard depth < maxDepth else {
                        // No nodes past the limit, but the rest of the line is still checked: a line that is
                        // also not JSON is reported as such.
                        try checkSyntaxPastLimit(base, count, from: position, depth: depth)
                        throw JSONSyntaxError(
                            .nestingTooDeep,
                            "arrays and objects are nested deeper than \(maxDepth) levels",
                            at: position)
                    }
                    let opensObject = byte == UInt8(ascii: "{")
                    let index = appendNode(opensObject ? .object : .array, start: position)
                    if container >= 0 { nodes[container].count = members }
                    push(UInt32(index), depth: depth)
                    depth += 1
                    position = skipWhitespace(base, position + 1, count)
                    let closer = opensObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if position < count, base[position] == closer {
                        closeContainer(index, at: position)
                        depth -= 1
                        position += 1
                        state = .afterValue
                    } else if opensObject {
                        container = index
                        isObject = true
                        members = 0
                        guard position < count, base[position] == UInt8(ascii: "\"") else {
                            throw error(base, count, position, expected: "a string key or '}' after '{'")
                        }
                        state = .key
                    } else {
                        container = index
                        isObject = false
                        members = 0
                        state = .value
                    }
                default:
                    position = try scanScalar(base, count, at: position)
                    state = .afterValue
                }
            case .key:
                // The caller has checked that `position` is at a quote.
                position = try scanString(base, count, from: position, flags: 0)
                position = skipWhitespace(base, position, count)
                guard position < count, base[position] == UInt8(ascii: ":") else {
                    throw error(base, count, position, expected: "':' after object key")
                }
                position = skipWhitespace(base, position + 1, count)
                state = .value
            case .afterValue:
                position = skipWhitespace(base, position, count)
                if depth == 0 {
                    guard position == count else {
                        throw error(base, count, position, expected: "end of line after the JSON value")
                    }
                    return
                }
                members &+= 1
                guard position < count else {
                    throw error(
                        base, count, position,
                        expected: Self.afterMember(isObject))
                }
                let byte = base[position]
                if byte == UInt8(ascii: ",") {
                    position = skipWhitespace(base, position + 1, count)
                    if isObject {
                        guard position < count, base[position] == UInt8(ascii: "\"") else {
                            throw error(base, count, position, expected: "a string key after ','")
                        }
                        state = .key
                    } else {
                        state = .value
                    }
                } else if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    nodes[container].count = members
                    closeContainer(container, at: position)
                    if isObject, members > 1 {
                        findDuplicateKeys(base, object: container)
                    }
                    depth -= 1
                    if depth > 0 {
                        container = Int(stack[depth - 1])
                        members = nodes[container].count
                        isObject = nodes[container].kind == .object
                    }
                    position += 1
                    state = .afterValue
                } else {
                    throw error(
                        base, count, position,
                        expected: Self.afterMember(isObject))
                }
            }
        }
    }

    /// Scans the string, number or literal at `position` and returns the offset just past it.
    @inline(__always)
    private func scanScalar(_ base: UnsafePointer<UInt8>, _ count: Int, at position: Int) throws(JSONSyntaxError)
        -> Int
    {
        switch base[position] {
        case UInt8(ascii: "\""): return try scanString(base, count, from: position, flags: 0)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try scanNumber(base, count, from: position)
        case UInt8(ascii: "t"): return try scanLiteral(base, count, from: position, "true", .true)
        case UInt8(ascii: "f"): return try scanLiteral(base, count, from: position, "false", .false)
        case UInt8(ascii: "n"): return try scanLiteral(base, count, from: position, "null", .null)
        default: throw error(base, count, position, expected: "a JSON value")
        }
    }

    /// What may follow a member or element: `',' or '}' after object member`, `',' or ']' after array element`.
    private static func afterMember(_ isObject: Bool) -> String {
        isObject ? "',' or '}' after object member" : "',' or ']' after array element"
    }

    /// Checks the syntax of the rest of a line past the nesting limit, building no nodes.
    ///
    /// `start` is an opening bracket past the limit, with the `depth` containers already open; a stack of one
    /// flag a level says which bracket closes each. Throws the first syntax error; returns when the line is
    /// valid JSON.
    private func checkSyntaxPastLimit(
        _ base: UnsafePointer<UInt8>, _ count: Int, from start: Int, depth: Int
    ) throws(JSONSyntaxError) {
        let keptNodes = nodeCount
        defer { nodeCount = keptNodes }
        var isObject = (0..<depth).map { nodes[Int(stack[$0])].kind == .object }
        var position = start
        var state = State.value
        while true {
            switch state {
            case .value:
                guard position < count else { throw error(base, count, position, expected: "a JSON value") }
                let byte = base[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let opensObject = byte == UInt8(ascii: "{")
                    position = skipWhitespace(base, position + 1, count)
                    if position < count, base[position] == (opensObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        position += 1
                        state = .afterValue
                    } else {
                        isObject.append(opensObject)
                        if opensObject {
                            guard position < count, base[position] == UInt8(ascii: "\"") else {
                                throw error(base, count, position, expected: "a string key or '}' after '{'")
                            }
                            state = .key
                        }
                    }
                default:
                    position = try scanScalar(base, count, at: position)
                    state = .afterValue
                }
                nodeCount = keptNodes
            case .key:
                position = try scanString(base, count, from: position, flags: 0)
                nodeCount = keptNodes
                position = skipWhitespace(base, position, count)
                guard position < count, base[position] == UInt8(ascii: ":") else {
                    throw error(base, count, position, expected: "':' after object key")
                }
                position = skipWhitespace(base, position + 1, count)
                state = .value
            case .afterValue:
                position = skipWhitespace(base, position, count)
                guard let inObject = isObject.last else {
                    guard position == count else {
                        throw error(base, count, position, expected: "end of line after the JSON value")
                    }
                    return
                }
                guard position < count else {
                    throw error(
                        base, count, position,
                        expected: Self.afterMember(inObject))
                }
                let byte = base[position]
                if byte == UInt8(ascii: ",") {
                    position = skipWhitespace(base, position + 1, count)
                    if inObject {
                        guard position < count, base[position] == UInt8(ascii: "\"") else {
                            throw error(base, count, position, expected: "a string key after ','")
                        }
                        state = .key
                    } else {
                        state = .value
                    }
                } else if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    isObject.removeLast()
                    position += 1
                } else {
                    throw error(
                        base, count, position,
                        expected: Self.afterMember(inObject))
                }
            }
        }
    }

    // MARK: - The fast path

    /// Parses a line from the positions of its structure (``clm_json_structurals``), whose nodes
    /// ``clm_json_nodes`` builds, or declines it.
    ///
    /// Writes the same nodes as ``parseValues(_:_:)``, and returns false as soon as anything is unusual (an
    /// escape, invalid UTF-8, a syntax error, too deep a nesting, an object of over 32 members, a repeated
    /// key); ``parse(_:)`` then runs the byte-by-byte parser, which decides and names every error and records
    /// duplicate keys. So this path only has to recognise valid lines, never to explain invalid ones.
    private func parseIndexed(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count < Int(UInt32.max) - 4 else { return false }
        if positionCapacity < count + 4 {
            positions.deallocate()
            positionCapacity = max(count + 4, positionCapacity * 2)
            positions = .allocate(capacity: positionCapacity)
        }
        var highBytes: Int32 = 0
        let listed = clm_json_structurals(base, count, positions, &highBytes)
        guard listed > 0, highBytes == 0 || UTF8Validation.isValid(base, count: count) else { return false }
        // Every node takes at least one position, and every level of nesting one more.
        while nodeCapacity < listed { growNodes() }
        while stackCapacity < min(maxDepth, listed) { growStack() }
        let produced = nodes.withMemoryRebound(to: clm_json_node.self, capacity: nodeCapacity) { out in
            clm_json_nodes(base, count, positions, listed, out, stack, maxDepth)
        }
        guard produced >= 0 else { return false }
        nodeCount = produced
        return true
    }

    // MARK: - Scalars

    /// Scans a string starting at its opening quote and returns the offset just past its closing quote.
    @inline(__always)
    private func scanString(
        _ base: UnsafePointer<UInt8>, _ count: Int, from start: Int, flags initialFlags: UInt8
    ) throws(JSONSyntaxError) -> Int {
        var position = start + 1
        var flags = initialFlags
        let stops = stringStops
        while true {
            // Fast path: skip ordinary ASCII sixteen, then eight bytes at a time, then jump to the first byte
            // that matters.
            var found = false
            while position + 16 <= count {
                let mask = clm_string_stops16(base + position)
                if mask != 0 {
                    position += Int(mask.trailingZeroBitCount)
                    found = true
                    break
                }
                position += 16
            }
            while !found && position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let mask = Self.attentionMask(word)
                if mask != 0 {
                    position += mask.trailingZeroBitCount >> 3
                    found = true
                    break
                }
                position += 8
            }
            if !found {
                while position < count, stops[Int(base[position])] == 0 {
                    position += 1
                }
            }
            guard position < count else {
                throw JSONSyntaxError(
                    .syntax, "unterminated string: no closing '\"' before the end of the line",
                    at: start)
            }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                appendScalar(.string, start: start, end: position + 1, flags: flags)
                return position + 1
            } else if byte == UInt8(ascii: "\\") {
                flags |= JSONNode.hasEscapes
                position = try scanEscape(base, count, at: position)
            } else if byte >= 0x80 {
                guard let length = UTF8Validation.sequenceLength(base, at: position, count: count) else {
                    throw JSONSyntaxError(.invalidUTF8, "invalid UTF-8 byte 0x\(hex(byte)) in string", at: position)
                }
                position += length
            } else if byte == 0 {
                throw JSONSyntaxError(.nulByte, "NUL byte in string", at: position)
            } else {
                throw JSONSyntaxError(
                    .syntax,
                    "unescaped control character \(Self.scalarName(UInt32(byte))) in string",
                    at: position)
            }
        }
    }

    /// A mask with the high bit set in each byte of `word` that is `"`, `\\`, below 0x20 or above 0x7F.
    ///
    /// Borrows can set bits above a true match, never below one, so the lowest set bit is always exact.
    @inline(__always)
    private static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return ((hasQuote | hasBackslash | hasControl) & highs) | (word & highs)
    }

    /// Checks the escape at `position` (a backslash) and returns the offset just past it.
    private func scanEscape(_ base: UnsafePointer<UInt8>, _ count: Int, at position: Int) throws(JSONSyntaxError) -> Int
    {
        guard position + 1 < count else {
            throw JSONSyntaxError(.syntax, "unterminated escape: '\\' at the end of the line", at: position)
        }
        switch base[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return position + 2
        case UInt8(ascii: "u"):
            var index = position + 2
            while index < position + 6 {
                guard index < count, Self.hexValue(base[index]) != nil else {
                    throw JSONSyntaxError(
                        .syntax, "invalid unicode escape: expected 4 hex digits after '\\u'",
                        at: position)
                }
                index += 1
            }
            return index
        default:
            let found = describe(base, count, position + 1)
            throw JSONSyntaxError(.syntax, "invalid escape '\\' followed by \(found) in string", at: position)
        }
    }

    /// Scans a number and returns the offset just past it.
    @inline(__always)
    private func scanNumber(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) throws(JSONSyntaxError) -> Int
    {
        var position = start
        var flags = JSONNode.isInteger
        if base[position] == UInt8(ascii: "-") {
            position += 1
            guard position < count, Self.isDigit(base[position]) else {
                throw JSONSyntaxError(
                    .syntax, "expected a digit after '-', found \(describe(base, count, position))",
                    at: position)
            }
        }
        if base[position] == UInt8(ascii: "0") {
            position += 1
            if position < count, Self.isDigit(base[position]) {
                throw JSONSyntaxError(.syntax, "number has a leading zero", at: start)
            }
        } else {
            while position < count, Self.isDigit(base[position]) { position += 1 }
        }
        if position < count, base[position] == UInt8(ascii: ".") {
            flags = 0
            position += 1
            guard position < count, Self.isDigit(base[position]) else {
                throw JSONSyntaxError(
                    .syntax,
                    "expected a digit after '.' in number, found \(describe(base, count, position))",
                    at: position)
            }
            while position < count, Self.isDigit(base[position]) { position += 1 }
        }
        if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
            flags = 0
            position += 1
            if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < count, Self.isDigit(base[position]) else {
                throw JSONSyntaxError(
                    .syntax,
                    "expected a digit in the exponent, found \(describe(base, count, position))",
                    at: position)
            }
            while position < count, Self.isDigit(base[position]) { position += 1 }
        }
        appendScalar(.number, start: start, end: position, flags: flags)
        return position
    }

    private func scanLiteral(
        _ base: UnsafePointer<UInt8>, _ count: Int, from start: Int, _ literal: StaticString, _ kind: JSONNode.Kind
    ) throws(JSONSyntaxError) -> Int {
        let length = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        var index = 0
        while index < length {
            guard start + index < count, base[start + index] == text[index] else {
                throw JSONSyntaxError(.syntax, "invalid literal: expected '\(literal)'", at: start)
            }
            index += 1
        }
        appendScalar(kind, start: start, end: start + length, flags: 0)
        return start + length
    }

    // MARK: - Nodes

    @inline(__always)
    private func appendNode(_ kind: JSONNode.Kind, start: Int) -> Int {
        if nodeCount == nodeCapacity { growNodes() }
        let index = nodeCount
        nodes[index] = JSONNode(
            start: UInt32(truncatingIfNeeded: start), end: 0, next: 0, count: 0, kind: kind,
            flags: 0)
        nodeCount += 1
        return index
    }

    @inline(__always)
    private func appendScalar(_ kind: JSONNode.Kind, start: Int, end: Int, flags: UInt8) {
        if nodeCount == nodeCapacity { growNodes() }
        nodes[nodeCount] = JSONNode(
            start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
            next: UInt32(truncatingIfNeeded: nodeCount + 1), count: 0, kind: kind,
            flags: flags)
        nodeCount += 1
    }

    private func growNodes() {
        let newCapacity = nodeCapacity * 2
        let grown = UnsafeMutablePointer<JSONNode>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: nodes, count: nodeCount)
        nodes.deallocate()
        nodes = grown
        nodeCapacity = newCapacity
    }

    @inline(__always)
    private func push(_ index: UInt32, depth: Int) {
        if depth == stackCapacity { growStack() }
        stack[depth] = index
    }

    private func growStack() {
        let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: stackCapacity * 2)
        grown.moveInitialize(from: stack, count: stackCapacity)
        stack.deallocate()
        stack = grown
        stackCapacity *= 2
    }

    /// Closes the container at node `index`, whose closing bracket is at `position`.
    @inline(__always)
    private func closeContainer(_ index: Int, at position: Int) {
        nodes[index].end = UInt32(truncatingIfNeeded: position + 1)
        nodes[index].next = UInt32(truncatingIfNeeded: nodeCount)
    }

    // MARK: - Duplicate keys

    /// Records each key of the object at node `object` that repeats an earlier key of the same object.
    private func findDuplicateKeys(_ base: UnsafePointer<UInt8>, object: Int) {
        let end = Int(nodes[object].next)
        let document = JSONDocument(
            bytes: UnsafeBufferPointer(start: base, count: Int(nodes[object].end)),
            nodes: UnsafeBufferPointer(start: nodes, count: nodeCount), duplicateKeys: [],
            owner: nil)
        if nodes[object].count > 32 {
            findDuplicateKeysHashing(document, object: object)
            return
        }
        // Small objects: compare each key with the keys before it, but only when an earlier key has the same
        // raw length (one bit per length modulo 64) or escapes are involved; almost every key is settled by
        // that one test.
        var lengths: UInt64 = 1 << UInt64((nodes[object + 1].end &- nodes[object + 1].start) & 63)
        var escapes = nodes[object + 1].flags & JSONNode.hasEscapes != 0
        var later = Int(nodes[object + 2].next)
        while later < end {
            let laterLength = nodes[later].end &- nodes[later].start
            let laterEscaped = nodes[later].flags & JSONNode.hasEscapes != 0
            let bit: UInt64 = 1 << UInt64(laterLength & 63)
            if laterEscaped || escapes || lengths & bit != 0 {
                var earlier = object + 1
                while earlier < later {
                    let mayMatch =
                        laterEscaped || nodes[earlier].flags & JSONNode.hasEscapes != 0
                        || nodes[earlier].end &- nodes[earlier].start == laterLength
                    if mayMatch && document.keysEqual(earlier, later) {
                        duplicates.append(DuplicateKey(first: earlier, duplicate: later))
                        break
                    }
                    earlier = Int(nodes[earlier + 1].next)
                }
            }
            lengths |= bit
            escapes = escapes || laterEscaped
            later = Int(nodes[later + 1].next)
        }
    }

    private func findDuplicateKeysHashing(_ document: JSONDocument, object: Int) {
        var seen: [String: Int] = [:]
        var member = object + 1
        let end = Int(nodes[object].next)
        while member < end {
            let text = document.string(at: member)
            if let first = seen[text] {
                duplicates.append(DuplicateKey(first: first, duplicate: member))
            } else {
                seen[text] = member
            }
            member = Int(nodes[member + 1].next)
        }
    }

    // MARK: - Errors

    /// Builds the error for an unexpected byte (or end of line) at `position`.
    private func error(
        _ base: UnsafePointer<UInt8>, _ count: Int, _ position: Int, expected: String
    ) -> JSONSyntaxError {
        if position < count {
            let byte = base[position]
            if byte == 0 { return JSONSyntaxError(.nulByte, "NUL byte where \(expected) was expected", at: position) }
            if byte >= 0x80, UTF8Validation.sequenceLength(base, at: position, count: count) == nil {
                return JSONSyntaxError(.invalidUTF8, "invalid UTF-8 byte 0x\(hex(byte))", at: position)
            }
        }
        var message = "expected \(expected), found \(describe(base, count, position))"
        if position < count {
            let byte = base[position]
            if byte == UInt8(ascii: "'") {
                message += " (JSON strings use double quotes)"
            } else if let hint = Self.foreignLiteralHint(base, count, position) {
                message += hint
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]"),
                previousSignificantByte(base, before: position) == UInt8(ascii: ",")
            {
                message += " (JSON does not allow a trailing comma)"
            }
        }
        return JSONSyntaxError(.syntax, message, at: position)
    }

    private func previousSignificantByte(_ base: UnsafePointer<UInt8>, before position: Int) -> UInt8? {
        var index = position - 1
        while index >= 0, base[index] == 0x20 || base[index] == 0x09 || base[index] == 0x0D || base[index] == 0x0A {
            index -= 1
        }
        return index >= 0 ? base[index] : nil
    }

    /// A hint for words other languages write where JSON has none: Python's `True`, pandas' `NaN`.
    private static func foreignLiteralHint(_ base: UnsafePointer<UInt8>, _ count: Int, _ position: Int) -> String? {
        var end = position
        while end < count, end - position < 10, base[end] >= UInt8(ascii: "A"), base[end] | 0x20 <= UInt8(ascii: "z") {
            end += 1
        }
        switch String(decoding: UnsafeBufferPointer(start: base + position, count: end - position), as: UTF8.self) {
        case "True", "False", "None", "TRUE", "FALSE", "NULL", "Null", "nil":
            return " (JSON literals are lowercase: true, false, null)"
        case "NaN", "Infinity", "inf", "nan":
            return " (JSON has no NaN or Infinity; use a number or null)"
        default:
            return nil
        }
    }

    /// Describes what is at `position` for an error message: `'x'`, a control character, or end of line.
    private func describe(_ base: UnsafePointer<UInt8>, _ count: Int, _ position: Int) -> String {
        guard position < count else { return "end of line" }
        let byte = base[position]
        if byte < 0x20 || byte == 0x7F { return "control character \(Self.scalarName(UInt32(byte)))" }
        if byte == UInt8(ascii: "'") { return "\"'\"" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        guard let length = UTF8Validation.sequenceLength(base, at: position, count: count) else {
            return "byte 0x\(hex(byte))"
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + position, count: length), as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return "byte 0x\(hex(byte))" }
        switch scalar.properties.generalCategory {
        case .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .privateUse, .unassigned:
            // Invisible characters are named by code point only, e.g. U+FEFF or U+00A0.
            return "invisible character \(Self.scalarName(scalar.value))"
        default:
            return "'\(text)' (\(Self.scalarName(scalar.value)))"
        }
    }

    private static func scalarName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    // MARK: - Bytes

    @inline(__always)
    private func skipWhitespace(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var position = start
        // Manifests are usually compact: one compare settles most calls.
        if position < count, base[position] > 0x20 { return position }
        while position < count {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            position += 1
        }
        return position
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
