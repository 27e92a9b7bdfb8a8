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

extension DetectionExamples {
    /// A line with the bounding-box attribute `bb` holding `attribute` (JSON text) and `bb-metadata` holding
    /// `metadata` (JSON text).
    static func line(attribute: String, metadata: String = metadata()) -> String {
        #"{"source-ref": "s3://bucket/a.jpg", "bb": \#(attribute), "bb-metadata": \#(metadata)}"#
    }

    /// An attribute: `image_size` (JSON text) and the boxes.
    static func attribute(
        imageSize: String = #"[{"width": 640, "height": 480, "depth": 3}]"#, annotations: String = "[\(box())]"
    ) -> String {
        #"{"image_size": \#(imageSize), "annotations": \#(annotations)}"#
    }

    /// Metadata for one box of class 0, with each field's JSON text replaceable.
    static func metadata(
        objects: String = #"[{"confidence": 1}]"#, classMap: String = #"{"0": "dog"}"#,
        type: String = #""groundtruth/object-detection""#, humanAnnotated: String = #""yes""#,
        creationDate: String = #""2024-05-01T08:00:00""#
    ) -> String {
        #"{"objects": \#(objects), "class-map": \#(classMap), "type": \#(type), "#
            + #""human-annotated": \#(humanAnnotated), "creation-date": \#(creationDate)}"#
    }
}

/// Builds image-level example lines for rule documentation and tests.
enum ClassificationExamples {
    /// A line with the image-level attribute `name` (value `value`, JSON text) and its metadata (JSON text).
    static func line(
        _ name: String = "l", value: String = "1", metadata: String = metadata(), extra: String = ""
    ) -> String {
        #"{"source-ref": "s3://bucket/a.jpg", "\#(name)": \#(value), "\#(name)-metadata": \#(metadata)\#(extra)}"#
    }

    /// Metadata with each field's JSON text replaceable.
    static func metadata(
        className: String = #""dog""#, confidence: String = "1", humanAnnotated: String = #""yes""#,
        creationDate: String = #""2024-05-01T08:00:00""#, type: String = #""groundtruth/image-classification""#
    ) -> String {
        #"{"confidence": \#(confidence), "class-name": \#(className), "human-annotated": \#(humanAnnotated), "#
            + #""creation-date": \#(creationDate), "type": \#(type)}"#
    }
}

/// Builds example lines for the image rules (`lint --images`), whose images the examples describe.
enum ImageExamples {
    /// An image-level line for the image `s3://bucket/KEY`, with `mark` before its source-ref.
    static func line(_ key: String, mark: String = "") -> String {
        #"{"source-ref": \#(mark)"s3://bucket/\#(key)", "l": 1, "l-metadata": \#(ClassificationExamples.metadata())}"#
    }

    /// A line with boxes for the image `s3://bucket/KEY` whose image_size is `width` × `height`; `mark` goes
    /// before its source-ref, `sizeMark` before image_size's width.
    static func boxes(
        _ key: String, width: Int, height: Int, boxes: [String] = [DetectionExamples.box()], mark: String = "",
        sizeMark: String = ""
    ) -> String {
        let objects = Array(repeating: #"{"confidence": 1}"#, count: boxes.count).joined(separator: ", ")
        return #"{"source-ref": \#(mark)"s3://bucket/\#(key)", "bb": {"image_size": [{"width": \#(sizeMark)\#(width), "#
            + #""height": \#(height), "depth": 3}], "annotations": [\#(boxes.joined(separator: ", "))]}, "#
            + #""bb-metadata": \#(DetectionExamples.metadata(objects: "[" + objects + "]"))}"#
    }
}
