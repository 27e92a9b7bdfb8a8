/// Flags a value that breaks a schema where no more specific rule applies.
public struct SchemaViolationRule: SchemaRule {
    /// The rule's code, documentation and examples.
    public static let description = RuleDescription(
        code: "CL501",
        name: "schema-violation",
        mirrors: nil,
        severity: .error,
        summary: "value does not satisfy the schema",
        rationale: """
            Reported for violations of a user schema given with `--schema` or to `validate`, and of bundled \
            schema parts that name no service code. The message says which keyword failed and the pointer \
            where; the service code, when the schema names one with x-service-code, says what the service \
            would do.
            """,
        fix: "change the value so that it satisfies the schema, or correct the schema",
        conditions: [
            "a value a user schema rejects"
        ],
        triggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "split": ↓"validation"}"#,
                condition: "a value a user schema rejects", schema: "properties: {split: {enum: [train, test]}}"),
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "meta": {"camera": ↓7}}"#,
                condition: "a value a user schema rejects",
                schema: "properties: {meta: {properties: {camera: {type: string}}}}"),
        ],
        nonTriggeringExamples: [
            Example(
                #"{"source-ref": "s3://bucket/a.jpg", "split": "test"}"#,
                condition: "a value a user schema rejects", schema: "properties: {split: {enum: [train, test]}}")
        ]
    )
}
