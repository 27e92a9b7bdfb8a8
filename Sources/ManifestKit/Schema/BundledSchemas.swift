/// The schemas shipped with clmanifest: the YAML files of `schemas/`, embedded at build time so the binary
/// works from any directory (see `BundledSchemas+Generated.swift`).
public enum BundledSchemas {
    /// Each bundled document's file name and YAML text.
    public static var documents: [(name: String, text: String)] { generatedDocuments }

    /// The schema every manifest line must satisfy.
    public static let lineSchema = "manifest-line.yaml"
    /// The image-level label attribute value.
    public static let classificationAttribute = "image-classification.yaml#/$defs/attribute"
    /// The image-level label attribute metadata.
    public static let classificationMetadata = "image-classification.yaml#/$defs/metadata"
    /// The object-localization label attribute value.
    public static let detectionAttribute = "object-detection.yaml#/$defs/attribute"
    /// The object-localization label attribute metadata.
    public static let detectionMetadata = "object-detection.yaml#/$defs/metadata"
    /// What any label attribute metadata needs before its `type` is known.
    public static let metadataBase = "common.yaml#/$defs/metadata"
}
