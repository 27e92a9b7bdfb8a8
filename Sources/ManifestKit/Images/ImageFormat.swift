/// An image file format, as its first bytes (not its name) say.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg = "JPEG"
    case png = "PNG"
    case gif = "GIF"
    case bmp = "BMP"
    case webp = "WebP"
    case tiff = "TIFF"
    case heif = "HEIF"
    case avif = "AVIF"

    /// Whether the service accepts images of this format (PNG and JPEG only).
    public var isAccepted: Bool { self == .jpeg || self == .png }

    /// The format whose signature starts `bytes`, or nil when none is known.
    public init?(sniffing bytes: some RandomAccessCollection<UInt8>) {
        let head = Array(bytes.prefix(16))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            self = .gif
        } else if starts(Array("BM".utf8)) {
            self = .bmp
        } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else if starts(Array("ftyp".utf8), at: 4) {
            let brand = head.count >= 12 ? String(decoding: head[8..<12], as: UTF8.self) : ""
            switch brand {
            case "avif", "avis": self = .avif
            case "heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis": self = .heif
            default: return nil
            }
        } else {
            return nil
        }
    }

    /// The format a file name's extension claims (case-insensitive), or nil for an extension that names
    /// no image format.
    public init?(fileExtensionOf name: some StringProtocol) {
        guard let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].contains("/") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "jpe", "jfif": self = .jpeg
        case "png": self = .png
        case "gif": self = .gif
        case "bmp": self = .bmp
        case "webp": self = .webp
        case "tif", "tiff": self = .tiff
        case "heic", "heif": self = .heif
        case "avif": self = .avif
        default: return nil
        }
    }
}
