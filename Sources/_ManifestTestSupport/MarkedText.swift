/// Manifest bytes with `↓` markers taken out and the positions they marked.
package struct MarkedText: Sendable {
    /// A marked position: 1-based line and 1-based column in Unicode scalar values.
    package struct Marker: Sendable, Hashable, CustomStringConvertible {
        package var line: Int
        package var column: Int
        package var description: String { "\(line):\(column)" }

        package init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The bytes without markers.
    package let bytes: [UInt8]
    /// Where the markers were.
    package let markers: [Marker]

    private static let marker: [UInt8] = Array("↓".utf8)

    /// Strips the markers from `marked`.
    package init(_ marked: [UInt8]) {
        var bytes: [UInt8] = []
        var markers: [Marker] = []
        var line = 1
        var column = 1
        var index = 0
        var atFileStart = true
        while index < marked.count {
            if marked[index...].starts(with: Self.marker) {
                markers.append(Marker(line: line, column: column))
                index += Self.marker.count
                continue
            }
            let byte = marked[index]
            bytes.append(byte)
            index += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // A byte order mark at the start of the file is not a column.
                let isByteOrderMark = atFileStart && byte == 0xEF && marked[index...].starts(with: [0xBB, 0xBF])
                if !isByteOrderMark { column += 1 }
            }
            atFileStart = false
        }
        self.bytes = bytes
        self.markers = markers
    }
}
