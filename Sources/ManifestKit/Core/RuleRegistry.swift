/// Every rule clmanifest knows, sorted by code, and the same rules by kind.
///
/// Add a new rule to ``all`` and to the list of its kind; the registry tests check the order, that codes
/// are unique, and that the lists agree. The kinds are listed rather than found by casting: a failed
/// dynamic cast to a protocol scans every conformance in the program, which would cost every run
/// milliseconds.
public enum RuleRegistry {
    /// All rules, in code order.
    public static let all: [any Rule.Type] = [
        InvalidJSON.self,
        JSONLineNotObject.self,
        BlankLine.self,
        ByteOrderMark.self,
        InvalidUTF8.self,
        NULByte.self,
        LineTooLong.self,
        DuplicateKeyRule.self,
        NestingTooDeep.self,
        NotJSONLines.self,
        BinaryFile.self,
        MultiLineJSON.self,
        MissingSourceRef.self,
        InvalidSourceRefFormat.self,
        InvalidLabelAttributeFormat.self,
        InvalidLabelAttributeMetadataFormat.self,
        NoLabelAttributes.self,
        UnsupportedUseCaseType.self,
        InvalidLabelNameLength.self,
        NoValidLabelAttributes.self,
        TooManyLabelsPerImage.self,
        ServiceAddedKey.self,
        UnpairedKey.self,
        LabelNotAllowed.self,
        MissingBoundingBoxConfidence.self,
        MissingClassMapID.self,
        InvalidBoundingBox.self,
        BoundingBoxTooSmall.self,
        TooManyBoundingBoxes.self,
        InvalidImageDimension.self,
        NoAttributeAnnotations.self,
        UnannotatedRecord.self,
        NoValidAnnotations.self,
        NoAnnotations.self,
        NonIntegerBoxValue.self,
        DuplicateSourceRef.self,
        ImagesInMultipleBuckets.self,
        TooManyLabels.self,
        TooManyRows.self,
        ManifestTooLarge.self,
        EmptyManifest.self,
        TooFewLabels.self,
        TooManyInvalidLines.self,
        SchemaViolationRule.self,
        ImageNotFound.self,
        UnreadableImage.self,
        UnsupportedImageFormat.self,
        ImageExtensionMismatch.self,
        ImageFileTooLarge.self,
        ImageDimensionsOutOfRange.self,
        ImageAspectRatioTooLarge.self,
        ImageSizeMismatch.self,
        BoxOutsideImage.self,
        BoxTooSmallInImage.self,
        InsufficientLabelOverlap.self,
        TestLabelNotInTraining.self,
        ImageInBothSets.self,
        TooFewImagesForAutoSplit.self,
    ]
}

extension RuleRegistry {
    /// The rules about a file as a whole (CL010–CL012), in code order.
    static let fileRules: [any FileRule.Type] = [NotJSONLines.self, BinaryFile.self, MultiLineJSON.self]
    /// The rules about a line as read and parsed (the rest of CL0xx), in code order.
    static let recordRules: [any RecordRule.Type] = [
        InvalidJSON.self, JSONLineNotObject.self, BlankLine.self, ByteOrderMark.self, InvalidUTF8.self, NULByte.self,
        LineTooLong.self, DuplicateKeyRule.self, NestingTooDeep.self,
    ]
    /// The rules about a parsed manifest line, in code order.
    static let lineRules: [any LineRule.Type] = [
        MissingSourceRef.self, InvalidSourceRefFormat.self, InvalidLabelAttributeMetadataFormat.self,
        NoLabelAttributes.self, UnsupportedUseCaseType.self, InvalidLabelNameLength.self, TooManyLabelsPerImage.self,
        ServiceAddedKey.self, UnpairedKey.self, LabelNotAllowed.self, MissingBoundingBoxConfidence.self,
        MissingClassMapID.self, InvalidBoundingBox.self, BoundingBoxTooSmall.self, TooManyBoundingBoxes.self,
        InvalidImageDimension.self, NoAttributeAnnotations.self, UnannotatedRecord.self, NoAnnotations.self,
        NonIntegerBoxValue.self,
    ]
    /// The rules that decide on a line from its other findings, in code order.
    static let verdictRules: [any LineVerdictRule.Type] = [NoValidLabelAttributes.self, NoValidAnnotations.self]
    /// The rules that report schema violations, in code order.
    static let schemaRules: [any SchemaRule.Type] = [
        InvalidSourceRefFormat.self, InvalidLabelAttributeFormat.self, InvalidLabelAttributeMetadataFormat.self,
        MissingBoundingBoxConfidence.self, SchemaViolationRule.self,
    ]
    /// The rules about the manifest as a whole (CL4xx), in code order.
    static let manifestRules: [any ManifestRule.Type] = [
        DuplicateSourceRef.self, ImagesInMultipleBuckets.self, TooManyLabels.self, TooManyRows.self,
        ManifestTooLarge.self, EmptyManifest.self, TooFewLabels.self, TooManyInvalidLines.self,
    ]
    /// The rules about images on disk (CL6xx), in code order.
    static let imageRules: [any ImageRule.Type] = [
        ImageNotFound.self, UnreadableImage.self, UnsupportedImageFormat.self, ImageExtensionMismatch.self,
        ImageFileTooLarge.self, ImageDimensionsOutOfRange.self, ImageAspectRatioTooLarge.self,
        ImageSizeMismatch.self, BoxOutsideImage.self, BoxTooSmallInImage.self,
    ]
    /// The rules about a dataset's training and test manifests (CL7xx), in code order.
    static let datasetRules: [any DatasetRule.Type] = [
        InsufficientLabelOverlap.self, TestLabelNotInTraining.self, ImageInBothSets.self,
        TooFewImagesForAutoSplit.self,
    ]
    /// The rules that fix their findings on lines.
    static let fixableRules: [any FixableRule.Type] = [
        InvalidJSON.self, JSONLineNotObject.self, BlankLine.self, ByteOrderMark.self, MissingSourceRef.self,
        InvalidSourceRefFormat.self,
        InvalidLabelAttributeFormat.self, InvalidLabelAttributeMetadataFormat.self, MissingBoundingBoxConfidence.self,
        MissingClassMapID.self, InvalidBoundingBox.self, BoundingBoxTooSmall.self, TooManyBoundingBoxes.self,
        NonIntegerBoxValue.self,
    ]
    /// Every rule whose findings carry fixes: the fixable ones and the manifest rules that make their own.
    static let fixingRules: [any FixingRule.Type] = fixableRules + [DuplicateSourceRef.self, ImageSizeMismatch.self]
}
