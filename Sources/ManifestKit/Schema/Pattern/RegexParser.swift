/// Parses the ECMA-262 pattern subset that can be matched in linear time.
///
/// Supported: literals, `.`, classes with ranges,
/// `\d \w \s` and their negations, `\p{…}` general categories, escapes, groups, alternation, greedy and
/// lazy quantifiers, `^` and `$`. Backreferences, lookaround and `\b` are reported as unsupported.
struct RegexParser {
    private let scalars: [UInt32]
    private var index = 0

    /// The largest count allowed in `{n,m}`.
    static let maxRepeat = 1000

    init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map(\.value)
    }

    /// Parses the whole pattern.
    mutating func parse() throws(RegexSyntaxError) -> RegexSyntax {
        let result = try parseAlternatives()
        if index < scalars.count {
            throw RegexSyntaxError(message: "unmatched ')' at position \(index + 1)")
        }
        return result
    }

    private var current: UInt32? { index < scalars.count ? scalars[index] : nil }

    private func isAt(_ character: Character) -> Bool {
        current == character.unicodeScalars.first?.value
    }

    private mutating func parseAlternatives() throws(RegexSyntaxError) -> RegexSyntax {
        var branches = [try parseSequence()]
        while isAt("|") {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternatives(branches)
    }

    private mutating func parseSequence() throws(RegexSyntaxError) -> RegexSyntax {
        var items: [RegexSyntax] = []
        while let scalar = current, scalar != 0x7C, scalar != 0x29 {  // '|' and ')'
            let atom = try parseAtom()
            items.append(try parseQuantifier(after: atom))
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseQuantifier(after atom: RegexSyntax) throws(RegexSyntaxError) -> RegexSyntax {
        guard let scalar = current else { return atom }
        var bounds: (Int, Int?)?
        switch scalar {
        case 0x2A: bounds = (0, nil)  // *
        case 0x2B: bounds = (1, nil)  // +
        case 0x3F: bounds = (0, 1)  // ?
        case 0x7B:  // {
            if let braces = parseBraces() {
                bounds = braces
                index -= 1  // parseBraces leaves the index on the closing brace's successor.
            }
        default: break
        }
        guard let (minimum, maximum) = bounds else { return atom }
        index += 1
        if isAt("?") { index += 1 }  // Lazy: the same language, so the same answer for "does it match".
        switch atom {
        case .startAnchor, .endAnchor:
            throw RegexSyntaxError(message: "nothing to repeat before a quantifier at position \(index)")
        default: break
        }
        if let maximum, maximum < minimum {
            throw RegexSyntaxError(message: "quantifier {\(minimum),\(maximum)} is out of order")
        }
        if minimum > Self.maxRepeat || (maximum ?? 0) > Self.maxRepeat {
            throw RegexSyntaxError(message: "quantifier counts above \(Self.maxRepeat) are not supported")
        }
        return .repetition(atom, min: minimum, max: maximum)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at the index; on success leaves the index just past `}`.
    private mutating func parseBraces() -> (Int, Int?)? {
        let start = index
        index += 1
        guard let minimum = parseDecimal() else {
            index = start
            return nil
        }
        var maximum: Int? = minimum
        if isAt(",") {
            index += 1
            maximum = parseDecimal()
        }
        guard isAt("}") else {
            index = start
            return nil
        }
        index += 1
        return (minimum, maximum)
    }

    private mutating func parseDecimal() -> Int? {
        var value: Int?
        while let scalar = current, scalar >= 0x30, scalar <= 0x39 {
            value = min((value ?? 0) * 10 + Int(scalar - 0x30), 1_000_000)
            index += 1
        }
        return value
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexSyntax {
        guard let scalar = current else { return .empty }
        let position = index + 1
        index += 1
        switch scalar {
        case 0x5E: return .startAnchor  // ^
        case 0x24: return .endAnchor  // $
        case 0x2E: return .scalars(.dot)  // .
        case 0x28:  // (
            if isAt("?") {
                index += 1
                if isAt(":") {
                    index += 1
                } else if isAt("<"), index + 1 < scalars.count, scalars[index + 1] != 0x3D, scalars[index + 1] != 0x21 {
                    // A named group (?<name>…): the name does not matter for matching.
                    while let next = current, next != 0x3E { index += 1 }
                    guard isAt(">") else { throw RegexSyntaxError(message: "unterminated group name at \(position)") }
                    index += 1
                } else {
                    throw RegexSyntaxError(
                        message: "lookahead and lookbehind (at position \(position)) are not supported")
                }
            }
            let inner = try parseAlternatives()
            guard isAt(")") else {
                throw RegexSyntaxError(message: "missing ')' for the group at position \(position)")
            }
            index += 1
            return inner
        case 0x5B: return .scalars(try parseClass(openedAt: position))  // [
        case 0x5C: return try parseEscape(at: position)  // backslash
        case 0x2A, 0x2B, 0x3F:
            throw RegexSyntaxError(message: "nothing to repeat at position \(position)")
        case 0x7B:
            index -= 1
            if parseBraces() != nil { throw RegexSyntaxError(message: "nothing to repeat at position \(position)") }
            index += 1
            return .scalars(.single(scalar))
        default:
            return .scalars(.single(scalar))
        }
    }

    private mutating func parseEscape(at position: Int) throws(RegexSyntaxError) -> RegexSyntax {
        guard let scalar = current else { throw RegexSyntaxError(message: "pattern ends with '\\'") }
        switch scalar {
        case 0x62, 0x42:  // b B
            throw RegexSyntaxError(message: "word boundaries (\\b, \\B) are not supported")
        case 0x31...0x39, 0x6B:  // 1-9, k
            throw RegexSyntaxError(message: "backreferences (at position \(position)) are not supported")
        default:
            return .scalars(try parseClassEscape(at: position))
        }
    }

    /// Parses an escape after `\` that stands for a set of scalars (also used inside classes).
    private mutating func parseClassEscape(at position: Int) throws(RegexSyntaxError) -> ScalarClass {
        guard let scalar = current else { throw RegexSyntaxError(message: "pattern ends with '\\'") }
        index += 1
        switch scalar {
        case 0x64: return .digit  // d
        case 0x44: return ScalarClass.digit.negated()  // D
        case 0x77: return .word  // w
        case 0x57: return ScalarClass.word.negated()  // W
        case 0x73: return .space  // s
        case 0x53: return ScalarClass.space.negated()  // S
        case 0x74: return .single(0x09)  // t
        case 0x6E: return .single(0x0A)  // n
        case 0x76: return .single(0x0B)  // v
        case 0x66: return .single(0x0C)  // f
        case 0x72: return .single(0x0D)  // r
        case 0x30: return .single(0x00)  // 0
        case 0x63:  // cX
            guard let letter = current, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else {
                throw RegexSyntaxError(message: "invalid control escape at position \(position)")
            }
            index += 1
            return .single(letter % 32)
        case 0x78: return .single(try parseHex(count: 2, at: position))  // xHH
        case 0x75:  // uHHHH or u{H…}
            if isAt("{") {
                index += 1
                var value: UInt32 = 0
                var digits = 0
                while let next = current, let digit = hexDigit(next) {
                    value = value &* 16 &+ digit
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits <= 6, value <= 0x10FFFF, isAt("}") else {
                    throw RegexSyntaxError(message: "invalid \\u{…} escape at position \(position)")
                }
                index += 1
                return .single(value)
            }
            let high = try parseHex(count: 4, at: position)
            // A surrogate pair written as two escapes stands for one scalar.
            if (0xD800...0xDBFF).contains(high), isAt("\\"), index + 1 < scalars.count, scalars[index + 1] == 0x75 {
                let save = index
                index += 2
                if let low = try? parseHex(count: 4, at: position), (0xDC00...0xDFFF).contains(low) {
                    return .single(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                }
                index = save
            }
            return .single(high)
        case 0x70, 0x50:  // p{…} P{…}
            guard isAt("{") else { throw RegexSyntaxError(message: "expected '{' after \\p at position \(position)") }
            index += 1
            var name = ""
            while let next = current, next != 0x7D, let unicode = Unicode.Scalar(next) {
                name.unicodeScalars.append(unicode)
                index += 1
            }
            guard isAt("}") else { throw RegexSyntaxError(message: "unterminated \\p{…} at position \(position)") }
            index += 1
            guard let categories = ScalarClass.categories(forProperty: name) else {
                throw RegexSyntaxError(message: "the Unicode property '\(name)' is not supported")
            }
            let set = ScalarClass(categories: categories)
            return scalar == 0x50 ? set.negated() : set
        default:
            // Identity escapes: syntax characters and other punctuation stand for themselves.
            let isLetterOrDigit =
                (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar)
                || (0x61...0x7A).contains(scalar)
            if isLetterOrDigit {
                throw RegexSyntaxError(message: "unknown escape '\\\(Character(Unicode.Scalar(scalar) ?? "?"))'")
            }
            return .single(scalar)
        }
    }

    private mutating func parseHex(count: Int, at position: Int) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let next = current, let digit = hexDigit(next) else {
                throw RegexSyntaxError(message: "invalid hexadecimal escape at position \(position)")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: scalar - 0x30
        case 0x41...0x46: scalar - 0x41 + 10
        case 0x61...0x66: scalar - 0x61 + 10
        default: nil
        }
    }

    private mutating func parseClass(openedAt position: Int) throws(RegexSyntaxError) -> ScalarClass {
        var set = ScalarClass()
        if isAt("^") {
            set.isNegated = true
            index += 1
        }
        while let scalar = current, scalar != 0x5D {
            let low = try parseClassAtom()
            if isAt("-"), index + 1 < scalars.count, scalars[index + 1] != 0x5D {
                index += 1
                let high = try parseClassAtom()
                guard case .single(let lower) = low, case .single(let upper) = high else {
                    throw RegexSyntaxError(message: "a class range needs single characters at both ends")
                }
                guard lower <= upper else { throw RegexSyntaxError(message: "class range out of order") }
                set.ranges.append(lower...upper)
            } else {
                switch low {
                case .single(let value): set.ranges.append(value...value)
                case .set(let nested): set.nested.append(nested)
                }
            }
        }
        guard isAt("]") else { throw RegexSyntaxError(message: "missing ']' for the class at position \(position)") }
        index += 1
        return set
    }

    private enum ClassAtom {
        case single(UInt32)
        case set(ScalarClass)
    }

    private mutating func parseClassAtom() throws(RegexSyntaxError) -> ClassAtom {
        guard let scalar = current else { throw RegexSyntaxError(message: "unterminated class") }
        index += 1
        guard scalar == 0x5C else { return .single(scalar) }
        if isAt("b") {
            index += 1
            return .single(0x08)
        }
        if isAt("-") {
            index += 1
            return .single(0x2D)
        }
        let escaped = try parseClassEscape(at: index)
        if escaped.nested.isEmpty, escaped.categories.isEmpty, !escaped.isNegated, escaped.ranges.count == 1,
            let range = escaped.ranges.first, range.lowerBound == range.upperBound
        {
            return .single(range.lowerBound)
        }
        return .set(escaped)
    }
}
