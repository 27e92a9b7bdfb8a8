import Foundation
import ManifestKit
import ManifestUpload
import Testing
import _RekognitionTestServer

/// Pulling a dataset as a manifest, and reading the service's entry errors back onto local lines.
@Suite struct DatasetPullerTests {
    static let withErrors =
        #"{"source-ref":"s3://b/x.jpg","cl-metadata":{"is_labeled":true},"box":{"annotations":[{"class_id":0,"left":1,"top":1,"width":0,"height":0,"errors":[{"code":"ERROR_BOUNDING_BOX_TOO_SMALL","message":"The height and width of the bounding box is too small."}]}]},"cl-errors":[{"code":"ERROR_NO_VALID_LABEL_ATTRIBUTES","message":"No valid label attributes found."}],"warnings":[{"code":"WARNING_NO_ANNOTATIONS","message":"No annotations were found."}]}"#

    @Test func everyEntryIsPulledInOrder() throws {
        let fixture = try ServerFixture()
        defer { fixture.server.stop() }
        let lines = ServerFixture.lines(0..<205)
        fixture.server.seed(lines)
        fixture.server.inject(.throttle, on: "ListDatasetEntries")
        var counts: [Int] = []
        let pulled = try DatasetPuller(client: fixture.client, datasetARN: FakeRekognitionServer.datasetARN) {
            counts.append($0)
        }.pull()
        #expect(pulled.entries == 205 && counts == [100, 200, 205])
        #expect(String(decoding: pulled.manifest, as: UTF8.self) == lines.map { $0 + "\n" }.joined())
    }

    @Test func serviceKeysAreStrippedAndTheRestKeptByteForByte() throws {
        let stripped = String(
            decoding: try DatasetPuller.strippingServiceKeys(Self.withErrors), as: UTF8.self)
        #expect(
            stripped
                == #"{"source-ref":"s3://b/x.jpg","box":{"annotations":[{"class_id":0,"left":1,"top":1,"width":0,"height":0}]}}"#
        )
        #expect(
            String(decoding: try DatasetPuller.strippingServiceKeys(#"{"errors":[],"a":1}"#), as: UTF8.self)
                == #"{"a":1}"#)
        #expect(String(decoding: try DatasetPuller.strippingServiceKeys(#"{"errors":[]}"#), as: UTF8.self) == "{}")
        #expect(throws: RekognitionError.self) { try DatasetPuller.strippingServiceKeys("{oops") }
    }

    @Test func entryErrorsBecomeFindingsAtTheLocalLines() throws {
        let directory = NSTemporaryDirectory() + "clmanifest-findings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let manifest = "\(directory)/new.manifest"
        try "{\"source-ref\":\"s3://b/a.jpg\"}\n\n{\"source-ref\":\"s3://b/x.jpg\"}\n".write(
            toFile: manifest, atomically: true, encoding: .utf8)
        let lines = try ServiceEntryFindings.lines(of: ["s3://b/x.jpg", "s3://b/gone.jpg"], inManifest: manifest)
        #expect(lines == ["s3://b/x.jpg": 3])
        let other = #"{"source-ref":"s3://b/gone.jpg","errors":[{"code":"ERROR_X","message":"m"}]}"#
        let (diagnostics, elsewhere) = ServiceEntryFindings.diagnostics(
            entries: [Self.withErrors, other], manifest: "new.manifest", lines: lines)
        #expect(elsewhere == 1)
        #expect(
            TextReporter().render(diagnostics) == """
                new.manifest:3: error: [ERROR_BOUNDING_BOX_TOO_SMALL] the service reports: The height and width of the bounding box is too small.
                new.manifest:3: error: [ERROR_NO_VALID_LABEL_ATTRIBUTES] the service reports: No valid label attributes found.
                new.manifest:3: warning: [WARNING_NO_ANNOTATIONS] the service reports: No annotations were found.

                """)
        #expect(diagnostics.map(\.pointer) == ["/box/annotations/0", nil, nil])
    }
}
