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
        MissingBoundingBoxConfidence.self,
        SchemaViolationRule.self,
    ]

    /// The rule with this code or name, if any.
    public static func rule(named codeOrName: String) -> (any Rule.Type)? {
        all.first { $0.description.code == codeOrName || $0.description.name == codeOrName }
    }
}
