/// Every rule clmanifest knows, sorted by code.
public enum RuleRegistry {
    /// All rules, in code order.
    ///
    /// Add new rules here; the registry tests check order and uniqueness.
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
        MissingSourceRef.self,
        InvalidSourceRefFormat.self,
        InvalidLabelAttributeFormat.self,
        InvalidLabelAttributeMetadataFormat.self,
        NoLabelAttributes.self,
        UnsupportedUseCaseType.self,
        InvalidLabelNameLength.self,
        NoValidLabelAttributes.self,
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
        DuplicateSourceRef.self,
        ImagesInMultipleBuckets.self,
        TooManyLabels.self,
        TooManyRows.self,
        ManifestTooLarge.self,
        EmptyManifest.self,
        TooFewLabels.self,
        TooManyInvalidLines.self,
        SchemaViolationRule.self,
    ]
}
