/// Reads an image's header without decoding pixels: the format by signature, the stored size from PNG's
/// IHDR chunk or JPEG's frame (SOF) header, JPEG's EXIF orientation, and whether the file ends as its
/// format requires.
///
/// Bytes come from a function, so the same code reads files (with `pread`) and buffers (in tests and
/// fuzzing). It reads only what it needs: a JPEG's segments are walked by their lengths.
public struct ImageHeaderReader {
    /// The file's size in bytes.
    let size: Int
    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    let read: (_ offset: Int, _ count: Int) throws(ImageDefect) -> [UInt8]
    /// The most JPEG segments walked before giving up on finding the frame header.
    static let maxSegments = 4096

    /// Creates a reader of a file of `size` bytes whose bytes `read` returns.
    public init(size: Int, read: @escaping (_ offset: Int, _ count: Int) throws(ImageDefect) -> [UInt8]) {
        self.size = size
        self.read = read
    }

    /// Creates a reader of bytes in memory.
    public init(bytes: [UInt8]) {
        self.init(size: bytes.count) { offset, count in
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        }
    }

    /// The header.
    ///
    /// - Returns: the format and, for PNG and JPEG, the size, orientation and ending; other known formats
    ///   with their format only.
    /// - Throws: ``ImageDefect`` for an empty file, a file no format's signature starts, or a PNG or JPEG
    ///   whose header is cut short or malformed.
    public func header() throws(ImageDefect) -> ImageHeader {
        guard size > 0 else { throw ImageDefect("the file is empty") }
        let head = try read(0, 32)
        guard let format = ImageFormat(sniffing: head) else {
            throw ImageDefect("the file starts with no image signature (\(Self.hex(head.prefix(8))))")
        }
        switch format {
        case .png: return try png(head)
        case .jpeg: return try jpeg()
        default: return ImageHeader(format: format)
        }
    }

    private func png(_ head: [UInt8]) throws(ImageDefect) -> ImageHeader {
        guard head.count >= 24 else { throw ImageDefect("the PNG file ends after \(head.count) bytes, in its header") }
        guard Array(head[12..<16]) == Array("IHDR".utf8), Self.bigEndian(head[8..<12]) == 13 else {
            throw ImageDefect("the PNG file does not start with an IHDR chunk")
        }
        let width = Self.bigEndian(head[16..<20])
        let height = Self.bigEndian(head[20..<24])
        guard width > 0, height > 0, width < 1 << 31, height < 1 << 31 else {
            throw ImageDefect("the PNG header gives an impossible size, \(width) × \(height)")
        }
        let tail = size >= 45 ? try read(size - 12, 12) : []
        let iend: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return ImageHeader(format: .png, width: width, height: height, endsProperly: tail == iend)
    }

    private func jpeg() throws(ImageDefect) -> ImageHeader {
        var offset = 2
        var orientation: Int?
        for _ in 0..<Self.maxSegments {
            let marker = try read(offset, 2)
            guard marker.count == 2 else {
                throw ImageDefect("the JPEG file ends after \(size) bytes, before its frame header")
            }
            guard marker[0] == 0xFF else {
                throw ImageDefect("the JPEG file has no marker at byte \(offset) (found 0x\(Self.hex([marker[0]])))")
            }
            let code = marker[1]
            switch code {
            case 0xFF:
                offset += 1  // A fill byte.
                continue
            case 0x01, 0xD0...0xD8:
                offset += 2  // Markers without a length.
                continue
            case 0xD9, 0xDA:
                throw ImageDefect(
                    "the JPEG file reaches its \(code == 0xD9 ? "end" : "image data") before a frame header")
            default: break
            }
            let lengthBytes = try read(offset + 2, 2)
            guard lengthBytes.count == 2 else {
                throw ImageDefect("the JPEG file ends after \(size) bytes, before its frame header")
            }
            let length = Self.bigEndian(lengthBytes[...])
            guard length >= 2 else { throw ImageDefect("the JPEG segment at byte \(offset) has length \(length)") }
            if Self.isFrameHeader(code) {
                let frame = try read(offset + 4, 5)
                guard frame.count == 5 else {
                    throw ImageDefect("the JPEG file ends after \(size) bytes, in its frame header")
                }
                let height = Self.bigEndian(frame[1..<3])
                let width = Self.bigEndian(frame[3..<5])
                guard width > 0, height > 0 else {
                    throw ImageDefect("the JPEG frame header gives a size of \(width) × \(height)")
                }
                let tail = size >= 4 ? try read(size - 2, 2) : []
                return ImageHeader(
                    format: .jpeg, width: width, height: height, orientation: orientation,
                    endsProperly: tail == [0xFF, 0xD9])
            }
            if code == 0xE1, orientation == nil {
                orientation = EXIFOrientation.read(try read(offset + 4, length - 2))
            }
            offset += 2 + length
        }
        throw ImageDefect("the JPEG file has more than \(Self.maxSegments) segments before its frame header")
    }

    /// Whether a marker starts a frame header (SOF0–SOF15 except DHT, JPG and DAC).
    private static func isFrameHeader(_ code: UInt8) -> Bool {
        (0xC0...0xCF).contains(code) && code != 0xC4 && code != 0xC8 && code != 0xCC
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
