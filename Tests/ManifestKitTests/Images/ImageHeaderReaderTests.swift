import ManifestKit
import Testing
import _ManifestTestSupport

/// Reads the headers of generated PNG and JPEG files, of other formats' signatures and of broken files.
@Suite struct ImageHeaderReaderTests {
    private func header(_ bytes: [UInt8]) throws -> ImageHeader {
        try ImageHeaderReader(bytes: bytes).header()
    }

    private func defect(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ImageHeaderReader(bytes: bytes).header()
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: [(1, 1), (64, 4096), (640, 480), (5000, 100)])
    func pngSizeIsRead(width: Int, height: Int) throws {
        let read = try header(TestImages.png(width: width, height: height))
        #expect(read == ImageHeader(format: .png, width: width, height: height, endsProperly: true))
    }

    @Test(arguments: [(8, 8), (67, 93), (640, 480), (4097, 64)])
    func jpegSizeIsRead(width: Int, height: Int) throws {
        let read = try header(TestImages.jpeg(width: width, height: height))
        #expect(read == ImageHeader(format: .jpeg, width: width, height: height, endsProperly: true))
    }

    @Test(arguments: 1...8)
    func jpegOrientationIsRead(orientation: Int) throws {
        let read = try header(TestImages.jpeg(width: 100, height: 50, orientation: orientation))
        #expect(read.orientation == orientation)
        #expect(read.isTurned == (orientation >= 5))
        #expect(read.width == 100 && read.height == 50, "the stored size, whatever the orientation")
    }

    @Test func littleEndianEXIFIsRead() throws {
        // The APP1 segment of TestImages, rewritten with an Intel (II) TIFF header and orientation 8.
        let tiff: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0]
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let app1: [UInt8] = [0xFF, 0xE1, 0, UInt8(payload.count + 2)] + payload
        let plain = TestImages.jpeg(width: 70, height: 80)
        let read = try header(Array(plain[..<2]) + app1 + Array(plain[2...]))
        #expect(read.orientation == 8)
    }

    @Test func otherFormatsAreKnownBySignature() throws {
        let signatures: [(ImageFormat, [UInt8])] = [
            (.gif, Array("GIF89a".utf8) + [1, 0, 1, 0]),
            (.gif, Array("GIF87a".utf8)),
            (.bmp, Array("BM".utf8) + [0, 0, 0, 0]),
            (.webp, Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)),
            (.tiff, [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]),
            (.tiff, [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]),
            (.heif, [0, 0, 0, 24] + Array("ftypheic".utf8)),
            (.avif, [0, 0, 0, 24] + Array("ftypavif".utf8)),
        ]
        for (format, bytes) in signatures {
            let read = try header(bytes)
            #expect(read.format == format)
            #expect(!read.format.isAccepted)
            #expect(read.width == nil)
        }
    }

    @Test func filesThatAreNoImageAreDefects() {
        #expect(defect([]) == "the file is empty")
        #expect(
            defect(Array("hello".utf8))?.hasPrefix("the file starts with no image signature (68 65 6C 6C 6F") == true)
        #expect(defect([0, 0, 0, 24] + Array("ftypisom".utf8)) != nil, "an MP4 is no image")
    }

    @Test func brokenPNGHeadersAreDefects() {
        let png = TestImages.png(width: 100, height: 80)
        #expect(defect(Array(png[..<20])) == "the PNG file ends after 20 bytes, in its header")
        var renamed = png
        renamed[12] = UInt8(ascii: "X")
        #expect(defect(renamed) == "the PNG file does not start with an IHDR chunk")
        var zero = png
        zero[16...19] = [0, 0, 0, 0]
        #expect(defect(zero) == "the PNG header gives an impossible size, 0 × 80")
    }

    @Test func pngWithoutIENDIsReadAndFlagged() throws {
        let png = TestImages.png(width: 100, height: 80)
        let cut = try header(Array(png[..<(png.count - 12)]))
        #expect(cut.endsProperly == false)
        #expect(cut.width == 100)
    }

    @Test func brokenJPEGHeadersAreDefects() {
        let jpeg = TestImages.jpeg(width: 100, height: 80)
        #expect(defect(Array(jpeg[..<20]))?.hasPrefix("the JPEG file ends after 20 bytes") == true)
        // The byte after the JFIF segment is no longer a marker.
        var garbled = jpeg
        garbled[20] = 0x12
        #expect(defect(garbled) == "the JPEG file has no marker at byte 20 (found 0x12)")
        // Start of scan before the frame header.
        #expect(defect([0xFF, 0xD8, 0xFF, 0xDA, 0, 2]) == "the JPEG file reaches its image data before a frame header")
        #expect(defect([0xFF, 0xD8, 0xFF, 0xD9]) == "the JPEG file reaches its end before a frame header")
        #expect(defect([0xFF, 0xD8, 0xFF, 0xE0, 0, 1]) == "the JPEG segment at byte 2 has length 1")
        var zero = jpeg
        let frame = jpeg.indices.first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }!
        zero[frame + 5...frame + 8] = [0, 0, 0, 0]
        #expect(defect(zero) == "the JPEG frame header gives a size of 0 × 0")
    }

    @Test func jpegWithoutEndMarkerIsReadAndFlagged() throws {
        let jpeg = TestImages.jpeg(width: 100, height: 80)
        let cut = try header(Array(jpeg[..<(jpeg.count - 2)]))
        #expect(cut.endsProperly == false)
        #expect(cut.height == 80)
    }

    @Test func jpegFillBytesAndMarkersWithoutLengthAreSkipped() throws {
        let jpeg = TestImages.jpeg(width: 300, height: 200)
        let padded = Array(jpeg[..<2]) + [0xFF, 0xFF, 0xFF, 0xD0] + Array(jpeg[2...])
        #expect(try header(padded).width == 300)
    }

    /// Every prefix of a valid file is either read or a defect: no crash, no endless loop.
    @Test func everyPrefixIsReadOrRejected() {
        for file in [TestImages.png(width: 20, height: 30), TestImages.jpeg(width: 20, height: 30, orientation: 6)] {
            for length in 0...file.count {
                let prefix = Array(file[..<length])
                if let read = try? header(prefix) {
                    #expect(read.width == 20 && read.height == 30)
                }
            }
        }
    }

    @Test func extensionsNameFormats() {
        #expect(ImageFormat(fileExtensionOf: "s3://b/a.JPG") == .jpeg)
        #expect(ImageFormat(fileExtensionOf: "a.jpeg") == .jpeg)
        #expect(ImageFormat(fileExtensionOf: "a.png") == .png)
        #expect(ImageFormat(fileExtensionOf: "a.webp") == .webp)
        #expect(ImageFormat(fileExtensionOf: "a.raw") == nil)
        #expect(ImageFormat(fileExtensionOf: "s3://b/dir.v2/image") == nil)
        #expect(ImageFormat(fileExtensionOf: "noextension") == nil)
    }
}
