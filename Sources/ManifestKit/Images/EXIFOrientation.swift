/// Reads the orientation tag (0x0112) of IFD0 from a JPEG APP1 segment's payload.
enum EXIFOrientation {
    /// The orientation, 1–8, or nil when the payload is not EXIF, has no orientation or is malformed.
    static func read(_ payload: [UInt8]) -> Int? {
        guard payload.count >= 14, payload.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = payload[6...]
        let little: Bool
        switch (tiff[tiff.startIndex], tiff[tiff.startIndex + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func integer(_ offset: Int, _ width: Int) -> Int? {
            let start = tiff.startIndex + offset
            guard offset >= 0, start + width <= tiff.endIndex else { return nil }
            let bytes = tiff[start..<start + width]
            return (little ? Array(bytes.reversed()) : Array(bytes)).reduce(0) { $0 << 8 | Int($1) }
        }
        guard integer(2, 2) == 42, let directory = integer(4, 4), let entries = integer(directory, 2) else {
            return nil
        }
        for entry in 0..<min(entries, 512) {
            let at = directory + 2 + entry * 12
            guard let tag = integer(at, 2) else { return nil }
            if tag == 0x0112 {
                guard integer(at + 2, 2) == 3, let value = integer(at + 8, 2), (1...8).contains(value) else {
                    return nil
                }
                return value
            }
        }
        return nil
    }
}
