/// An error or warning code documented by Amazon Rekognition Custom Labels, spelled exactly as AWS spells it.
///
/// Rules name the code they predict so that a finding can be matched with what the service would
/// later report (`../shared/spec/service-validation.md` §2).
public enum ServiceErrorCode: String, CaseIterable, Sendable, Codable, Hashable {
    // Terminal manifest file errors (dataset ingestion and training).
    case manifestInaccessibleOrUnsupportedFormat = "ERROR_MANIFEST_INACCESSIBLE_OR_UNSUPPORTED_FORMAT"
    case manifestSizeTooLarge = "ERROR_MANIFEST_SIZE_TOO_LARGE"
    case manifestRowsExceedsMaximum = "ERROR_MANIFEST_ROWS_EXCEEDS_MAXIMUM"
    case invalidPermissionsManifestS3Bucket = "ERROR_INVALID_PERMISSIONS_MANIFEST_S3_BUCKET"
    case tooManyRecordsInError = "ERROR_TOO_MANY_RECORDS_IN_ERROR"
    case insufficientImagesPerLabelForDistribute = "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_DISTRIBUTE"
    case emptyManifest = "ERROR_EMPTY_MANIFEST"
    case cannotWriteOutputS3Bucket = "ERROR_CANNOT_WRITE_OUTPUT_S3_BUCKET"

    // Terminal manifest content errors (training).
    case tooManyInvalidRowsInManifest = "ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST"
    case imagesInMultipleS3Buckets = "ERROR_IMAGES_IN_MULTIPLE_S3_BUCKETS"
    case invalidPermissionsImagesS3Bucket = "ERROR_INVALID_PERMISSIONS_IMAGES_S3_BUCKET"
    case invalidImagesS3BucketOwner = "ERROR_INVALID_IMAGES_S3_BUCKET_OWNER"
    case insufficientImagesPerLabelForAutosplit = "ERROR_INSUFFICIENT_IMAGES_PER_LABEL_FOR_AUTOSPLIT"
    case manifestTooFewLabels = "ERROR_MANIFEST_TOO_FEW_LABELS"
    case manifestTooManyLabels = "ERROR_MANIFEST_TOO_MANY_LABELS"
    case insufficientLabelOverlap = "ERROR_INSUFFICIENT_LABEL_OVERLAP"
    case manifestTooFewUsableLabels = "ERROR_MANIFEST_TOO_FEW_USABLE_LABELS"
    case insufficientUsableLabelOverlap = "ERROR_INSUFFICIENT_USABLE_LABEL_OVERLAP"
    case failedImagesS3Copy = "ERROR_FAILED_IMAGES_S3_COPY"

    // JSON Line errors.
    case missingSourceRef = "ERROR_MISSING_SOURCE_REF"
    case invalidSourceRefFormat = "ERROR_INVALID_SOURCE_REF_FORMAT"
    case invalidJSONLine = "ERROR_INVALID_JSON_LINE"
    case noLabelAttributes = "ERROR_NO_LABEL_ATTRIBUTES"
    case invalidLabelAttributeFormat = "ERROR_INVALID_LABEL_ATTRIBUTE_FORMAT"
    case invalidLabelAttributeMetadataFormat = "ERROR_INVALID_LABEL_ATTRIBUTE_METADATA_FORMAT"
    case noValidLabelAttributes = "ERROR_NO_VALID_LABEL_ATTRIBUTES"
    case missingBoundingBoxConfidence = "ERROR_MISSING_BOUNDING_BOX_CONFIDENCE"
    case missingClassMapID = "ERROR_MISSING_CLASS_MAP_ID"
    case invalidBoundingBox = "ERROR_INVALID_BOUNDING_BOX"
    case boundingBoxTooSmall = "ERROR_BOUNDING_BOX_TOO_SMALL"
    case tooManyBoundingBoxes = "ERROR_TOO_MANY_BOUNDING_BOXES"
    case noValidAnnotations = "ERROR_NO_VALID_ANNOTATIONS"
    case invalidImageDimension = "ERROR_INVALID_IMAGE_DIMENSION"
    case unsupportedUseCaseType = "ERROR_UNSUPPORTED_USE_CASE_TYPE"
    case invalidLabelNameLength = "ERROR_INVALID_LABEL_NAME_LENGTH"
    case invalidImage = "ERROR_INVALID_IMAGE"

    // JSON Line warnings: the line is kept but not used for training.
    case unannotatedRecord = "WARNING_UNANNOTATED_RECORD"
    case noAnnotations = "WARNING_NO_ANNOTATIONS"
    case noAttributeAnnotations = "WARNING_NO_ATTRIBUTE_ANNOTATIONS"

    /// Whether the service stops the whole dataset operation or training run on this error.
    ///
    /// JSON Line errors and warnings are not terminal: the service drops or ignores the line and goes on.
    public var isTerminal: Bool {
        switch self {
        case .manifestInaccessibleOrUnsupportedFormat, .manifestSizeTooLarge, .manifestRowsExceedsMaximum,
            .invalidPermissionsManifestS3Bucket, .tooManyRecordsInError, .insufficientImagesPerLabelForDistribute,
            .emptyManifest, .cannotWriteOutputS3Bucket, .tooManyInvalidRowsInManifest, .imagesInMultipleS3Buckets,
            .invalidPermissionsImagesS3Bucket, .invalidImagesS3BucketOwner, .insufficientImagesPerLabelForAutosplit,
            .manifestTooFewLabels, .manifestTooManyLabels, .insufficientLabelOverlap, .manifestTooFewUsableLabels,
            .insufficientUsableLabelOverlap, .failedImagesS3Copy:
            return true
        default:
            return false
        }
    }
}
