import Foundation
import ManifestKit
import Testing

/// `partition`'s guarantees on generated multi-label manifests: every line in exactly one set, as it was
/// and in order; no image in both; every label on two or more images in both, near its share; the same
/// seed, the same bytes.
@Suite struct ManifestPartitionTests {
    private func partition(_ text: String, fraction: Double = 0.2, seed: UInt64, allowUnsplit: Bool = false) throws
        -> ManifestPartition
    {
        let bytes = Array(text.utf8)
        let review = DatasetReview(training: ("m.manifest", bytes), linter: ManifestLinter())
        return try ManifestPartition(
            bytes: bytes, profile: review.training.profile, testFraction: fraction, seed: seed,
            allowUnsplit: allowUnsplit)
    }

    private func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    private func labels(of line: String) -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return [] }
        var found = Set<String>()
        for (key, value) in object where key.hasSuffix("-metadata") {
            guard let metadata = value as? [String: Any] else { continue }
            if let name = metadata["class-name"] as? String { found.insert(name) }
            if let map = metadata["class-map"] as? [String: String],
                let boxes = (object[String(key.dropLast(9))] as? [String: Any])?["annotations"] as? [[String: Any]]
            {
                for box in boxes {
                    if let id = box["class_id"] as? Int, let name = map[String(id)] { found.insert(name) }
                }
            }
        }
        return found
    }

    @Test(arguments: [(11, 0.2), (12, 0.3), (13, 0.1), (14, 0.5)] as [(UInt64, Double)])
    func theGuaranteesHold(seed: UInt64, fraction: Double) throws {
        // Valid lines only, with some images repeated on two lines (they must stay together).
        var text = GeneratedDataset.manifest(seed: seed, lines: 600, labels: 8, defects: false)
        let all = text.split(separator: "\n").map(String.init)
        text += all[0..<20].map { $0.replacingOccurrences(of: "\"a\": 1", with: "\"a\": 1, \"note\": 2") + "\n" }
            .joined()
        let split = try partition(text, fraction: fraction, seed: seed)
        let training = lines(split.training)
        let test = lines(split.test)
        let input = text.split(separator: "\n").map(String.init)
        // Each line in exactly one set, unchanged, in the input's order.
        #expect((training + test).sorted() == input.sorted())
        #expect(training == input.filter(Set(training).contains))
        #expect(test == input.filter(Set(test).contains))
        // No image in both.
        let image = { (line: String) in line.firstMatch(of: /"source-ref": "([^"]+)"/).map { String($0.1) } ?? "" }
        #expect(Set(training.map(image)).isDisjoint(with: test.map(image)))
        // Every label on two or more images in both, near its share.
        var imagesOf: [String: (training: Set<String>, test: Set<String>)] = [:]
        for line in training {
            for label in labels(of: line) { imagesOf[label, default: ([], [])].training.insert(image(line)) }
        }
        for line in test {
            for label in labels(of: line) { imagesOf[label, default: ([], [])].test.insert(image(line)) }
        }
        for (label, sets) in imagesOf where sets.training.count + sets.test.count >= 2 {
            let total = Double(sets.training.count + sets.test.count)
            #expect(!sets.training.isEmpty && !sets.test.isEmpty, "\(label) is in one set only")
            #expect(
                abs(Double(sets.test.count) - fraction * total) <= max(1.5, 0.1 * total),
                "\(label): \(sets.test.count) of \(Int(total)) in the test set")
        }
        // The reported counts are those.
        for counts in split.labels {
            #expect(counts.training == imagesOf[counts.name]?.training.count)
            #expect(counts.test == imagesOf[counts.name]?.test.count)
        }
        // The same seed, the same bytes; another seed, another split.
        let again = try partition(text, fraction: fraction, seed: seed)
        #expect(again.training == split.training && again.test == split.test)
        let other = try partition(text, fraction: fraction, seed: seed + 100)
        #expect(other.test != split.test)
    }

    @Test func linesKeepTheirBytesAndTheLastGetsANewline() throws {
        let text = GeneratedDataset.manifest(seed: 3, lines: 60, labels: 3, defects: false)
        var crlf = text.replacingOccurrences(of: "}\n", with: "}\r\n")
        crlf.removeLast()  // no line ending on the last line ("\r\n" is one Character)
        let split = try partition("\n" + crlf, seed: 1)
        #expect(split.blankLines == 1)
        let output = String(decoding: split.training + split.test, as: UTF8.self)
        #expect(output.components(separatedBy: "\r\n").count - 1 == 59)
        #expect(split.training.last == 0x0A && split.test.last == 0x0A)
    }

    @Test func refusesWhatCannotBeSplit() throws {
        let text = DatasetExamples.entries(["a", "a", "a", "b"])
        #expect(throws: ManifestPartition.Failure.singleImageLabels(["b"])) { try partition(text, seed: 1) }
        let allowed = try partition(text, seed: 1, allowUnsplit: true)
        #expect(lines(allowed.training).contains { $0.contains("\"b\"") })
        #expect(!lines(allowed.test).contains { $0.contains("\"b\"") })
        #expect(throws: ManifestPartition.Failure.notAnEntry(line: 2)) {
            try partition(
                DatasetExamples.entries(["a"]) + "[1]\n" + DatasetExamples.entries(["a"], image: "x"), seed: 1)
        }
    }
}
