/// A CSV file read as RFC 4180 has it: fields separated by commas, quoted with `"` when they hold a comma,
/// a quote (doubled) or a line break; lines end with LF or CRLF; a byte order mark is skipped.
struct CSVTable {
    /// The rows, each with its 1-based line number (where it starts) and its fields.
    private(set) var rows: [(line: Int, fields: [String])] = []

    /// Reads `bytes` (from `file`, named in errors).
    init(_ bytes: [UInt8], file: String) throws(ConversionError) {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var column = 1
        var field: [UInt8] = []
        var fields: [String] = []
        var rowLine = 1
        var quoted = false
        var afterQuote = false
        func text(_ raw: [UInt8]) throws(ConversionError) -> String {
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw ConversionError(file: file, line: line, column: column, message: "a field that is not UTF-8")
            }
            return text
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                        column += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(byte)
                    if byte == 0x0A {
                        line += 1
                        column = 0
                    }
                }
            } else if byte == UInt8(ascii: ",") {
                fields.append(try text(field))
                field = []
                afterQuote = false
            } else if byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                if byte == 0x0D { index += 1 }
                fields.append(try text(field))
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
                field = []
                fields = []
                afterQuote = false
                line += 1
                column = 0
                rowLine = line
            } else if byte == UInt8(ascii: "\"") && field.isEmpty && !afterQuote {
                quoted = true
            } else if afterQuote {
                throw ConversionError(
                    file: file, line: line, column: column,
                    message: "text after a closing quote: expected ',' or a line end")
            } else {
                field.append(byte)
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if quoted {
            throw ConversionError(file: file, line: rowLine, column: 1, message: "a quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote {
            fields.append(try text(field))
            rows.append((rowLine, fields))
        }
    }
}
