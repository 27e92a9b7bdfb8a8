/// Builds object-localization example lines for rule documentation and tests.
enum DetectionExamples {
    /// A line with one bounding-box attribute `bb` of an image `width` × `height`, the given annotation
    /// objects (JSON text), and `objects` entries (one per annotation unless given); `objectsMark` and
    /// `annotationsMark` go before those arrays.
    static func line(
        width: String = "640", height: String = "480", annotations: [String], objects: Int? = nil,
        objectsMark: String = "", annotationsMark: String = ""
    ) -> String {
        let confidences = Array(repeating: #"{"confidence": 1}"#, count: objects ?? annotations.count)
        return #"{"source-ref": "s3://bucket/a.jpg", "bb": {"image_size": [{"width": \#(width), "height": \#(height), "#
            + #""depth": 3}], "annotations": \#(annotationsMark)[\#(annotations.joined(separator: ", "))]}, "bb-metadata": {"objects": \#(objectsMark)"#
            + #"[\#(confidences.joined(separator: ", "))], "class-map": {"0": "dog"}, "#
            + #""type": "groundtruth/object-detection", "human-annotated": "yes", "#
            + #""creation-date": "2024-05-01T08:00:00"}}"#
    }

    /// A box of class 0.
    static func box(top: String = "1", left: String = "2", width: String = "9", height: String = "9") -> String {
        #"{"class_id": 0, "top": \#(top), "left": \#(left), "width": \#(width), "height": \#(height)}"#
    }
}
