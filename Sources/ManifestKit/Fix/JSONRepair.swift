/// Mends the JSON mistakes of lines written by hand or by Python's `str()` of a dict: single-quoted keys
/// and strings, a comma before `}` or `]`, and the literals `True`, `False` and `None`.
///
/// ```swift
/// JSONRepair.edits(in: Array("{'a': True,}".utf8))
/// // [0..<0: …] — `'a'` becomes `"a"`, `True` becomes `true`, the comma goes
/// ```
enum JSONRepair {
    /// The replacements that mend `bytes` (byte ranges and their new text, in order), or nil when the line
    /// has a mistake this does not mend (then no fix is offered).
    static func edits(in bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, content: String)]? {
        var edits: [(range: Range<Int>, content: String)] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard let end = stringEnd(bytes, from: index, quote: byte) else { return nil }
                index = end
            case UInt8(ascii: "'"):
                guard let end = stringEnd(bytes, from: index, quote: byte) else { return nil }
                edits.append((index..<end, doubleQuoted(bytes, index + 1..<end - 1)))
                index = end
            case UInt8(ascii: ","):
                var next = index + 1
                while next < count, [0x20, 0x09, 0x0D].contains(bytes[next]) { next += 1 }
                if next < count, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") {
                    edits.append((index..<index + 1, ""))
                }
                index += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                var end = index
                while end < count, isWordByte(bytes[end]) { end += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                if let literal = pythonLiterals[word] { edits.append((index..<end, literal)) }
                index = end
            default:
                index += 1
            }
        }
        return edits.isEmpty ? nil : edits
    }

    private static let pythonLiterals = ["True": "true", "False": "false", "None": "null"]

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// The index just past the string that opens with `quote` at `start`, or nil when it does not close on
    /// the line.
    private static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int? {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote { return index + 1 }
            index += 1
        }
        return nil
    }

    /// The single-quoted string's content as a double-quoted JSON string: `\'` loses its backslash, a bare
    /// `"` gains one.
    private static func doubleQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ content: Range<Int>) -> String {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        var index = content.lowerBound
        while index < content.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < content.upperBound {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "'") {
                    output.append(next)
                } else {
                    output += [byte, next]
                }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\"") { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
            index += 1
        }
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `bytes` with `edits` applied is one JSON value.
    static func parses(_ bytes: UnsafeBufferPointer<UInt8>, after edits: [(range: Range<Int>, content: String)]) -> Bool
    {
        var repaired: [UInt8] = []
        var position = 0
        for edit in edits {
            repaired += bytes[position..<edit.range.lowerBound]
            repaired += Array(edit.content.utf8)
            position = edit.range.upperBound
        }
        repaired += bytes[position...]
        let parser = JSONParser()
        return repaired.withUnsafeBufferPointer { buffer in
            do {
                _ = try parser.parse(buffer)
                return true
            } catch {
                return false
            }
        }
    }
}
