import ManifestKit

/// Random manifests of image-level and bounding-box lines over a few labels, with some lines the service
/// rejects (invalid JSON, no source-ref), blank lines and repeated images, from a seed.
enum GeneratedDataset {
    static func manifest(seed: UInt64, lines: Int, labels: Int = 6, defects: Bool = true) -> String {
        var generator = SeededGenerator(seed: seed)
        let names = (0..<labels).map { "label-\($0)" }
        var text = ""
        for index in 0..<lines {
            let roll = generator.below(100)
            if defects, roll < 3 {
                text += "{\"source-ref\": \"s3://bucket/bad-\(index).jpg\", \"x\": \n"
                continue
            }
            if defects, roll < 5 {
                text += "\n"
                continue
            }
            if defects, roll < 7 {
                text += "{\"no-source-ref\": 1}\n"
                continue
            }
            // A skewed choice of labels: label-0 is common, the last ones rare.
            let pick = { (generator: inout SeededGenerator) in
                names[min(generator.below(labels), generator.below(labels))]
            }
            let image = "s3://bucket/img-\(index).jpg"
            if generator.below(2) == 0 {
                let first = pick(&generator)
                var line = "{\"source-ref\": \"\(image)\", \"a\": 1, \"a-metadata\": {\"confidence\": 1, "
                line += "\"class-name\": \"\(first)\", \"human-annotated\": \"yes\", \"creation-date\": "
                line += "\"2024-05-01T08:00:00\", \"type\": \"groundtruth/image-classification\"}"
                if generator.below(4) == 0 {
                    let second = pick(&generator)
                    line += ", \"b\": 0, \"b-metadata\": {\"confidence\": 1, \"class-name\": \"\(second)\", "
                    line += "\"human-annotated\": \"yes\", \"creation-date\": \"2024-05-01T08:00:00\", "
                    line += "\"type\": \"groundtruth/image-classification\"}"
                }
                text += line + "}\n"
            } else {
                let width = 200 + generator.below(3) * 400
                let height = 200 + generator.below(2) * 300
                let classes = (0..<(1 + generator.below(3))).map { _ in pick(&generator) }
                let unique = Array(Set(classes)).sorted()
                let boxes = (0..<generator.below(5)).map { _ -> String in
                    let id = generator.below(unique.count)
                    let boxWidth = 2 + generator.below(width / 2)
                    let boxHeight = 2 + generator.below(height / 2)
                    return "{\"class_id\": \(id), \"left\": \(generator.below(width / 2)), \"top\": "
                        + "\(generator.below(height / 2)), \"width\": \(boxWidth), \"height\": \(boxHeight)}"
                }
                let objects = Array(repeating: "{\"confidence\": 1}", count: boxes.count).joined(separator: ", ")
                let map = unique.enumerated().map { "\"\($0.offset)\": \"\($0.element)\"" }.joined(separator: ", ")
                var line = "{\"source-ref\": \"\(image)\", \"boxes\": {\"image_size\": [{\"width\": \(width), "
                line += "\"height\": \(height), \"depth\": 3}], \"annotations\": [\(boxes.joined(separator: ", "))]}, "
                line += "\"boxes-metadata\": {\"objects\": [\(objects)], \"class-map\": {\(map)}, "
                line += "\"type\": \"groundtruth/object-detection\", \"human-annotated\": \"yes\", "
                line += "\"creation-date\": \"2024-05-01T08:00:00\", \"job-name\": \"j\"}}"
                text += line + "\n"
            }
        }
        return text
    }
}
