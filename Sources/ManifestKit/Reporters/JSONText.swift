/// Writing JSON text for reports.
package enum JSONText {
    /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
    package static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        appendQuoted(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends ``quoted(_:)`` of `text` to `output`: the text between escapes is copied a run at a time
    /// (every byte to escape is ASCII, so no multi-byte character is split).
    package static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count + 2)
            output.append(UInt8(ascii: "\""))
            var plain = 0
            for (position, byte) in bytes.enumerated()
            where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<position]))
                plain = position + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                default:
                    let digits = Array("0123456789abcdef".utf8)
                    output += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                    output += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
            output.append(UInt8(ascii: "\""))
        }
    }
}
