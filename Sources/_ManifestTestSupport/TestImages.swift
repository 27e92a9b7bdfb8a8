/// Small, valid PNG and JPEG files made in memory, for the image checks' tests.
///
/// The PNG is 1-bit grayscale with stored (uncompressed) deflate blocks, so even a 5000-pixel-wide image
/// stays small. The JPEG is a baseline grayscale image of one flat gray, coded with one-symbol Huffman
/// tables (every block: DC difference 0, then end of block), which any decoder reads.
public enum TestImages {
    /// A PNG of `width` × `height` pixels.
    public static func png(width: Int, height: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += chunk("IHDR", bigEndian(width, 4) + bigEndian(height, 4) + [1, 0, 0, 0, 0])
        let row = [UInt8](repeating: 0, count: 1 + (width + 7) / 8)  // Filter byte 0, then black pixels.
        var raw: [UInt8] = []
        raw.reserveCapacity(row.count * height)
        for _ in 0..<height { raw += row }
        bytes += chunk("IDAT", zlibStored(raw))
        bytes += chunk("IEND", [])
        return bytes
    }

    /// A JPEG of `width` × `height` pixels, with an EXIF orientation tag when `orientation` is given.
    public static func jpeg(width: Int, height: Int, orientation: Int? = nil) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        if let orientation {
            // EXIF, big-endian TIFF header, IFD0 with one entry: orientation (0x0112), SHORT, count 1.
            let tiff: [UInt8] =
                [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1]
                + bigEndian(orientation, 2) + [0, 0] + [0, 0, 0, 0]
            bytes += segment(0xE1, Array("Exif".utf8) + [0, 0] + tiff)
        }
        bytes += segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))  // Quantisation table 0, all ones.
        bytes += segment(0xC0, [8] + bigEndian(height, 2) + bigEndian(width, 2) + [1, 1, 0x11, 0])
        // One-symbol Huffman tables: DC class 0 and AC class 0, each the code '0' (length 1) for symbol 0.
        let oneSymbol: [UInt8] = [1] + [UInt8](repeating: 0, count: 15) + [0]
        bytes += segment(0xC4, [0x00] + oneSymbol + [0x10] + oneSymbol)
        bytes += segment(0xDA, [1, 1, 0x00, 0, 63, 0])
        let blocks = ((width + 7) / 8) * ((height + 7) / 8)
        // Two zero bits a block; the last byte padded with ones.
        var scan = [UInt8](repeating: 0, count: (2 * blocks + 7) / 8)
        let used = (2 * blocks) % 8
        if used != 0 { scan[scan.count - 1] = UInt8(0xFF >> used) }
        bytes += scan
        bytes += [0xFF, 0xD9]
        return bytes
    }

    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + bigEndian(payload.count + 2, 2) + payload
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(data.count, 4) + body + bigEndian(Int(crc32(body)), 4)
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(Int(b << 16 | a), 4)
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func bigEndian(_ value: Int, _ width: Int) -> [UInt8] {
        (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
