/// Manifest lines for the dataset rules' examples.
package enum DatasetExamples {
    /// One image-level entry per label of `labels`, each its own image (`s3://bucket/IMAGE-N.jpg`), a line
    /// each.
    package static func entries(_ labels: [String], image: String = "image") -> String {
        labels.enumerated().map { index, label in
            "{\"source-ref\": \"s3://bucket/\(image)-\(label)-\(index).jpg\", \"l\": 1, \"l-metadata\": {\"confidence\": 1, "
                + "\"class-name\": \"\(label)\", \"human-annotated\": \"yes\", \"creation-date\": "
                + "\"2024-05-01T08:00:00\", \"type\": \"groundtruth/image-classification\"}}\n"
        }.joined()
    }
}
