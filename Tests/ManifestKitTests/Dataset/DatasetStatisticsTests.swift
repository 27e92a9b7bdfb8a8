import Foundation
import ManifestKit
import Testing

/// `stats` counts what an independent reading of the same manifests counts (Foundation's JSON parser and
/// the rules of the README's "stats" section, written here on their own), on one thread and in parts.
@Suite struct DatasetStatisticsTests {
    /// The service's counts, worked out line by line with JSONSerialization.
    struct Expected: Equatable {
        var totalEntries = 0
        var errorEntries = 0
        var labeledEntries = 0
        var labels: [String: (entries: Int, boxEntries: Int, boxes: Int)] = [:]
        var declared = Set<String>()

        static func == (left: Expected, right: Expected) -> Bool {
            left.totalEntries == right.totalEntries && left.errorEntries == right.errorEntries
                && left.labeledEntries == right.labeledEntries && left.declared == right.declared
                && left.labels.mapValues { [$0.entries, $0.boxEntries, $0.boxes] }
                    == right.labels.mapValues { [$0.entries, $0.boxEntries, $0.boxes] }
        }

        init() {}

        init(_ text: String) {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            for line in lines {
                // A blank line is an entry with an error (CL003), as invalid JSON is.
                totalEntries += 1
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    object["source-ref"] is String
                else {
                    errorEntries += 1
                    continue
                }
                var carried = Set<String>()
                var withBox = Set<String>()
                for (key, value) in object where key.hasSuffix("-metadata") {
                    guard let metadata = value as? [String: Any] else { continue }
                    if let name = metadata["class-name"] as? String {
                        carried.insert(name)
                        declared.insert(name)
                    }
                    guard let map = metadata["class-map"] as? [String: String],
                        let attribute = object[String(key.dropLast(9))] as? [String: Any],
                        let boxes = attribute["annotations"] as? [[String: Any]]
                    else { continue }
                    declared.formUnion(map.values)
                    for box in boxes {
                        guard let id = box["class_id"] as? Int, let name = map[String(id)] else { continue }
                        carried.insert(name)
                        withBox.insert(name)
                        labels[name, default: (0, 0, 0)].boxes += 1
                    }
                }
                if !carried.isEmpty { labeledEntries += 1 }
                for name in carried {
                    labels[name, default: (0, 0, 0)].entries += 1
                    if withBox.contains(name) { labels[name, default: (0, 0, 0)].boxEntries += 1 }
                }
            }
            for name in declared where labels[name] == nil { labels[name] = (0, 0, 0) }
        }

        init(_ statistics: DatasetStatistics) {
            totalEntries = statistics.totalEntries
            errorEntries = statistics.errorEntries
            labeledEntries = statistics.labeledEntries
            declared = Set(statistics.labels.map(\.name))
            for label in statistics.labels { labels[label.name] = (label.entries, label.boxEntries, label.boxes) }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func theServiceCountsMatchAnIndependentReading(seed: UInt64) throws {
        let text = GeneratedDataset.manifest(seed: seed, lines: 400)
        let linter = ManifestLinter()
        let review = DatasetReview(training: ("generated.manifest", Array(text.utf8)), linter: linter)
        let statistics = review.training.statistics
        #expect(Expected(statistics) == Expected(text))
        #expect(statistics.totalLabels == Expected(text).declared.count)
        #expect(statistics.errorEntries > 0 && statistics.labeledEntries > 0)
        // Cut into parts on two threads: the same numbers.
        let parallel = ManifestLinter()
        parallel.jobs = 2
        parallel.partBytes = 4096
        let parts = DatasetReview(training: ("generated.manifest", Array(text.utf8)), linter: parallel)
        #expect(Expected(parts.training.statistics) == Expected(statistics))
        #expect(parts.training.statistics.boxArea == statistics.boxArea)
        #expect(parts.training.statistics.labelPairs == statistics.labelPairs)
    }

    /// Distributions, pairs, imbalance and outliers on a manifest small enough to count by hand.
    @Test func theDistributionsOfAKnownManifest() {
        var lines: [String] = []
        // 30 boxes of "dog" of 10 × 10 in 100 × 100 images (1%), then one of 100 × 100 (100%).
        for index in 0..<31 {
            let size = index == 30 ? 100 : 10
            lines.append(
                "{\"source-ref\": \"s3://bucket/\(index).jpg\", \"o\": {\"image_size\": [{\"width\": 100, \"height\": 100, "
                    + "\"depth\": 3}], \"annotations\": [{\"class_id\": 0, \"left\": 0, \"top\": 0, \"width\": \(size), "
                    + "\"height\": \(size)}]}, \"o-metadata\": {\"objects\": [{\"confidence\": 1}], \"class-map\": "
                    + "{\"0\": \"dog\", \"1\": \"cat\"}, \"type\": \"groundtruth/object-detection\", "
                    + "\"human-annotated\": \"yes\", \"creation-date\": \"2024-05-01T08:00:00\", \"job-name\": \"j\"}"
                    + (index < 3
                        ? ", \"c\": 0, \"c-metadata\": {\"confidence\": 1, \"class-name\": \"cat\", "
                            + "\"human-annotated\": \"yes\", \"creation-date\": \"2024-05-01T08:00:00\", "
                            + "\"type\": \"groundtruth/image-classification\"}" : "")
                    + "}")
        }
        let review = DatasetReview(
            training: ("known.manifest", Array((lines.joined(separator: "\n") + "\n").utf8)), linter: ManifestLinter())
        let statistics = review.training.statistics
        #expect(statistics.labels.map(\.name) == ["dog", "cat"])
        #expect(statistics.labels[1].entries == 3 && statistics.labels[1].boxEntries == 0)
        #expect(statistics.imbalanceRatio == 31.0 / 3.0)
        #expect(statistics.labelPairs.map { "\($0.first)+\($0.second):\($0.entries)" } == ["dog+cat:3"])
        #expect(statistics.boxesPerImage.mean == 1 && statistics.labelsPerImage.maximum == 2)
        #expect(statistics.boxArea.count == 31 && abs(statistics.boxArea.minimum - 0.01) < 1e-12)
        #expect(statistics.boxArea.maximum == 1 && abs(statistics.boxArea.percentiles[2] - 0.01) < 1e-12)
        #expect(statistics.boxArea.counts.first == 30 && statistics.boxArea.counts.last == 1)
        #expect(statistics.imageSizes.map { "\($0.width)x\($0.height):\($0.entries)" } == ["100x100:31"])
        #expect(statistics.outlierCount == 1 && statistics.outlierBoxes.first?.line == 31)
        #expect(statistics.fewImageLabels.map(\.name) == ["cat"])
        // CL407 (one image-level label) for the file, CL704 for "cat" (3 images) at its first line.
        #expect(review.readiness.map { "\($0.code):\($0.line ?? 0)" } == ["CL407:0", "CL704:1"])
    }
}
