import Foundation
import ManifestKit
import Testing
import _ManifestTestSupport

/// Looks at files on disk: images, a JPEG whose frame header is far into the file, and paths that are no
/// readable file.
@Suite struct ImageFileTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func imagesAreReadWithTheirSize() throws {
        let png = TestImages.png(width: 320, height: 200)
        #expect(
            ImageFile.inspect(path: try write("a.png", png))
                == .image(
                    size: png.count, header: ImageHeader(format: .png, width: 320, height: 200, endsProperly: true)))
    }

    /// An APP2 segment of 64 KB and another of 60 KB put the frame header beyond the first read.
    @Test func frameHeaderBeyondTheFirstReadIsFound() throws {
        let jpeg = TestImages.jpeg(width: 900, height: 700, orientation: 3)
        let filler = [UInt8](repeating: 0x41, count: 65_533)
        let app2: [UInt8] = [0xFF, 0xE2, 0xFF, 0xFF] + filler + [0xFF, 0xE2, 0xEA, 0x62] + filler.prefix(60_000)
        let path = try write("big.jpg", Array(jpeg[..<2]) + app2 + Array(jpeg[2...]))
        guard case .image(_, let header) = ImageFile.inspect(path: path) else {
            Issue.record("not read")
            return
        }
        #expect(header.width == 900 && header.height == 700 && header.orientation == 3)
    }

    @Test func missingPathsAreMissing() {
        #expect(ImageFile.inspect(path: directory + "/none.jpg") == .missing)
        #expect(ImageFile.inspect(path: directory + "/none/deeper.jpg") == .missing)
    }

    @Test func directoriesAndFIFOsAreNotOpened() throws {
        #expect(ImageFile.inspect(path: directory) == .unreadable("it is a directory"))
        let fifo = directory + "/pipe.jpg"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO with no writer would block; the check must return at once.
        #expect(ImageFile.inspect(path: fifo) == .unreadable("it is not a regular file"))
    }

    /// Root reads every file, and this process cannot drop that; ImagesCommandTests checks the same as
    /// `nobody` through the command.
    @Test(.enabled(if: getuid() != 0, "skipped as root (reads every file): ImagesCommandTests runs it as nobody"))
    func unreadableFilesSayWhy() throws {
        let path = try write("secret.png", TestImages.png(width: 70, height: 70))
        chmod(path, 0)
        defer { chmod(path, 0o600) }
        #expect(ImageFile.inspect(path: path) == .unreadable("permission denied"))
    }

    @Test func defectiveFilesKeepTheirSize() throws {
        let path = try write("cut.jpg", Array(TestImages.jpeg(width: 90, height: 90)[..<30]))
        guard case .defective(let size, let defect) = ImageFile.inspect(path: path) else {
            Issue.record("not a defect")
            return
        }
        #expect(size == 30)
        #expect(defect.message.hasPrefix("the JPEG file ends after 30 bytes"))
    }
}
