/// How a position's `character` counts within a line: UTF-8 bytes when the client offers it, else UTF-16
/// code units as the protocol requires (a character outside the Basic Multilingual Plane counts two).
///
/// Findings count columns in Unicode scalar values from 1 (line 1's byte order mark not counted); the
/// conversions here go between those, byte offsets in a line, and the client's characters.
public enum PositionEncoding: String, Sendable {
    /// `utf-8`.
    case utf8 = "utf-8"
    /// `utf-16`.
    case utf16 = "utf-16"

    /// The encoding to use with a client offering `offered` (`general.positionEncodings`).
    public static func negotiated(from offered: [String]) -> PositionEncoding {
        offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// The byte offset in `line` of the client's `character` (clamped to the line's end; a position inside
    /// a character moves to its start).
    public func byteOffset(of character: Int, in line: [UInt8]) -> Int {
        guard character > 0 else { return 0 }
        var units = 0
        var offset = 0
        while offset < line.count {
            let length = Self.sequenceLength(line[offset])
            let width = self == .utf8 ? length : (length == 4 ? 2 : 1)
            if units + width > character { return offset }
            units += width
            offset = min(line.count, offset + length)
        }
        return line.count
    }

    /// The client's character at byte `offset` of `line`.
    public func character(atByte offset: Int, in line: [UInt8]) -> Int {
        let end = min(max(offset, 0), line.count)
        guard self == .utf16 else { return end }
        var units = 0
        var position = 0
        while position < end {
            let length = Self.sequenceLength(line[position])
            units += length == 4 ? 2 : 1
            position += length
        }
        return units
    }

    /// The byte offset in `line` of a finding's 1-based `column` (scalars; on the first line, after a byte
    /// order mark, whose own column is 0).
    public static func byteOffset(ofColumn column: Int, in line: [UInt8], isFirstLine: Bool) -> Int {
        let bom = isFirstLine && line.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard column > 0 else { return 0 }
        var scalars = 1
        var offset = bom
        while offset < line.count, scalars < column {
            offset = min(line.count, offset + sequenceLength(line[offset]))
            scalars += 1
        }
        return offset
    }

    /// The bytes of the UTF-8 sequence led by `byte` (1 for a stray continuation byte or an invalid lead).
    static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
