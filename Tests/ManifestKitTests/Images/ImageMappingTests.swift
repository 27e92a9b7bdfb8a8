import Foundation
import ManifestKit
import Testing

/// Reads `PREFIX=DIR` and finds the local path of `source-ref`s.
@Suite struct ImageMappingTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory + "/a=b", withIntermediateDirectories: true)
    }

    @Test func splitsAtTheEqualsSignBeforeAnExistingDirectory() throws {
        let plain = try ImageMapping(parsing: "s3://bucket/cars/=\(directory)")
        #expect(plain == ImageMapping(prefix: "s3://bucket/cars/", directory: directory))
        let keyed = try ImageMapping(parsing: "s3://bucket/year=2024/=\(directory)")
        #expect(keyed.prefix == "s3://bucket/year=2024/")
        let both = try ImageMapping(parsing: "s3://bucket/x/=\(directory)/a=b")
        #expect(both.directory == directory + "/a=b")
    }

    @Test func anS3PrefixAloneIsCheckedInS3() throws {
        let remote = try ImageMapping(parsing: "s3://bucket/cars/")
        #expect(remote.isInS3 && remote.prefix == "s3://bucket/cars/")
        #expect(try ImageMapping(parsing: "s3://bucket/year=2024/").isInS3)
        #expect(!(try ImageMapping(parsing: "s3://bucket/cars/=\(directory)").isInS3))
        #expect(ImageMapping.locate("s3://bucket/cars/a.jpg", in: [remote]) == .inS3("s3://bucket/cars/a.jpg"))
    }

    @Test func malformedMappingsAreErrors() {
        #expect(throws: ImageMappingError.self) { try ImageMapping(parsing: "bucket/cars/") }
        #expect(throws: ImageMappingError.self) { try ImageMapping(parsing: "s3://") }
        #expect(throws: ImageMappingError.self) { try ImageMapping(parsing: "s3://bucket/cars/=missing-directory") }
        #expect(throws: ImageMappingError.self) { try ImageMapping(parsing: "=\(directory)") }
        #expect(throws: ImageMappingError.self) { try ImageMapping(parsing: "s3://bucket/=\(directory)/none") }
    }

    @Test func theLongestPrefixWins() {
        let mappings = [
            ImageMapping(prefix: "s3://bucket/", directory: "all"),
            ImageMapping(prefix: "s3://bucket/cars/", directory: "cars/"),
        ]
        #expect(ImageMapping.locate("s3://bucket/cars/a/1.jpg", in: mappings) == .path("cars/a/1.jpg"))
        #expect(ImageMapping.locate("s3://bucket/dogs/1.jpg", in: mappings) == .path("all/dogs/1.jpg"))
        #expect(ImageMapping.locate("s3://other/1.jpg", in: mappings) == .unmapped)
        #expect(ImageMapping.locate("s3://bucket/../../etc/passwd", in: mappings) == .escapes)
    }
}
